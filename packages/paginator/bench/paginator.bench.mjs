/**
 * Throughput, client CPU and peak memory of listing 15,000 jobs (100,000 with DX_BENCH_FULL=1) from the local
 * endpoint (in a child process, so its memory is not counted), at page sizes 25 and 200, through:
 *   - our paginateListJobs (@dx/paginator/sdk) over the AWS SDK client, validation tolerant (default),
 *     tolerant with readAhead (the next request overlaps validating the current page), and off,
 *   - our paginateListJobs over wireTransport(fetch) (no SDK client, no signing),
 *   - our paginateListJobs over signedClient (@dx/paginator/signed: SigV4, standard retries; on Node,
 *     as here, node:http with keep-alive), and the same with readAhead,
 *   - the SDK's own paginateListJobs (same client settings),
 *   - a bare fetch loop (fetch + JSON.parse, no validation, no Date conversion).
 * Ratios are to the SDK's paginator measured in the same run (cases interleaved, see below): over the
 * whole run, and the median over rounds of the ratio within each round (steadier on a shared machine).
 * Peak memory is the highest heap in use while iterating the first 1,000 jobs (a round of its own, not
 * timed), above the heap after a forced GC at its start.
 * Then memory that must stay flat (issue 11, point 6), as heap in use after a GC, in process:
 *   - drift on every one of 1M jobs (a new member with a new value on each, and new enum values),
 *   - 1M pages of one item each, repeat and rewind detection on (the seen tokens are kept as hashes in
 *     an ArrayBuffer, so the heap figure and heap + ArrayBuffers are both printed).
 * The endpoint's jobs come from the spec's arbitraries, whose text is drawn from all of Unicode (about
 * 5 KB of UTF-8 a job); BENCH_DATA=ascii serves the same jobs with ASCII text only, as AWS's ids, ARNs
 * and bucket names are (3.7 KB a job).
 * Prints one BENCH line per result. Run after `pnpm main`: `pnpm --filter @dx/paginator bench`.
 */
import { paginateListJobs as sdkPaginateListJobs } from "@aws-sdk/client-dataexchange";
import { paginateListJobs as paginateOverFunctions, wireTransport } from "../dist/index.js";
import { paginateListJobs } from "../dist/sdk.js";
// As a program imports it: on Node the package's `node` condition gives the node:http client.
import { paginateListJobs as paginateSigned, signedClient } from "@dx/paginator/signed";
import {
  benchCredentials,
  DATA_HEADING,
  DATA_LABEL,
  loadAverage,
  median,
  sdkClient as client,
  startEndpoint as startEndpointFor,
} from "./endpoint.mjs";

/** The bench script runs node with --expose-gc; without it, memory figures would mean nothing. */
const gc =
  globalThis.gc ??
  (() => {
    throw new Error("the memory cases need node --expose-gc (pnpm bench passes it)");
  });

const FULL = process.env.DX_BENCH_FULL === "1";
const JOBS = Number(process.env.BENCH_JOBS ?? (FULL ? 100_000 : 15_000));
const FLAT = 1_000_000; // jobs with drift, and pages of one item, for the flat-memory checks
const PAGE_SIZES = [25, 200];
const startEndpoint = () => startEndpointFor(JOBS);

/**
 * Runs `iterate(onPage)`, measuring wall time, CPU and (with `memory`) the peak heap above the heap
 * after a forced GC. The speed rounds force no GC: V8 runs slower for a while after one (it shrinks
 * the young generation), which no program listing jobs would pay, and allocating cases more.
 */
async function measure(iterate, memory) {
  if (memory) gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  let count = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await iterate((jobs) => {
    count += jobs;
    if (!memory) return;
    const used = process.memoryUsage().heapUsed;
    if (used > peak) peak = used;
  });
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    count,
    peakMb: (peak - base) / 2 ** 20,
  };
}

/**
 * Each case walks the whole listing once, in chunks, keeping its place between chunks (our resume
 * token, the SDK's startingToken, the raw token for fetch). Chunks of all cases are interleaved, so
 * that a machine busy with other work slows every case alike, in a new order each round (a seeded
 * shuffle, not a rotation: with no forced GC between chunks, a case collects some of the garbage of
 * the one before it, and a rotation would keep the same neighbour before each case in every round).
 */
const CHUNK = 1_000; // a multiple of both page sizes: chunks end on page boundaries

