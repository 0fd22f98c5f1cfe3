import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, run } from "./support/run.js";
import { copyWorkspace } from "./support/workspace-copy.js";

interface TaskSummary {
  taskId: string;
  command: string;
  cache: { status: "HIT" | "MISS" };
  dependencies: string[];
}

/** Every task of `turbo run build` that has a command, with its cache status. */
async function buildTasks(repo: string, cacheDir: string, mode: "run" | "dry"): Promise<TaskSummary[]> {
  const turbo = join(repo, "node_modules/turbo/bin/turbo");
  const args = ["run", "build", `--cache-dir=${cacheDir}`, "--output-logs=errors-only"];
  let summary: { tasks: TaskSummary[] };
  if (mode === "dry") {
    summary = JSON.parse(
      (await run(process.execPath, [turbo, ...args, "--dry=json"], { cwd: repo, timeout: 60_000 })).stdout,
    );
  } else {
    const runs = join(repo, ".turbo/runs");
    rmSync(runs, { recursive: true, force: true });
    await run(process.execPath, [turbo, ...args, "--summarize"], {
      cwd: repo,
      env: cleanEnv({ CI: "true" }),
      timeout: 300_000,
    });
    const [file] = readdirSync(runs).filter((f) => f.endsWith(".json"));
    summary = JSON.parse(readFileSync(join(runs, file as string), "utf8"));
  }
  return summary.tasks.filter((t) => t.command !== "<NONEXISTENT>");
}

const statuses = (tasks: TaskSummary[]): Record<string, string> =>
  Object.fromEntries(tasks.map((t) => [t.taskId, t.cache.status]));

/** The tasks that depend, directly or not, on `root` (not `root` itself). */
function downstreamOf(root: string, tasks: TaskSummary[]): Set<string> {
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tasks) {
      if (!found.has(t.taskId) && t.dependencies.some((d) => d === root || found.has(d))) {
        found.add(t.taskId);
        grew = true;
      }
    }
  }
  return found;
}

/** Packages whose src/generated/ the generator writes. */
function generatedPackages(root: string): string[] {
  return readdirSync(join(root, "packages"))
    .filter((d) => existsSync(join(root, "packages", d, "src/generated")))
    .map((d) => (JSON.parse(readFileSync(join(root, "packages", d, "package.json"), "utf8")) as { name: string }).name);
}

describe("turbo's task graph and cache (in a copy of the workspace)", () => {
  let tmp: string;
  let repo: string;
  let cacheDir: string;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "dx-turbo-"));
    repo = join(tmp, "repo");
    cacheDir = join(tmp, "cache");
    await copyWorkspace(repo, { withDist: false });
    // The first build: nothing is cached, everything runs.
    const first = await buildTasks(repo, cacheDir, "run");
    expect(Object.values(statuses(first))).not.toContain("HIT");
  }, 360_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("a second build with nothing changed is a full cache hit", async () => {
    const second = statuses(await buildTasks(repo, cacheDir, "run"));
    expect(Object.keys(second)).toContain("@dx/generator#generate");
    for (const [task, status] of Object.entries(second)) expect(`${task}: ${status}`).toBe(`${task}: HIT`);
  });

  it("restores build outputs from the cache", async () => {
    const dist = join(repo, "packages/models/dist");
    const expected = readdirSync(dist, { recursive: true }).map(String).sort();
    rmSync(dist, { recursive: true });
    for (const [task, status] of Object.entries(statuses(await buildTasks(repo, cacheDir, "run"))))
      expect(`${task}: ${status}`).toBe(`${task}: HIT`);
    expect(readdirSync(dist, { recursive: true }).map(String).sort()).toEqual(expected);
  });

  it("a change outside every task's inputs reruns nothing", async () => {
    writeFileSync(join(repo, "README.md"), `${readFileSync(join(repo, "README.md"), "utf8")}\nA line no task reads.\n`);
    for (const [task, status] of Object.entries(statuses(await buildTasks(repo, cacheDir, "dry"))))
      expect(`${task}: ${status}`).toBe(`${task}: HIT`);
  });

  it("a change under spec/ reruns generate and exactly the tasks downstream of it, and one build settles it", async () => {
    // A documentation change of a structure: it reaches the models' TSDoc, so generated files change.
    const spec = join(repo, "spec", readdirSync(join(repo, "spec")).find((f) => f.endsWith(".json")) as string);
    const model = JSON.parse(readFileSync(spec, "utf8")) as {
      shapes: Record<string, { type?: string; traits?: Record<string, unknown> }>;
    };
    const structure = Object.values(model.shapes).find(
      (s) => s.type === "structure" && s.traits?.["smithy.api#error"] === undefined,
    );
    structure!.traits = {
      ...structure!.traits,
      "smithy.api#documentation": "Documentation changed by the turbo cache test.",
    };
    writeFileSync(spec, JSON.stringify(model, null, 2));

    const tasks = await buildTasks(repo, cacheDir, "dry");
    const misses = Object.entries(statuses(tasks))
      .filter(([, s]) => s === "MISS")
      .map(([t]) => t)
      .sort();
    const downstream = downstreamOf("@dx/generator#generate", tasks);
    expect(misses).toEqual(["@dx/generator#generate", ...downstream].sort());
    // Not circular: the generator's own build is untouched, and every generated package rebuilds.
    expect(misses).not.toContain("@dx/generator#build");
    const generated = generatedPackages(repo);
    expect(generated).toContain("@dx/models");
    for (const name of generated) expect(misses).toContain(`${name}#build`);

    // The build that regenerates leaves a state the next build fully replays.
    const rebuilt = statuses(await buildTasks(repo, cacheDir, "run"));
    expect(
      Object.entries(rebuilt)
        .filter(([, s]) => s === "MISS")
        .map(([t]) => t)
        .sort(),
    ).toEqual(misses);
    expect(readFileSync(join(repo, "packages/models/src/generated/shapes.gen.ts"), "utf8")).toContain(
      "Documentation changed by the turbo cache test.",
    );
    for (const [task, status] of Object.entries(statuses(await buildTasks(repo, cacheDir, "run"))))
      expect(`${task}: ${status}`).toBe(`${task}: HIT`);
  });
});
