/** The local endpoint for the benchmarks, in a child process (so that its memory and CPU are not counted). */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DataExchangeClient } from "@aws-sdk/client-dataexchange";

const require = createRequire(import.meta.url);
const endpointCli = join(dirname(require.resolve("@dx/local-endpoint/package.json")), "dist", "cli.js");

/** Credentials the endpoint does not check (the benches run it without SigV4 verification). */
export const benchCredentials = { accessKeyId: "AKIDBENCH", secretAccessKey: "bench" };

/**
 * Starts `dx-local-endpoint` serving `jobs` jobs (ASCII text only with `ascii`).
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export function startEndpoint(jobs, ascii) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [endpointCli, "--jobs", String(jobs), ...(ascii ? ["--ascii"] : [])], {
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
