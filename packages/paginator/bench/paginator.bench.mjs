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
import { DataExchangeClient, paginateListJobs as sdkPaginateListJobs } from "@aws-sdk/client-dataexchange";
import { paginateListJobs } from "../dist/index.js";

const JOBS = Number(process.env.BENCH_JOBS ?? 100_000);
const PAGE_SIZES = [25, 200];
const require = createRequire(import.meta.url);
const endpointCli = join(dirname(require.resolve("@dx/local-endpoint/package.json")), "dist", "cli.js");

function startEndpoint() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [endpointCli, "--jobs", String(JOBS)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.once("error", reject);
    child.stdout.setEncoding("utf8");
    child.stdout.once("data", (line) => resolve({ url: line.trim(), stop: () => child.kill("SIGKILL") }));
    child.once("exit", (code) => reject(new Error(`endpoint exited with ${code}`)));
  });
}

function client(url) {
  return new DataExchangeClient({
    region: "us-east-1",
    endpoint: url,
    credentials: { accessKeyId: "AKIDBENCH", secretAccessKey: "bench" },
  });
}

/** Runs `iterate(onPage)`, measuring wall time and the peak heap above the post-GC baseline. */
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
  return { seconds: (performance.now() - started) / 1000, count, peakMb: (peak - base) / 2 ** 20 };
}

/**
 * Each case walks the whole listing once, in chunks, keeping its place between chunks (our resume
 * token, the SDK's startingToken, the raw token for fetch). Chunks of all cases are interleaved, in
 * an order that rotates, so that a machine busy with other work slows every case alike.
 */
const CHUNK = 25_000; // a multiple of both page sizes: chunks end on page boundaries

function ours(options) {
  return (url, size) => {
    const c = client(url);
    let token;
    return {
      chunk: async (jobs, onPage) => {
        const paginator = paginateListJobs(
          c,
          { PaginationConfig: { PageSize: size, MaxItems: jobs, ...(token && { StartingToken: token }) } },
          options,
        );
        for await (const page of paginator) onPage(page.Jobs?.length ?? 0);
        token = paginator.resumeToken;
      },
      close: () => c.destroy(),
    };
  };
}

const cases = {
  "dx paginateListJobs, validation tolerant": ours({}),
  "dx paginateListJobs, validation tolerant, readAhead": ours({ readAhead: true }),
  "dx paginateListJobs, validation off": ours({ validation: "off" }),
  "AWS SDK paginateListJobs": (url, size) => {
    const c = client(url);
    let token;
    return {
      chunk: async (jobs, onPage) => {
        let seen = 0;
        for await (const page of sdkPaginateListJobs(
          { client: c, pageSize: size, ...(token && { startingToken: token }) },
          {},
        )) {
          seen += page.Jobs?.length ?? 0;
          onPage(page.Jobs?.length ?? 0);
          token = page.NextToken;
          if (seen >= jobs) break;
        }
      },
      close: () => c.destroy(),
    };
  },
  "bare fetch loop": (url, size) => {
    let token;
    return {
      chunk: async (jobs, onPage) => {
        let seen = 0;
        do {
          const response = await fetch(
            `${url}/v1/jobs?maxResults=${size}${token ? `&nextToken=${encodeURIComponent(token)}` : ""}`,
          );
          const page = JSON.parse(await response.text());
          seen += page.Jobs.length;
          onPage(page.Jobs.length);
          token = page.NextToken;
        } while (token && seen < jobs);
      },
      close: () => undefined,
    };
  },
};

const endpoint = await startEndpoint();
try {
  console.log(
    `Listing ${JOBS} jobs from ${endpoint.url} (node ${process.version}, ${globalThis.gc ? "with" : "without"} --expose-gc, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
  // Warm up every path (JIT, connection pools) on the first 5,000 jobs.
  for (const make of Object.values(cases)) {
    const cursor = make(endpoint.url, 200);
    await cursor.chunk(5_000, () => undefined);
    cursor.close();
  }
  for (const size of PAGE_SIZES) {
    const names = Object.keys(cases);
    const cursors = Object.fromEntries(names.map((name) => [name, cases[name](endpoint.url, size)]));
    const totals = Object.fromEntries(names.map((name) => [name, { seconds: 0, count: 0, peakMb: 0 }]));
    for (let round = 0; round * CHUNK < JOBS; round++) {
      const order = names.map((_, i) => names[(i + round) % names.length]);
      for (const name of order) {
        const r = await measure((onPage) => cursors[name].chunk(Math.min(CHUNK, JOBS - round * CHUNK), onPage));
        totals[name].seconds += r.seconds;
        totals[name].count += r.count;
        totals[name].peakMb = Math.max(totals[name].peakMb, r.peakMb);
      }
    }
    for (const name of names) {
      cursors[name].close();
      if (totals[name].count !== JOBS) throw new Error(`${name} listed ${totals[name].count} jobs, expected ${JOBS}`);
    }
    const rate = (name) => totals[name].count / totals[name].seconds;
    const sdk = rate("AWS SDK paginateListJobs");
    for (const name of names) {
      console.log(
        `page size ${String(size).padStart(3)}  ${name.padEnd(52)} ${Math.round(rate(name)).toString().padStart(8)} jobs/s  ${totals[name].peakMb.toFixed(1).padStart(6)} MB peak  (${(rate(name) / sdk).toFixed(2)}x SDK)`,
      );
      const label = `${name}, page size ${size}`;
      console.log(
        `BENCH ${JSON.stringify({ suite: "@dx/paginator", case: label, metric: "throughput", value: Math.round(rate(name)), unit: "jobs/s" })}`,
      );
      console.log(
        `BENCH ${JSON.stringify({ suite: "@dx/paginator", case: label, metric: "peak heap", value: Number(totals[name].peakMb.toFixed(1)), unit: "MB" })}`,
      );
    }
    for (const name of [
      "dx paginateListJobs, validation tolerant",
      "dx paginateListJobs, validation tolerant, readAhead",
    ]) {
      const ratio = rate(name) / sdk;
      console.log(
        `BENCH ${JSON.stringify({ suite: "@dx/paginator", case: `${name.replace("dx paginateListJobs, ", "")} vs AWS SDK paginator, page size ${size}`, metric: "throughput ratio", value: Number(ratio.toFixed(3)), unit: "x" })}`,
      );
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
    return {
      tenth: samples[early] ?? 0,
      tenthJobs: (early + 1) * 10 * 200,
      max: Math.max(...samples),
      last: samples.at(-1) ?? 0,
    };
  };
  if (globalThis.gc) {
    const iterate = await retained(false);
    const full = await retained(true);
    console.log(
      `retained heap after GC, page size 200: iterating ${iterate.tenth.toFixed(1)} MB after ${iterate.tenthJobs} jobs, at most ${iterate.max.toFixed(1)} MB over ${JOBS}; buildFullResult ${full.last.toFixed(1)} MB at the end`,
    );
    for (const [label, value] of [
      [`paginateListJobs iterating, retained after ${iterate.tenthJobs} jobs`, iterate.tenth],
      [`paginateListJobs iterating, retained max over ${JOBS} jobs`, iterate.max],
      [`buildFullResult, retained with ${JOBS} jobs`, full.last],
    ]) {
      console.log(
        `BENCH ${JSON.stringify({ suite: "@dx/paginator", case: label, metric: "retained heap", value: Number(value.toFixed(1)), unit: "MB" })}`,
      );
    }
  }
} finally {
  endpoint.stop();
}
process.exit(0); // SDK clients left by the warm-up keep sockets open
