// Benchmark of the generator (run after `pnpm main`, from generator/: `pnpm bench`).
//
// Absolute times do not carry between machines, so every target is a multiple of an anchor measured
// in the same run: a cold `node -e "require('ts-morph')"` (node start plus loading a large
// TypeScript library). Measured, each from a cold `node` start (spawning the CLI as a user does):
//   - the anchor, and a full generation of spec/ into an empty folder (target <= 1.3x);
//   - every official AWS model beside the clone (../shared/reference/aws-models): wall time as a
//     multiple of the anchor, peak RSS (target <= 1 GB), and whether it generated at all
//     (targets: MediaConvert <= 4x, QuickSight <= 10x);
// and, in process, the front end (load, check, ir) and the models and paginator emitters per shape:
// for spec/'s ListJobs closure replicated N times and for every model, so that growth with the
// number of shapes shows (it must stay linear); and the load stage's time per mixin for n mixins
// chained or shared (it must not grow with n).
// Default: about 90 s with fast validators (each cold CLI run once, N up to 16). DX_BENCH_FULL=1: more
// runs and N = 64. Prints one `BENCH {...}` line per result (see scripts/bench.mjs).
import { awsModelFiles, referenceFile } from "@dx/test-support/paths";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const generatorDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(generatorDir, "..");
const cli = join(generatorDir, "dist", "cli.js");
const rssRunner = join(generatorDir, "bench", "rss-run.mjs");
const specPath = join(repoRoot, "spec", "dataexchange-listjobs.json");
const FULL = process.env.DX_BENCH_FULL === "1";
const RUNS = Number(process.env.BENCH_RUNS ?? (FULL ? 5 : 3));
const SUITE = "@dx/generator";

