// Runs the `bench` script of every workspace package (the generator first), echoes their output,
// collects their `BENCH {...}` lines and prints them as one table. Run it after a build (root
// `pnpm bench` builds first). Exits 1 if any package's benchmark fails.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Package folders named by pnpm-workspace.yaml ("dir" or "dir/*" entries), in its order. */
function workspacePackages() {
  const yaml = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const patterns = [...yaml.matchAll(/^\s*-\s*["']?([^"'\s#]+)["']?/gm)].map((m) => m[1]);
  return patterns.flatMap((p) => {
    if (!p.endsWith("/*")) return [p];
    const parent = p.slice(0, -2);
    if (!existsSync(join(root, parent))) return [];
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `${parent}/${e.name}`)
      .sort();
  });
}

const withBench = workspacePackages()
  .filter((dir) => existsSync(join(root, dir, "package.json")))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) }))
  .filter(({ manifest }) => typeof manifest.scripts?.bench === "string")
  // The generator's benchmark first: the issue asks for it to lead.
  .sort((a, b) => Number(b.dir === "generator") - Number(a.dir === "generator"));

/** Runs one package's bench script, echoing its output, and resolves with its BENCH results. */
function runBench({ dir, manifest }) {
  return new Promise((resolvePromise) => {
    console.log(`\n=== ${manifest.name} (${dir}): ${manifest.scripts.bench}\n`);
    const child = spawn("pnpm", ["run", "--silent", "bench"], {
      cwd: join(root, dir),
      stdio: ["ignore", "pipe", "inherit"],
    });
    const results = [];
    let pending = "";
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString("utf8")).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) collect(line, results);
    });
    child.on("close", (code) => {
      collect(pending, results);
      resolvePromise({ name: manifest.name, code, results });
    });
  });
}

function collect(line, results) {
  const m = /^BENCH (\{.*\})\s*$/.exec(line);
  if (!m) return;
  try {
    results.push(JSON.parse(m[1]));
  } catch {
    console.error(`bench: ignoring a malformed BENCH line: ${line}`);
  }
}

const runs = [];
for (const pkg of withBench) runs.push(await runBench(pkg));

const rows = runs.flatMap((r) =>
  r.results.map((b) => [
    String(b.suite ?? r.name),
    String(b.case),
    String(b.metric),
    formatValue(b.value),
    String(b.unit ?? ""),
  ]),
);
const header = ["suite", "case", "metric", "value", "unit"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) =>
  `| ${cells.map((c, i) => (i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
console.log(`\n${line(header)}\n| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
for (const row of rows) console.log(line(row));

const failed = runs.filter((r) => r.code !== 0);
if (withBench.length === 0) console.log("\nno workspace package defines a bench script");
for (const f of failed) console.error(`\nbench: ${f.name} failed (exit ${f.code})`);
process.exitCode = failed.length > 0 ? 1 : 0;

function formatValue(v) {
  return typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : String(v);
}
