/**
 * Throughput and peak memory of listing 100,000 jobs from the local endpoint (in a child process, so
 * its memory is not counted), at page sizes 25 and 200, through:
 *   - our paginateListJobs over the AWS SDK client, validation tolerant (default), tolerant with
 *     readAhead (the next request overlaps validating the current page), and off,
 *   - the SDK's own paginateListJobs (same client settings),
 *   - a bare fetch loop (fetch + JSON.parse, no validation, no Date conversion).
 * Peak memory is the highest heap in use while iterating, above the heap after a GC at the start.
 * Prints one BENCH line per result. Run after `pnpm main`: `pnpm --filter @dx/paginator bench`.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DataExchangeClient, paginateListJobs as sdkPaginateListJobs } from "@aws-sdk/client-dataexchange";
import { paginateListJobs } from "../dist/index.js";

const JOBS = Number(process.env.BENCH_JOBS ?? 100_000);
const PAGE_SIZES = [25, 200];
const require = createRequire(import.meta.url);
const endpointCli = join(dirname(require.resolve("@dx/local-endpoint/package.json")), "dist", "cli.js");

function startEndpoint() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [endpointCli, "--jobs", String(JOBS)], { stdio: ["ignore", "pipe", "inherit"] });
    child.once("error", reject);
    child.stdout.setEncoding("utf8");
    child.stdout.once("data", (line) => resolve({ url: line.trim(), stop: () => child.kill("SIGKILL") }));
    child.once("exit", (code) => reject(new Error(`endpoint exited with ${code}`)));
  });
}

function client(url) {
  return new DataExchangeClient({ region: "us-east-1", endpoint: url, credentials: { accessKeyId: "AKIDBENCH", secretAccessKey: "bench" } });
}

/** Runs `iterate(onPage)` once, measuring wall time and the peak heap above the post-GC baseline. */
async function measure(iterate) {
  globalThis.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  let count = 0;
  const started = performance.now();
  await iterate((jobs) => {
    count += jobs;
    const used = process.memoryUsage().heapUsed;
    if (used > peak) peak = used;
  });
  const seconds = (performance.now() - started) / 1000;
  if (count !== JOBS) throw new Error(`listed ${count} jobs, expected ${JOBS}`);
  return { jobsPerSecond: count / seconds, peakMb: (peak - base) / 2 ** 20 };
}

const cases = {
  "dx paginateListJobs, validation tolerant": (url, size) => async (onPage) => {
    const c = client(url);
    for await (const page of paginateListJobs(c, { PaginationConfig: { PageSize: size } })) onPage(page.Jobs?.length ?? 0);
    c.destroy();
  },
  "dx paginateListJobs, validation tolerant, readAhead": (url, size) => async (onPage) => {
    const c = client(url);
    for await (const page of paginateListJobs(c, { PaginationConfig: { PageSize: size } }, { readAhead: true })) onPage(page.Jobs?.length ?? 0);
    c.destroy();
  },
  "dx paginateListJobs, validation off": (url, size) => async (onPage) => {
    const c = client(url);
    for await (const page of paginateListJobs(c, { PaginationConfig: { PageSize: size } }, { validation: "off" })) onPage(page.Jobs?.length ?? 0);
    c.destroy();
  },
  "AWS SDK paginateListJobs": (url, size) => async (onPage) => {
    const c = client(url);
    for await (const page of sdkPaginateListJobs({ client: c, pageSize: size }, {})) onPage(page.Jobs?.length ?? 0);
    c.destroy();
  },
  "bare fetch loop": (url, size) => async (onPage) => {
    let token;
    do {
      const response = await fetch(`${url}/v1/jobs?maxResults=${size}${token ? `&nextToken=${encodeURIComponent(token)}` : ""}`);
      const page = JSON.parse(await response.text());
      onPage(page.Jobs.length);
      token = page.NextToken;
    } while (token);
  },
};

const WARM = Symbol("warm");
function warmUp() {
  let seen = 0;
  return (jobs) => {
    if ((seen += jobs) >= 5_000) throw WARM;
  };
}