const work = mkdtempSync(join(tmpdir(), "dx-gen-bench-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

function bench(caseName, metric, value, unit) {
  console.log(
    `BENCH ${JSON.stringify({ suite: SUITE, case: caseName, metric, value: Math.round(value * 100) / 100, unit })}`,
  );
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One cold node process: wall time, peak RSS (through bench/rss-run.mjs for the CLI) and, when it
 * fails, the first line it printed on stderr.
 */
function nodeRun(args, { rss = false } = {}) {
  const rssFile = join(work, `rss-${Math.random().toString(36).slice(2)}`);
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, rss ? [rssRunner, ...args] : args, {
    cwd: generatorDir,
    encoding: "utf8",
    env: { ...process.env, DX_BENCH_RSS_FILE: rssFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let rssMb;
  try {
    rssMb = Number(readFileSync(rssFile, "utf8")) / 1024;
  } catch {
    rssMb = undefined;
  }
  const failure =
    r.status === 0
      ? undefined
      : (r.stderr.split("\n").find((l) => l !== "" && !l.startsWith("dx-gen: warning")) ?? `exit ${r.status}`);
  return { ms, rssMb, failure };
}

const cliRun = (args) => nodeRun([cli, ...args], { rss: true });
const freshOut = () => join(work, `out-${Math.random().toString(36).slice(2)}`);

/** spec/ with its whole closure copied n times: shapes `X` become `X_<i>`, operations ListJobs_<i>. */
function replicate(spec, n) {
  const service = Object.entries(spec.shapes).find(([, s]) => s.type === "service");
  if (service === undefined) throw new Error("spec/ has no service");
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

// Stages are imported from the build, as the CLI runs them.
const { loadModel } = await import(join(generatorDir, "dist", "load", "load.js"));
const { checkModel } = await import(join(generatorDir, "dist", "check", "check.js"));
const { buildIr } = await import(join(generatorDir, "dist", "ir", "build.js"));
const { modelsEmitter } = await import(join(generatorDir, "dist", "emit", "models", "index.js"));
const { paginatorEmitter } = await import(join(generatorDir, "dist", "emit", "paginator", "index.js"));

function time(fn) {
  const start = process.hrtime.bigint();
  const value = fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, value];
}

/**
 * In-process time of the front end and the models and paginator emitters, best of `runs` (the
 * process is warm: this is the work, not the startup). The validators emitter is timed by the cold
 * CLI runs only (its compile step is measured in its own issue).
 */
function stages(specFile, runs) {
  const inputs = [{ file: specFile, text: readFileSync(specFile, "utf8") }];
  const best = {};
  let shapes = 0;
  for (let i = 0; i < runs; i++) {
    const [tl, model] = time(() => loadModel(inputs));
    const [tc, selection] = time(() => checkModel(model, []));
    const [ti, ir] = time(() => buildIr(model, selection, [specFile]));
    const [tm] = time(() => modelsEmitter.emit(ir));
    let tp;
    try {
      [tp] = time(() => paginatorEmitter.emit(ir));
    } catch {
      tp = Number.NaN;
    }
    const times = { load: tl, check: tc, ir: ti, models: tm, paginator: tp };
    for (const [k, v] of Object.entries(times)) best[k] = Math.min(best[k] ?? Infinity, v);
    shapes = ir.shapes.length;
  }
  const total = Object.values(best)
    .filter((v) => !Number.isNaN(v))
    .reduce((a, b) => a + b, 0);
  return { shapes, total, best };
}

const describeStages = (best) =>
  Object.entries(best)
    .map(([k, v]) => `${k} ${Number.isNaN(v) ? "fails" : v.toFixed(0)}`)
    .join(", ");

const load = (() => {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ")[0];
  } catch {
    return "?";
  }
})();
console.log(
  `dx-gen benchmark (${RUNS} runs of the anchor and spec/, one of each model${FULL ? "" : "; DX_BENCH_FULL=1 for more"}; load average ${load})\n`,
);

// The anchor and spec/ alternate, so that a change in the machine's load hits both alike.
const anchorTimes = [];
const specTimes = [];
const specRss = [];
nodeRun(["-e", "require('ts-morph')"]);
for (let i = 0; i < RUNS; i++) {
  anchorTimes.push(nodeRun(["-e", "require('ts-morph')"]).ms);
  const s = cliRun(["--out", freshOut()]);
  if (s.failure) throw new Error(`spec/ does not generate: ${s.failure}`);
  specTimes.push(s.ms);
  specRss.push(s.rssMb ?? Number.NaN);
}
const anchor = median(anchorTimes);
const ratio = (ms) => ms / anchor;
console.log(`anchor, node -e "require('ts-morph')":  ${anchor.toFixed(0)} ms median`);
console.log(
  `spec/ full generation, cold CLI:         ${median(specTimes).toFixed(0)} ms median = ${ratio(median(specTimes)).toFixed(2)}x the anchor (target <= 1.3x), peak RSS ${median(specRss).toFixed(0)} MB\n`,
);
bench("anchor: node -e require('ts-morph')", "wall_median", anchor, "ms");
bench("spec/ full generation (cold CLI)", "wall_median", median(specTimes), "ms");
bench("spec/ full generation (cold CLI)", "x_anchor", ratio(median(specTimes)), "x");
bench("spec/ full generation (cold CLI)", "peak_rss", median(specRss), "MB");

const spec = JSON.parse(readFileSync(specPath, "utf8"));
console.log("replicated ListJobs closure, in process (front end, models, paginator):");
console.log("   N  shapes  in-process ms  µs/shape  stages (ms)");
for (const n of FULL ? [1, 4, 16, 64] : [1, 4, 16]) {
  const file = join(work, `replicated-${n}.json`);
  writeFileSync(file, JSON.stringify(replicate(spec, n), null, 2));
  const s = stages(file, n >= 16 ? 2 : RUNS);
  const perShape = (s.total * 1000) / s.shapes;
  console.log(
    `${String(n).padStart(4)}  ${String(s.shapes).padStart(6)}  ${s.total.toFixed(1).padStart(13)}  ${perShape.toFixed(0).padStart(8)}  ${describeStages(s.best)}`,
  );
  bench(`replicated x${n}: ${s.shapes} shapes, in process`, "per_shape", perShape, "us");
}

/**
 * Mixin shapes (load/mixins/ flattens them in the load stage): n mixins in the shapes that hurt
 * most, load time per mixin; it must not grow with n. A chain each adding a member and a trait, used
 * once; one mixin used by n structures; a chain whose links only replace the documentation, each
 * link used by a structure.
 */
const MIXIN = { "smithy.api#mixin": {} };
const MIXIN_SHAPES = {
  chain: (n) => ({
    ...Object.fromEntries(
      Array.from({ length: n }, (_, i) => [
        `ex#M${i}`,
        {
          type: "structure",
          members: { [`m${i}`]: { target: "smithy.api#String" } },
          traits: { ...MIXIN, [`ex#t${i}`]: {} },
          ...(i > 0 && { mixins: [{ target: `ex#M${i - 1}` }] }),
        },
      ]),
    ),
    "ex#S": { type: "structure", mixins: [{ target: `ex#M${n - 1}` }] },
  }),
  "fan-out": (n) => ({
    "ex#M": { type: "structure", members: { a: { target: "smithy.api#String" } }, traits: MIXIN },
    ...Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`ex#S${i}`, { type: "structure", mixins: [{ target: "ex#M" }] }]),
    ),
  }),
  "doc chain, each link used": (n) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [
        [
          `ex#M${i}`,
          {
            type: "structure",
            traits: { ...MIXIN, "smithy.api#documentation": `Link ${i}.` },
            ...(i > 0 && { mixins: [{ target: `ex#M${i - 1}` }] }),
          },
        ],
        [`ex#S${i}`, { type: "structure", mixins: [{ target: `ex#M${i}` }] }],
      ]).flat(),
    ),
};
console.log("\nmixins, load stage in process (best of 3):");
console.log(`${"shape of the mixins".padEnd(30)}${"n".padStart(7)}${"load ms".padStart(10)}${"µs/mixin".padStart(10)}`);
for (const [name, make] of Object.entries(MIXIN_SHAPES))
  for (const n of FULL ? [2500, 5000, 10000, 20000] : [2500, 5000, 10000]) {
    const inputs = [{ file: "mixins.json", text: JSON.stringify({ smithy: "2.0", shapes: make(n) }) }];
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const [ms, model] = time(() => loadModel(inputs));
      if (model.diagnostics.length > 0) throw new Error(`mixins ${name}: ${model.diagnostics[0].message}`);
      best = Math.min(best, ms);
    }
    console.log(
      `${name.padEnd(30)}${String(n).padStart(7)}${best.toFixed(1).padStart(10)}${((best * 1000) / n).toFixed(1).padStart(10)}`,
    );
    bench(`mixins ${name} x${n}: load, in process`, "per_mixin", (best * 1000) / n, "us");
  }

