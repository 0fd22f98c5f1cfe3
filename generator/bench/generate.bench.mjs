// Benchmark of the generator (run after `pnpm main`, from generator/: `pnpm bench`).
// Measures, from a cold `node` start (spawning the CLI as a user does):
//   - a full generation of spec/ into an empty folder, and a regeneration over up-to-date output;
//   - the spec's ListJobs closure replicated under N renamed operations (N = 1, 4, 16, 64), so that
//     the growth with the number of shapes shows;
//   - the official MediaConvert model (all operations).
// and, in process, the time of each stage for the replicated specs (startup aside).
// Prints one `BENCH {...}` line per result (see the benchmark protocol in the README).
import { referenceFile } from "@dx/test-support/paths";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const generatorDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(generatorDir, "..");
const cli = join(generatorDir, "dist", "cli.js");
const specPath = join(repoRoot, "spec", "dataexchange-listjobs.json");
const mediaconvert = referenceFile("aws-models/mediaconvert-2017-08-29.json");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SUITE = "@dx/generator";

const work = mkdtempSync(join(tmpdir(), "dx-gen-bench-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

function bench(caseName, metric, value, unit) {
  console.log(
    `BENCH ${JSON.stringify({ suite: SUITE, case: caseName, metric, value: Math.round(value * 10) / 10, unit })}`,
  );
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * CPU time (user + system) of the children this process has waited for, in ms, from
 * /proc/self/stat (Linux); undefined elsewhere. Unlike wall time, it hardly moves when other work
 * shares the machine.
 */
function childrenCpuMs() {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    // cutime and cstime are fields 16 and 17 of stat(5); "fields" starts at field 3.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

const cpuTimes = [];

/** Wall time of one CLI process, from spawn to exit (its CPU time goes to `cpuTimes`). */
function cliRun(args) {
  return nodeRun([cli, ...args]);
}

function nodeRun(args) {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed:\n${r.stderr}`);
  const cpuAfter = childrenCpuMs();
  cpuTimes.push(cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore);
  return ms;
}

/** Median and best wall time, and median CPU time, of RUNS cold runs; `fresh` gives each run an empty output folder. */
function coldCli(args, fresh) {
  const times = [];
  let out = join(work, `out-${Math.random().toString(36).slice(2)}`);
  if (!fresh) cliRun([...args, "--out", out]);
  cpuTimes.length = 0;
  for (let i = 0; i < RUNS; i++) {
    if (fresh) out = join(work, `out-${i}-${Math.random().toString(36).slice(2)}`);
    times.push(cliRun([...args, "--out", out]));
  }
  const cpu = cpuTimes.every((t) => t !== undefined) ? median(cpuTimes) : undefined;
  return { median: median(times), best: Math.min(...times), cpu };
}

/** spec/ with its whole closure copied n times: shapes `X` become `X_<i>`, operations ListJobs_<i>. */
function replicate(spec, n) {
  const service = Object.entries(spec.shapes).find(([, s]) => s.type === "service");
  const shapes = {};
  const rename = (id, i) => (id.startsWith("smithy.api#") ? id : `${id}_${i}`);
  const retarget = (value, i) =>
    JSON.parse(JSON.stringify(value), (key, v) => (key === "target" && typeof v === "string" ? rename(v, i) : v));
  for (let i = 0; i < n; i++) {
    for (const [id, s] of Object.entries(spec.shapes)) if (s.type !== "service") shapes[rename(id, i)] = retarget(s, i);
  }
  const [serviceId, serviceShape] = service;
  shapes[serviceId] = {
    ...serviceShape,
    operations: Array.from({ length: n }, (_, i) =>
      serviceShape.operations.map((o) => ({ target: rename(o.target, i) })),
    ).flat(),
  };
  return { ...spec, shapes };
}

const { runPipeline } = await import(join(generatorDir, "dist", "pipeline.js"));
// Stages are imported from the build, as the CLI runs them.
const { loadModel } = await import(join(generatorDir, "dist", "load", "load.js"));
const { checkModel } = await import(join(generatorDir, "dist", "check", "check.js"));
const { buildIr } = await import(join(generatorDir, "dist", "ir", "build.js"));
const { EMITTERS } = await import(join(generatorDir, "dist", "emit", "index.js"));
const { writeOutputs } = await import(join(generatorDir, "dist", "write", "write.js"));

function time(fn) {
  const start = process.hrtime.bigint();
  const value = fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, value];
}

/**
 * In-process time of each stage and each emitter, best of `runs` (the process is warm: this is the
 * work, not the startup).
 */
function stages(specFile, runs) {
  const inputs = [{ file: specFile, text: readFileSync(specFile, "utf8") }];
  const best = {};
  let shapes = 0;
  for (let i = 0; i < runs; i++) {
    const [tl, model] = time(() => loadModel(inputs));
    const [tc, selection] = time(() => checkModel(model, []));
    const [ti, ir] = time(() => buildIr(model, selection, [specFile]));
    const emitted = EMITTERS.map((e) => time(() => ({ outDir: e.outDir, files: e.emit(ir) })));
    const outputs = emitted.map(([, o]) => o);
    const [tw] = time(() => writeOutputs(join(work, `stages-${i}-${Math.random().toString(36).slice(2)}`), outputs));
    const times = {
      load: tl,
      check: tc,
      ir: ti,
      ...Object.fromEntries(EMITTERS.map((e, k) => [`emit ${e.name}`, emitted[k][0]])),
      write: tw,
    };
    for (const [k, v] of Object.entries(times)) best[k] = Math.min(best[k] ?? Infinity, v);
    shapes = ir.shapes.length;
  }
  const total = Object.values(best).reduce((a, b) => a + b, 0);
  return { shapes, total, best };
}

const describeStages = (best) =>
  Object.entries(best)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(", ");

// Warm the file system cache and check the CLI works before measuring.
runPipeline({ root: repoRoot });

const load = (() => {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ")[0];
  } catch {
    return "?";
  }
})();
console.log(
  `dx-gen benchmark (median of ${RUNS} cold CLI runs; best in-process stage times; one run for N >= 16; load average ${load})\n`,
);

const coldFresh = coldCli([], true);
const coldRegen = coldCli([], false);
/** Median/best wall and median CPU time of RUNS runs of `run`, which spawns one process each. */
function repeated(run) {
  cpuTimes.length = 0;
  const times = Array.from({ length: RUNS }, run);
  return {
    median: median(times),
    best: Math.min(...times),
    cpu: cpuTimes.every((t) => t !== undefined) ? median(cpuTimes) : undefined,
  };
}
const helpOnly = repeated(() => cliRun(["--help"]));
// What every generation pays before any work: loading the pipeline, its emitters and their libraries.
const pipelineImport = repeated(() =>
  nodeRun(["--input-type=module", "-e", `await import(${JSON.stringify(join(generatorDir, "dist", "pipeline.js"))})`]),
);
const show = (label, t) =>
  console.log(
    `${label.padEnd(52)}${t.median.toFixed(0).padStart(6)} ms median, ${t.best.toFixed(0)} ms best${t.cpu === undefined ? "" : `, ${t.cpu.toFixed(0)} ms CPU`}`,
  );
show("spec/ full generation, cold node, empty --out:", coldFresh);
show("spec/ regeneration, cold node, up-to-date --out:", coldRegen);
show("node dist/cli.js --help (node start, no pipeline):", helpOnly);
show("node start + import of the pipeline (ts-morph, Ajv):", pipelineImport);
console.log("");
for (const [name, t] of [
  ["spec/ full generation (cold CLI)", coldFresh],
  ["spec/ regeneration (cold CLI)", coldRegen],
  ["CLI --help (node start, no pipeline)", helpOnly],
  ["node start + pipeline import", pipelineImport],
]) {
  bench(name, "wall_median", t.median, "ms");
  bench(name, "wall_best", t.best, "ms");
  if (t.cpu !== undefined) bench(name, "cpu_median", t.cpu, "ms");
}

const spec = JSON.parse(readFileSync(specPath, "utf8"));
console.log("replicated ListJobs closure (N copies under renamed operations):");
console.log("   N  shapes  cold CLI ms  in-process ms  µs/shape  stages (ms)");
// BENCH_MAX_N=16 (say) skips the largest copies for a quick look.
for (const n of [1, 4, 16, 64].filter((k) => k <= Number(process.env.BENCH_MAX_N ?? 64))) {
  const file = join(work, `replicated-${n}.json`);
  writeFileSync(file, JSON.stringify(replicate(spec, n), null, 2));
  // Large cases are long enough that one run is a fair measure.
  const runs = n >= 16 ? 1 : RUNS;
  const cold = median(
    Array.from({ length: runs }, (_, i) => cliRun(["--spec", file, "--out", join(work, `rep-${n}-${i}`)])),
  );
  const s = stages(file, runs);
  const perShape = (s.total * 1000) / s.shapes;
  console.log(
    `${String(n).padStart(4)}  ${String(s.shapes).padStart(6)}  ${cold.toFixed(0).padStart(11)}  ${s.total.toFixed(0).padStart(13)}  ${perShape.toFixed(0).padStart(8)}  ${describeStages(s.best)}`,
  );
  bench(`replicated x${n}: ${s.shapes} shapes, cold CLI`, "wall", cold, "ms");
  bench(`replicated x${n}: ${s.shapes} shapes, in process`, "work", s.total, "ms");
  bench(`replicated x${n}: ${s.shapes} shapes, in process`, "per_shape", perShape, "us");
}

const mc = cliRun(["--spec", mediaconvert, "--out", join(work, "mediaconvert")]);
const m = stages(mediaconvert, 1);
console.log(
  `\nMediaConvert (${m.shapes} shapes in the closure): cold CLI ${mc.toFixed(0)} ms; in process ${m.total.toFixed(0)} ms (${describeStages(m.best)})`,
);
bench(`MediaConvert: ${m.shapes} shapes, cold CLI`, "wall", mc, "ms");
bench(`MediaConvert: ${m.shapes} shapes, in process`, "work", m.total, "ms");
bench(`MediaConvert: ${m.shapes} shapes, in process`, "per_shape", (m.total * 1000) / m.shapes, "us");
