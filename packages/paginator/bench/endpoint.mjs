/** The local endpoint for the benchmarks, in a child process (so that its memory and CPU are not counted). */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { DataExchangeClient } from "@aws-sdk/client-dataexchange";

const require = createRequire(import.meta.url);
const endpointCli = join(dirname(require.resolve("@dx/local-endpoint/package.json")), "dist", "cli.js");

/** BENCH_DATA=ascii: jobs with ASCII text only; how the data is named in headings and BENCH case labels. */
export const ASCII = process.env.BENCH_DATA === "ascii";
export const DATA_HEADING = ASCII ? "ASCII text" : "text from all of Unicode";
export const DATA_LABEL = ASCII ? ", ASCII data" : "";

/** Credentials the endpoint does not check (the benches run it without SigV4 verification). */
export const benchCredentials = { accessKeyId: "AKIDBENCH", secretAccessKey: "bench" };

/**
 * Starts `dx-local-endpoint` serving `jobs` jobs (ASCII text only with BENCH_DATA=ascii).
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export function startEndpoint(jobs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [endpointCli, "--jobs", String(jobs), ...(ASCII ? ["--ascii"] : [])], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.once("error", reject);
    child.stdout.setEncoding("utf8");
    child.stdout.once("data", (line) => resolve({ url: line.trim(), stop: () => child.kill("SIGKILL") }));
    child.once("exit", (code) => reject(new Error(`endpoint exited with ${code}`)));
  });
}

/** An SDK client for the endpoint at `url`. */
export function sdkClient(url) {
  return new DataExchangeClient({ region: "us-east-1", endpoint: url, credentials: benchCredentials });
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values) {
  const v = [...values].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

/** The load averages over 1, 5 and 15 minutes, as the benches print them: "0.9 1.6 2.5". */
export function loadAverage() {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
}
