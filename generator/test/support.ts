/** Shared helpers of the generator tests: paths, a small valid spec to break, the CLI, folder snapshots, tsc. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

export const generatorDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = resolve(generatorDir, "..");
export const fixturesDir = join(generatorDir, "test", "fixtures");
export const cliPath = join(generatorDir, "dist", "cli.js");
const tscPath = join(generatorDir, "node_modules", "typescript", "bin", "tsc");

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Shapes = Record<string, Record<string, any>>;

/**
 * A minimal valid restJson1 spec with one paginated operation. Each bad-spec test breaks one thing in
 * a fresh copy.
 */
export function smallSpec(): { smithy: string; shapes: Shapes } {
  return {
    smithy: "2.0",
    shapes: {
      "ex#Svc": {
        type: "service",
        version: "1",
        operations: [{ target: "ex#ListThings" }],
        traits: { "aws.protocols#restJson1": {} },
      },
      "ex#ListThings": {
        type: "operation",
        input: { target: "ex#ListThingsInput" },
        output: { target: "ex#ListThingsOutput" },
        traits: {
          "smithy.api#http": { method: "GET", uri: "/things" },
          "smithy.api#paginated": { inputToken: "Token", outputToken: "Token", items: "Things", pageSize: "Max" },
        },
      },
      "ex#ListThingsInput": {
        type: "structure",
        members: { Token: { target: "smithy.api#String" }, Max: { target: "smithy.api#Integer" } },
      },
      "ex#ListThingsOutput": {
        type: "structure",
        members: { Token: { target: "smithy.api#String" }, Things: { target: "ex#Things" } },
      },
      "ex#Things": { type: "list", member: { target: "ex#Thing" } },
      "ex#Thing": {
        type: "structure",
        members: { Name: { target: "smithy.api#String", traits: { "smithy.api#required": {} } } },
        traits: { "smithy.api#documentation": "A thing." },
      },
    },
  };
}

/** The spec as the text of a file, pretty-printed so that positions are easy to find. */
export function specText(spec: unknown): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

/** 1-based line and column of the `nth` (0-based) occurrence of `needle` in `text`; fails if absent. */
export function positionOf(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth + 1} times`);
  }
  const before = text.slice(0, at).split("\n");
  return { line: before.length, column: (before.at(-1) as string).length + 1 };
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = "dx-gen-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function writeFile(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`dist/cli.js`) as a user would. */
export function runCli(args: readonly string[], cwd = repoRoot, nodeArgs: readonly string[] = []): CliResult {
  const r = spawnSync(process.execPath, [...nodeArgs, cliPath, ...args], { cwd, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file and folder under `dir` (hidden ones too) with the bytes of each file, for before/after comparisons. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        out[`${path}/`] = "(folder)";
        walk(path);
      } else out[path] = readFileSync(join(dir, path)).toString("base64");
    }
  };
  walk("");
  return out;
}

/**
 * Type-checks the TypeScript files under `dir` with the repo's strict settings (strict,
 * exactOptionalPropertyTypes, noUncheckedIndexedAccess) as an ES module package. Returns tsc's output.
 */
export function typecheck(
  dir: string,
  include: readonly string[] = ["**/*.ts"],
): { status: number | null; output: string } {
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: join(repoRoot, "tsconfig.base.json"),
      compilerOptions: { noEmit: true, types: [], rootDir: "." },
      include,
    }),
  );
  const r = spawnSync(process.execPath, [tscPath, "-p", join(dir, "tsconfig.json")], { cwd: dir, encoding: "utf8" });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** Deep-freezes a value so that any later mutation throws (ES modules run in strict mode). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** JSON with object keys sorted at every level, for snapshots that do not depend on insertion order. */
export function sortedJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (typeof v === "object" && v !== null) {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}
