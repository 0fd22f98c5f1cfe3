#!/usr/bin/env node
/** dx-local-endpoint: serve N arbitrary jobs on 127.0.0.1 until interrupted; prints the URL on stdout. */
import { parseArgs } from "node:util";
import { everyKth, combine, noFaults, type FaultPlan } from "./faults.js";
import { makeJobs, toWire } from "./jobs.js";
import { startLocalEndpoint } from "./server.js";
import type { SigV4Key } from "./sigv4.js";

const HELP = `Usage: dx-local-endpoint [--jobs N] [--seed S] [--ascii] [--default-page-size N] [--fail-every K [--fail-status 500|429]]
                         [--delay-ms MS] [--sigv4 ACCESS_KEY_ID:SECRET_ACCESS_KEY[:REGION]] [--protocol restJson1|awsJson1_1]
  --sigv4     verify every request's SigV4 signature with this key (a wrong or missing one is a 403)
  --protocol  restJson1 (GET /v1/jobs, the default) or awsJson1_1 (POST / with X-Amz-Target)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      jobs: { type: "string", default: "100" },
      seed: { type: "string", default: "1" },
      ascii: { type: "boolean", default: false },
      "default-page-size": { type: "string", default: "25" },
      "fail-every": { type: "string" },
      "fail-status": { type: "string", default: "500" },
      "delay-ms": { type: "string" },
      sigv4: { type: "string" },
      protocol: { type: "string", default: "restJson1" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const int = (name: string, text: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got ${text}`);
    return n;
  };
  const status = int("fail-status", values["fail-status"]);
  if (status !== 500 && status !== 429) throw new Error("--fail-status must be 500 or 429");
  const plans: FaultPlan[] = [];
  if (values["fail-every"] !== undefined)
    plans.push(everyKth(int("fail-every", values["fail-every"]), { kind: "status", status }));
  if (values["delay-ms"] !== undefined)
    plans.push(everyKth(1, { kind: "delay", ms: int("delay-ms", values["delay-ms"]) }));
  const protocol = values.protocol;
  if (protocol !== "restJson1" && protocol !== "awsJson1_1")
    throw new Error(`--protocol must be restJson1 or awsJson1_1, got ${protocol}`);
  const endpoint = await startLocalEndpoint({
    jobs: toWire(makeJobs(int("jobs", values.jobs), int("seed", values.seed), { ascii: values.ascii })),
    defaultPageSize: int("default-page-size", values["default-page-size"]),
    faults: plans.length > 0 ? combine(...plans) : noFaults,
    protocol,
    ...(values.sigv4 !== undefined && { sigv4: sigv4Key(values.sigv4) }),
  });
  process.stdout.write(`${endpoint.url}\n`);
  const stop = (): void => {
    // Open keep-alive sockets must not keep a stopped endpoint alive.
    setTimeout(() => process.exit(0), 1_000).unref();
    void endpoint.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** `ACCESS_KEY_ID:SECRET_ACCESS_KEY[:REGION]` (AWS's keys hold no ":"). */
function sigv4Key(text: string): SigV4Key {
  const [accessKeyId, secretAccessKey, region, ...rest] = text.split(":");
  if (!accessKeyId || !secretAccessKey || region === "" || rest.length > 0)
    throw new Error("--sigv4 must be ACCESS_KEY_ID:SECRET_ACCESS_KEY or ACCESS_KEY_ID:SECRET_ACCESS_KEY:REGION");
  return { accessKeyId, secretAccessKey, ...(region !== undefined && { region }) };
}

main().catch((error: unknown) => {
  process.stderr.write(`dx-local-endpoint: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
