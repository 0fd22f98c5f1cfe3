// Validations per second of a 200-job ListJobsResponse page (every detail variant), wire and model
// form, side by side with JSON.parse of the same bytes and a hand-written zod 4 schema.
// Run after `pnpm main`: `pnpm --filter @dx/validators bench`. Prints BENCH lines (see README).
import Ajv2020 from "ajv/dist/2020.js";
import { readFileSync } from "node:fs";
import { isListJobsResponse, parseListJobsResponse } from "../dist/index.js";
import { ListJobsResponse as compiledWire } from "../dist/generated/compiled/wire.gen.js";
import { wirePage } from "./page.mjs";
import { listJobsResponse as zodSchema } from "./zod-schema.mjs";

const SUITE = "@dx/validators";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 400);

const page = wirePage(200);
const bytes = Buffer.from(JSON.stringify(page));
const text = bytes.toString("utf8");
const wire = JSON.parse(text);
const model = parseListJobsResponse(wire);

// Ajv compiling the same wire schema at run time, with format checks switched off: the floor.
const bundle = JSON.parse(readFileSync(new URL("../dist/generated/schemas/wire.gen.json", import.meta.url), "utf8"));
const ajv = new Ajv2020.default({
  strict: false,
  allErrors: true,
  formats: { "date-time": true, "http-date": true, byte: true },
});
ajv.addSchema(bundle);
const ajvNoFormats = ajv.getSchema(`${bundle.$id}#/$defs/ListJobsResponse`);

let sink = 0;
const cases = {
  "JSON.parse of the page bytes": () => (sink += JSON.parse(text).Jobs.length),
  "wire: compiled validator (strict, every timestamp checked)": () => (sink += compiledWire(wire) ? 1 : 0),
  "wire: parseListJobsResponse (validate + timestamps to Date)": () =>
    (sink += parseListJobsResponse(wire).Jobs.length),
  "wire: parseListJobsResponse, tolerant": () =>
    (sink += parseListJobsResponse(wire, { mode: "tolerant" }).Jobs.length),
  "model: isListJobsResponse (strict)": () => (sink += isListJobsResponse(model) ? 1 : 0),
  "wire: zod 4 safeParse (hand-written schema)": () => (sink += zodSchema.safeParse(wire).success ? 1 : 0),
  "wire: Ajv at run time, formats not checked": () => (sink += ajvNoFormats(wire) ? 1 : 0),
};

if (!compiledWire(wire) || !isListJobsResponse(model) || !zodSchema.safeParse(wire).success || !ajvNoFormats(wire))
  throw new Error("the page must be valid for every validator");

function opsPerSecond(fn, ms) {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 20; i++) fn();
    n += 20;
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}

for (const fn of Object.values(cases)) opsPerSecond(fn, 300); // warm up every case before measuring any
const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let r = 0; r < ROUNDS; r++)
  for (const [name, fn] of Object.entries(cases)) samples[name].push(opsPerSecond(fn, ROUND_MS));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const parseOps = median(samples["JSON.parse of the page bytes"]);
console.log(`page: ${page.Jobs.length} jobs, ${bytes.length} bytes; median of ${ROUNDS} rounds of ${ROUND_MS} ms`);
console.log(`${"case".padEnd(64)} ${"pages/s".padStart(10)}  cost vs JSON.parse`);
for (const name of Object.keys(cases)) {
  const ops = median(samples[name]);
  const ratio = parseOps / ops;
  console.log(`${name.padEnd(64)} ${ops.toFixed(0).padStart(10)}  ${ratio.toFixed(3)}x`);
  console.log(
    `BENCH ${JSON.stringify({ suite: SUITE, case: name, metric: "pages/s", value: Math.round(ops), unit: "pages/s" })}`,
  );
  if (name !== "JSON.parse of the page bytes")
    console.log(
      `BENCH ${JSON.stringify({ suite: SUITE, case: name, metric: "cost vs JSON.parse", value: Number(ratio.toFixed(3)), unit: "x" })}`,
    );
}
if (sink === 0) throw new Error("nothing ran");
