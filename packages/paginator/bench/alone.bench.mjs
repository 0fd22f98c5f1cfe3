/**
 * One transport per process, as a program meets it: each run is a fresh `node` that lists the jobs
 * through one transport only (after a warm-up of 2,000 jobs), so that no other case's code, garbage
 * or heap size changes its JIT and GC. The main bench (paginator.bench.mjs) runs every case in one
 * process, which balances load between cases better but shares one heap between them.
 * Transports: our paginateListJobs over signedClient (`@dx/paginator/signed`) and over the SDK client
 * (`@dx/paginator/sdk`), and the SDK's own paginateListJobs; page sizes 25 and 200; three rounds, the
 * transports in a new order each round. Per transport: wall time and client CPU per job (medians
 * over rounds), full GCs (mark-compacts) per 1,000 jobs, and the median over rounds of the SDK
 * paginator's wall time over this one's in the same round.
 * BENCH_JOBS (default 15,000) and BENCH_DATA=ascii as in the main bench.
 */
import { spawn } from "node:child_process";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { paginateListJobs as sdkPaginateListJobs } from "@aws-sdk/client-dataexchange";
import { paginateListJobs as paginateSigned, signedClient } from "@dx/paginator/signed";
import { paginateListJobs as paginateOverSdk } from "../dist/sdk.js";
import {
  benchCredentials,
  DATA_HEADING,
  DATA_LABEL,
  loadAverage,
  median,
  sdkClient,
  startEndpoint,
} from "./endpoint.mjs";

const JOBS = Number(process.env.BENCH_JOBS ?? 15_000);
const WARM_UP = 2_000;
const ROUNDS = 3;
const PAGE_SIZES = [25, 200];
const SDK = "AWS SDK paginateListJobs";

/** Each transport lists `jobs` jobs at `size` and resolves with how many it saw. */
const transports = {
  "dx paginateListJobs over signedClient": (url) => {
    const c = signedClient({ region: "us-east-1", endpoint: url, credentials: benchCredentials });
    return async (size, jobs) => {
      let n = 0;
      for await (const page of paginateSigned(c, { PaginationConfig: { PageSize: size, MaxItems: jobs } }))
        n += page.Jobs?.length ?? 0;
      return n;
    };
  },
  "dx paginateListJobs over the SDK client": (url) => {
    const c = sdkClient(url);
    return async (size, jobs) => {
      let n = 0;
      for await (const page of paginateOverSdk(c, { PaginationConfig: { PageSize: size, MaxItems: jobs } }))
        n += page.Jobs?.length ?? 0;
      return n;
    };
  },
  [SDK]: (url) => {
    const c = sdkClient(url);
    return async (size, jobs) => {
      let n = 0;
      for await (const page of sdkPaginateListJobs({ client: c, pageSize: size }, {})) {
        n += page.Jobs?.length ?? 0;
        if (n >= jobs) break;
      }
      return n;
    };
  },
};

/** In a child: warm up, then list the jobs once, counting full GCs; prints one JSON line. */
async function child(name, url, size) {
  const list = transports[name](url);
  await list(size, WARM_UP);
  let fullGcs = 0;
  const observer = new PerformanceObserver((entries) => {
    for (const e of entries.getEntries())
      if (/** @type {{ kind?: number }} */ (e.detail)?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) fullGcs++;
  });
  observer.observe({ entryTypes: ["gc"] });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const count = await list(size, JOBS);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await new Promise((resolve) => setTimeout(resolve, 100)); // the observer is told of GCs later
  observer.disconnect();
  console.log(JSON.stringify({ count, seconds, cpuSeconds: (used.user + used.system) / 1e6, fullGcs }));
  process.exit(0); // the SDK client keeps its sockets open
}

/** Runs one child and resolves with its result. */
function run(name, url, size) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [fileURLToPath(import.meta.url), "--child", name, url, String(size)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    p.stdout.setEncoding("utf8");
    p.stdout.on("data", (text) => {
      out += text;
    });
    p.once("error", reject);
    p.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${name} exited with ${code}`)),
    );
  });
}

async function main() {
  const endpoint = await startEndpoint(JOBS);
  try {
    console.log(
      `One transport per process: ${JOBS} jobs (${DATA_HEADING}) from ${endpoint.url}, ${ROUNDS} rounds (load average ${loadAverage()})`,
    );
    const names = Object.keys(transports);
    for (const size of PAGE_SIZES) {
      /** @type {Record<string, { wall: number[], cpu: number[], fullGcs: number[] }>} */
      const results = Object.fromEntries(names.map((n) => [n, { wall: [], cpu: [], fullGcs: [] }]));
      for (let round = 0; round < ROUNDS; round++) {
        // A new order each round (rotated), so that no transport always follows the same one.
        const order = names.map((_, i) => names[(i + round) % names.length]);
        for (const name of order) {
          const r = await run(name, endpoint.url, size);
          if (r.count !== JOBS) throw new Error(`${name} listed ${r.count} jobs, expected ${JOBS}`);
          results[name].wall.push((r.seconds / r.count) * 1e6);
          results[name].cpu.push((r.cpuSeconds / r.count) * 1e6);
          results[name].fullGcs.push((r.fullGcs / r.count) * 1000);
        }
      }
      for (const name of names) {
        const r = results[name];
        const ratio = median(r.wall.map((w, i) => results[SDK].wall[i] / w));
        const label = `${name}, one per process, page size ${size}${DATA_LABEL}`;
        console.log(
          `page size ${String(size).padStart(3)}  ${name.padEnd(40)} ${median(r.wall).toFixed(1).padStart(6)} us/job (${ratio.toFixed(2)}x SDK paginator)  ${median(r.cpu).toFixed(1).padStart(6)} us CPU/job  ${median(r.fullGcs).toFixed(1).padStart(5)} full GCs per 1,000 jobs`,
        );
        for (const [metric, value, unit] of [
          ["throughput ratio to the SDK paginator, median of rounds", ratio, "x"],
          ["client CPU per job", median(r.cpu), "us"],
          ["full GCs per 1,000 jobs", median(r.fullGcs), "count"],
        ]) {
          console.log(
            `BENCH ${JSON.stringify({ suite: "@dx/paginator", case: label, metric, value: Number(value.toFixed(2)), unit })}`,
          );
        }
      }
    }
  } finally {
    endpoint.stop();
  }
}

if (process.argv[2] === "--child") await child(process.argv[3], process.argv[4], Number(process.argv[5]));
else await main();