/** The names in an order drawn from `seed` (Fisher-Yates over a small LCG: the same runs give the same orders). */
function shuffled(names, seed) {
  const order = [...names];
  let state = (seed + 1) * 2654435761;
  for (let i = order.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** restJson1 ListJobs over fetch, as a browser or a lean program would do it: wire JSON to dx. */
function fetchTransport(url) {
  return wireTransport(async (request) => {
    const query = new URLSearchParams();
    if (request.MaxResults !== undefined) query.set("maxResults", String(request.MaxResults));
    if (request.NextToken !== undefined) query.set("nextToken", request.NextToken);
    const response = await fetch(`${url}/v1/jobs?${query}`);
    const text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${text}`);
    return JSON.parse(text);
  });
}

/**
 * A case of our paginateListJobs (`paginate`) over what `connect(url)` gives, resuming each chunk from
 * the last one's resumeToken; `close` ends the transport.
 * @param {(transport: any) => void} [close]
 */
function dx(paginate, connect, options, close = (_transport) => undefined) {
  return (url, size) => {
    const transport = connect(url);
    let token;
    return {
      chunk: async (jobs, onPage) => {
        const paginator = paginate(
          transport,
          { PaginationConfig: { PageSize: size, MaxItems: jobs, StartingToken: token } },
          options,
        );
        for await (const page of paginator) onPage(page.Jobs?.length ?? 0);
        token = paginator.resumeToken;
      },
      close: () => close(transport),
    };
  };
}

/** Over the SDK client (`@dx/paginator/sdk`), with these paginator options. */
const ours = (options) => dx(paginateListJobs, client, options, (c) => c.destroy());

/** Over signedClient (`@dx/paginator/signed`), with these paginator options. */
const signed = (options) =>
  dx(
    paginateSigned,
    (url) => signedClient({ region: "us-east-1", endpoint: url, credentials: benchCredentials }),
    options,
  );

const cases = {
  "dx paginateListJobs, validation tolerant": ours({}),
  "dx paginateListJobs, validation tolerant, readAhead": ours({ readAhead: true }),
  "dx paginateListJobs, validation off": ours({ validation: "off" }),
  "dx paginateListJobs over wireTransport(fetch)": dx(paginateOverFunctions, fetchTransport, {}),
  "dx paginateListJobs over signedClient (SigV4, no SDK client)": signed({}),
  "dx paginateListJobs over signedClient, readAhead": signed({ readAhead: true }),
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
    `Listing ${JOBS} jobs (${DATA_HEADING}) from ${endpoint.url} (node ${process.version}, ${globalThis.gc ? "with" : "without"} --expose-gc, load average ${loadAverage()})`,
  );
  // Warm up every path (JIT, connection pools) on the first 5,000 jobs.
  for (const make of Object.values(cases)) {
    const cursor = make(endpoint.url, 200);
    await cursor.chunk(2_000, () => undefined);
    cursor.close();
  }
  for (const size of PAGE_SIZES) {
    const names = Object.keys(cases);
    const cursors = Object.fromEntries(names.map((name) => [name, cases[name](endpoint.url, size)]));
    const totals = Object.fromEntries(
      names.map((name) => [
        name,
        { seconds: 0, cpuSeconds: 0, count: 0, timed: 0, peakMb: 0, rounds: /** @type {number[]} */ ([]) },
      ]),
    );
    // Round 0 measures peak memory (after a forced GC); the other rounds, speed.
    for (let round = 0; round * CHUNK < JOBS; round++) {
      const order = shuffled(names, round);
      for (const name of order) {
        const memory = round === 0;
        const r = await measure((onPage) => cursors[name].chunk(Math.min(CHUNK, JOBS - round * CHUNK), onPage), memory);
        totals[name].count += r.count;
        if (memory) {
          totals[name].peakMb = r.peakMb;
          continue;
        }
        totals[name].seconds += r.seconds;
        totals[name].cpuSeconds += r.cpuSeconds;
        totals[name].timed += r.count;
        totals[name].rounds.push(r.seconds / r.count);
      }
    }
    for (const name of names) {
      cursors[name].close();
      if (totals[name].count !== JOBS) throw new Error(`${name} listed ${totals[name].count} jobs, expected ${JOBS}`);
    }
    const rate = (name) => totals[name].timed / totals[name].seconds;
    // The median over rounds of the SDK's time per job over this case's in the same round: a burst of
    // other work on a shared machine slows a few rounds, and moves the median less than the totals.
    const medianRatio = (name) =>
      median(totals[name].rounds.map((t, i) => totals["AWS SDK paginateListJobs"].rounds[i] / t));
    const sdk = rate("AWS SDK paginateListJobs");
    // Client CPU per job (this process only; the endpoint is a child): what a transport costs, even
    // when a loaded machine or the endpoint bounds the wall-clock rate.
    const cpuPerJob = (name) => (totals[name].cpuSeconds / totals[name].timed) * 1e6;
    const sdkCpu = cpuPerJob("AWS SDK paginateListJobs");
    for (const name of names) {
      console.log(
        `page size ${String(size).padStart(3)}  ${name.padEnd(62)} ${Math.round(rate(name)).toString().padStart(8)} jobs/s (${(rate(name) / sdk).toFixed(2)}x SDK, median of rounds ${medianRatio(name).toFixed(2)}x)  ${cpuPerJob(name).toFixed(1).padStart(6)} us CPU/job (SDK/this ${(sdkCpu / cpuPerJob(name)).toFixed(2)}x)  ${totals[name].peakMb.toFixed(1).padStart(6)} MB peak`,
      );
      const label = `${name}, page size ${size}${DATA_LABEL}`;
      console.log(
        `BENCH ${JSON.stringify({ suite: "@dx/paginator", case: label, metric: "throughput", value: Math.round(rate(name)), unit: "jobs/s" })}`,
      );
      console.log(
        `BENCH ${JSON.stringify({ suite: "@dx/paginator", case: label, metric: "peak heap", value: Number(totals[name].peakMb.toFixed(1)), unit: "MB" })}`,
      );
      console.log(
        `BENCH ${JSON.stringify({ suite: "@dx/paginator", case: label, metric: "SDK paginator CPU / this CPU", value: Number((sdkCpu / cpuPerJob(name)).toFixed(2)), unit: "x" })}`,
      );
    }
    for (const name of [
      "dx paginateListJobs, validation tolerant",
      "dx paginateListJobs, validation tolerant, readAhead",
      "dx paginateListJobs over wireTransport(fetch)",
      "dx paginateListJobs over signedClient (SigV4, no SDK client)",
      "dx paginateListJobs over signedClient, readAhead",
    ]) {
      const ratio = rate(name) / sdk;
      const vsSdk = `${name.replace("dx paginateListJobs, ", "")} vs AWS SDK paginator, page size ${size}${DATA_LABEL}`;
      console.log(
        `BENCH ${JSON.stringify({ suite: "@dx/paginator", case: vsSdk, metric: "throughput ratio", value: Number(ratio.toFixed(3)), unit: "x" })}`,
      );
      console.log(
        `BENCH ${JSON.stringify({ suite: "@dx/paginator", case: vsSdk, metric: "throughput ratio, median of rounds", value: Number(medianRatio(name).toFixed(3)), unit: "x" })}`,
      );
    }
  }

  // Memory, not speed: the heap still in use after a GC, sampled every 10 pages, through the
  // paginator (flat: independent of how many jobs have gone by) and through buildFullResult (grows).
  const retained = async (collectAll) => {
    gc();
    const base = process.memoryUsage().heapUsed;
    const samples = [];
    let pages = 0;
    const sample = () => {
      gc();
      samples.push((process.memoryUsage().heapUsed - base) / 2 ** 20);
    };
    const c = client(endpoint.url);
    const paginator = paginateListJobs(c, { PaginationConfig: { PageSize: 200 } });
    if (collectAll) {
      const result = await paginator.buildFullResult(() => ++pages % 10 === 0 && sample());
      sample();
      if (result.Jobs?.length !== JOBS) throw new Error("buildFullResult lost jobs");
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
  if (globalThis.gc) await flatMemory();
} finally {
  endpoint.stop();
}

/**
 * Issue 11 point 6: heap in use after a GC, above the baseline, sampled every 100,000 jobs or pages;
 * the largest sample is reported (the run's own objects are the only ones alive).
 */
async function flatMemory() {
  const mb = (bytes) => bytes / 2 ** 20;
  const sampler = () => {
    gc();
    const base = process.memoryUsage();
    let maxHeap = 0;
    let maxWithBuffers = 0;
    return {
      sample() {
        gc();
        const m = process.memoryUsage();
        maxHeap = Math.max(maxHeap, m.heapUsed - base.heapUsed);
        maxWithBuffers = Math.max(maxWithBuffers, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers);
      },
      result: () => ({ heap: mb(maxHeap), withBuffers: mb(maxWithBuffers) }),
    };
  };
  const job = (i) => ({
    Arn: `arn:aws:dataexchange:us-east-1:123456789012:jobs/${i}`,
    CreatedAt: "2024-01-01T00:00:00Z",
    Details: {},
    Id: `job${i.toString(36).padStart(29, "0")}`,
    State: i % 1000 === 0 ? `STATE_${i % 7000}` : "COMPLETED", // 7 new enum values
    Type: "IMPORT_ASSETS_FROM_S3",
    UpdatedAt: "2024-01-01T00:05:00Z",
    AssetConfiguration: { Revision: i }, // a member the spec does not know, with a new value on every job
  });
  // Drift on every job: 1,000 pages of 1,000 wire-form jobs, tolerant with a listener.
  const size = 1_000;
  const driftRun = async (withListener) => {
    const s = sampler();
    let reports = 0;
    const transport = wireTransport(async (request) => {
      const from = Number(request.NextToken ?? 0);
      const Jobs = Array.from({ length: size }, (_, k) => job(from + k));
      return from + size < FLAT ? { Jobs, NextToken: String(from + size) } : { Jobs };
    });
    const started = performance.now();
    let jobs = 0;
    for await (const page of paginateOverFunctions(transport, {}, withListener ? { onDrift: () => reports++ } : {})) {
      jobs += page.Jobs?.length ?? 0;
      if (jobs % 100_000 === 0) s.sample();
    }
    if (jobs !== FLAT) throw new Error(`drift run listed ${jobs} jobs`);
    return { ...s.result(), seconds: (performance.now() - started) / 1000, reports };
  };
  const quiet = await driftRun(false);
  const drift = await driftRun(true);
  console.log(
    `drift on each of ${FLAT} jobs: ${drift.reports} reports, retained ${drift.heap.toFixed(1)} MB after GC (no listener: ${quiet.heap.toFixed(1)} MB); ${(drift.seconds / quiet.seconds).toFixed(2)}x the time without a listener`,
  );
  // 1M pages of one item, repeat and rewind detection on (they cannot be turned off).
  const s = sampler();
  const one = {
    Arn: "arn",
    CreatedAt: new Date(0),
    Details: {},
    Id: "x".repeat(32),
    State: "COMPLETED",
    Type: "IMPORT_ASSETS_FROM_S3",
    UpdatedAt: new Date(0),
  };
  const send = async (request) => {
    const at = Number((request.NextToken ?? "page-token-0").slice(11));
    return at + 1 < FLAT ? { Jobs: [one], NextToken: `page-token-${at + 1}` } : { Jobs: [one] };
  };
  let pages = 0;
  const started = performance.now();
  for await (const page of paginateOverFunctions(send, {}, { validation: "off" })) {
    if (page.Jobs?.length !== 1) throw new Error("bad page");
    if (++pages % 100_000 === 0) s.sample();
  }
  const tokens = { ...s.result(), seconds: (performance.now() - started) / 1000 };
  if (pages !== FLAT) throw new Error(`token run listed ${pages} pages`);
  console.log(
    `${FLAT} pages of 1 item (rewind detection on): retained ${tokens.heap.toFixed(1)} MB heap after GC, ${tokens.withBuffers.toFixed(1)} MB with ArrayBuffers; ${Math.round(FLAT / tokens.seconds)} pages/s`,
  );
  for (const [label, value, unit] of [
    [`drift on each of ${FLAT} jobs, retained heap after GC (goal <= 20 MB)`, drift.heap, "MB"],
    [`drift on each of ${FLAT} jobs, time vs no listener`, drift.seconds / quiet.seconds, "x"],
    [`${FLAT} pages of 1 item, retained heap after GC (goal <= 32 MB)`, tokens.heap, "MB"],
    [`${FLAT} pages of 1 item, retained heap + ArrayBuffers after GC`, tokens.withBuffers, "MB"],
  ]) {
    console.log(
      `BENCH ${JSON.stringify({ suite: "@dx/paginator", case: label, metric: unit === "MB" ? "retained heap" : "time ratio", value: Number(Number(value).toFixed(2)), unit })}`,
    );
  }
}
process.exit(0); // SDK clients left by the warm-up keep sockets open