const endpoint = await startEndpoint();
try {
  console.log(`Listing ${JOBS} jobs from ${endpoint.url} (node ${process.version}, ${globalThis.gc ? "with" : "without"} --expose-gc, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")})`);
  // Warm up every path (JIT, connection pools) on the first 5,000 jobs.
  for (const make of Object.values(cases)) {
    await make(endpoint.url, 200)(warmUp()).catch((error) => (error === WARM ? undefined : Promise.reject(error)));
  }
  for (const [round, size] of PAGE_SIZES.entries()) {
    const results = {};
    // The machine may be busy with other work: alternate the order of the cases between page sizes.
    const order = round % 2 === 0 ? Object.entries(cases) : Object.entries(cases).reverse();
    for (const [name, make] of order) {
      // One pass each: a pass over 100,000 jobs (about 680 MB of JSON) is long enough to average out noise.
      results[name] = await measure(make(endpoint.url, size));
    }
    const sdk = results["AWS SDK paginateListJobs"].jobsPerSecond;
    for (const name of Object.keys(cases)) {
      const r = results[name];
      console.log(`page size ${String(size).padStart(3)}  ${name.padEnd(52)} ${Math.round(r.jobsPerSecond).toString().padStart(8)} jobs/s  ${r.peakMb.toFixed(1).padStart(6)} MB peak  (${(r.jobsPerSecond / sdk).toFixed(2)}x SDK)`);
      const label = `${name}, page size ${size}`;
      console.log(`BENCH ${JSON.stringify({ suite: "@dx/paginator", case: label, metric: "throughput", value: Math.round(r.jobsPerSecond), unit: "jobs/s" })}`);
      console.log(`BENCH ${JSON.stringify({ suite: "@dx/paginator", case: label, metric: "peak heap", value: Number(r.peakMb.toFixed(1)), unit: "MB" })}`);
    }
    for (const name of ["dx paginateListJobs, validation tolerant", "dx paginateListJobs, validation tolerant, readAhead"]) {
      const ratio = results[name].jobsPerSecond / sdk;
      console.log(`BENCH ${JSON.stringify({ suite: "@dx/paginator", case: `${name.replace("dx paginateListJobs, ", "")} vs AWS SDK paginator, page size ${size}`, metric: "throughput ratio", value: Number(ratio.toFixed(3)), unit: "x" })}`);
    }
  }
  // Memory, not speed: the heap still in use after a GC, sampled every 10 pages, through the
  // paginator (flat: independent of how many jobs have gone by) and through buildFullResult (grows).
  const retained = async (collectAll) => {
    globalThis.gc?.();
    const base = process.memoryUsage().heapUsed;
    const samples = [];
    let pages = 0;
    const sample = () => {
      globalThis.gc?.();
      samples.push((process.memoryUsage().heapUsed - base) / 2 ** 20);
    };
    const c = client(endpoint.url);
    const paginator = paginateListJobs(c, { PaginationConfig: { PageSize: 200 } });
    if (collectAll) {
      const result = await paginator.buildFullResult(() => ++pages % 10 === 0 && sample());
      sample();
      if (result.Jobs.length !== JOBS) throw new Error("buildFullResult lost jobs");
    } else {
      for await (const page of paginator) if (++pages % 10 === 0 && page.Jobs) sample();
    }
    c.destroy();
    const early = Math.max(0, Math.floor(samples.length / 10) - 1); // the sample nearest a tenth of the listing
    return { tenth: samples[early] ?? 0, tenthJobs: (early + 1) * 10 * 200, max: Math.max(...samples), last: samples.at(-1) ?? 0 };
  };
  if (globalThis.gc) {
    const iterate = await retained(false);
    const full = await retained(true);
    console.log(`retained heap after GC, page size 200: iterating ${iterate.tenth.toFixed(1)} MB after ${iterate.tenthJobs} jobs, at most ${iterate.max.toFixed(1)} MB over ${JOBS}; buildFullResult ${full.last.toFixed(1)} MB at the end`);
    for (const [label, value] of [
      [`paginateListJobs iterating, retained after ${iterate.tenthJobs} jobs`, iterate.tenth],
      [`paginateListJobs iterating, retained max over ${JOBS} jobs`, iterate.max],
      [`buildFullResult, retained with ${JOBS} jobs`, full.last],
    ]) {
      console.log(`BENCH ${JSON.stringify({ suite: "@dx/paginator", case: label, metric: "retained heap", value: Number(value.toFixed(1)), unit: "MB" })}`);
    }
  }
} finally {
  endpoint.stop();
}
process.exit(0); // SDK clients left by the warm-up keep sockets open
