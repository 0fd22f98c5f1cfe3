/**
 * The README's commands work as written: every ```sh block runs from the root (bash, -e, pipefail)
 * and exits 0, unless a `<!-- readme-commands: skip (reason) -->` line right above it names why it
 * cannot run here; every `pnpm <script>` the README names is a script of the root package.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanEnv, WORKSPACE } from "./support/run.js";

const readme = readFileSync(join(WORKSPACE, "README.md"), "utf8");
const SKIP = /^<!-- readme-commands: skip \((.+)\) -->$/;

interface Block {
  line: number;
  code: string;
  skip?: string;
}

function shellBlocks(text: string): Block[] {
  const lines = text.split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== "```sh") continue;
    const end = lines.indexOf("```", i + 1);
    const skip = SKIP.exec(lines[i - 1] ?? "")?.[1];
    blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join("\n"), ...(skip !== undefined && { skip }) });
    i = end;
  }
  return blocks;
}

const blocks = shellBlocks(readme);

describe("the README's commands", () => {
  it("has shell blocks to run, and every skipped one says why", () => {
    expect(blocks.filter((b) => b.skip === undefined).length).toBeGreaterThanOrEqual(2);
    for (const b of blocks.filter((b) => b.skip !== undefined)) expect(b.skip!.length).toBeGreaterThan(10);
  });

  it.each(blocks.filter((b) => b.skip === undefined).map((b) => [b.line, b.code] as const))(
    "the block at README.md:%i runs and exits 0",
    (_line, code) => {
      const r = spawnSync("bash", ["-euo", "pipefail", "-c", code], {
        cwd: WORKSPACE,
        env: cleanEnv(),
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(r.status, `${code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`).toBe(0);
    },
  );

  it("names only pnpm scripts that exist", () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync(join(WORKSPACE, "package.json"), "utf8")) as { scripts: Record<string, string> })
        .scripts,
    );
    const builtins = new Set(["install", "add", "exec", "run", "publish", "--filter", "-w", "dlx"]);
    const named = [...readme.matchAll(/(?:^|[`\s(])pnpm ((?:--?)?[\w:-]+)/gm)].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(10);
    const unknown = [...new Set(named)].filter((n) => !builtins.has(n) && !scripts.includes(n));
    expect(unknown).toEqual([]);
  });

  it("dx-gen --help lists every command, diff included", () => {
    const r = spawnSync("pnpm", ["dx-gen", "--help"], { cwd: WORKSPACE, env: cleanEnv(), encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/dx-gen diff/);
    expect(r.stdout).toMatch(/--check/);
  });
});