const TARGETS = { mediaconvert: 4, quicksight: 10 };
console.log("\nevery official AWS model, cold CLI (all emitters) once, and in process (front end, models, paginator):");
console.log(
  `${"model".padEnd(34)}${"shapes".padStart(7)}${"CLI ms".padStart(9)}${"x anchor".padStart(10)}${"RSS MB".padStart(8)}${"front+emit ms".padStart(15)}${"µs/shape".padStart(10)}  result`,
);
for (const file of awsModelFiles()) {
  const path = referenceFile(`aws-models/${file}`);
  const name = file.replace(/\.json$/, "");
  const key = name.replace(/-\d{4}-\d{2}-\d{2}$/, "");
  const run = cliRun(["--spec", path, "--out", freshOut()]);
  let s;
  try {
    s = stages(path, 1);
  } catch (e) {
    s = { shapes: 0, total: Number.NaN, best: {}, error: String(e).split("\n")[0] };
  }
  const target = TARGETS[key];
  const result = run.failure
    ? `FAILS: ${run.failure.slice(0, 120)}`
    : target === undefined
      ? "ok"
      : `ok; target <= ${target}x ${ratio(run.ms) <= target ? "met" : "NOT met"}`;
  console.log(
    `${name.padEnd(34)}${String(s.shapes).padStart(7)}${run.ms.toFixed(0).padStart(9)}${ratio(run.ms).toFixed(2).padStart(10)}${(run.rssMb ?? Number.NaN).toFixed(0).padStart(8)}${s.total.toFixed(0).padStart(15)}${((s.total * 1000) / s.shapes).toFixed(0).padStart(10)}  ${result}`,
  );
  if (!run.failure) {
    bench(`${name}: cold CLI`, "x_anchor", ratio(run.ms), "x");
    bench(`${name}: cold CLI`, "peak_rss", run.rssMb ?? Number.NaN, "MB");
  }
  bench(`${name}: cold CLI`, "generates", run.failure ? 0 : 1, "bool");
  if (!Number.isNaN(s.total))
    bench(`${name}: ${s.shapes} shapes, in process`, "per_shape", (s.total * 1000) / s.shapes, "us");
}
