/** dx-list-jobs, spawned as a user would run it, against the local endpoint. */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { makeJobs, startLocalEndpoint, toWire, type LocalEndpoint } from "@dx/local-endpoint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const cli = join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "dist", "cli", "dx-list-jobs.js");
const JOBS = makeJobs(23, 4);
let endpoint: LocalEndpoint;
beforeAll(async () => {
  endpoint = await startLocalEndpoint({ jobs: toWire(JOBS) });
});
afterAll(() => endpoint.close());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawns the CLI asynchronously (the endpoint runs in this process) with dummy credentials. */
function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [cli, ...args],
      {
        timeout: 30_000,
        env: {
          PATH: process.env["PATH"] ?? "",
          AWS_ACCESS_KEY_ID: "AKIDLOCAL",
          AWS_SECRET_ACCESS_KEY: "local",
          AWS_EC2_METADATA_DISABLED: "true",
          ...env,
        },
      },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const local = (): string[] => ["--endpoint-url", endpoint.url, "--region", "us-east-1"];

describe("dx-list-jobs", () => {
  it("prints every job as the AWS CLI's JSON, with nothing on a non-TTY stderr", async () => {
    const r = await run([...local(), "--page-size", "5"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const out = JSON.parse(r.stdout) as { Jobs: { Id: string; CreatedAt: string }[]; NextToken?: string };
    expect(Object.keys(out)).toEqual(["Jobs"]);
    expect(out.Jobs.map((j) => j.Id)).toEqual(JOBS.map((j) => j.Id));
    expect(out.Jobs[0]?.CreatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
    expect(r.stdout.startsWith('{\n    "Jobs": [\n        {\n')).toBe(true);
    expect(endpoint.requests.at(-1)?.query["maxResults"]).toBe("5");
  });

  it("--max-items prints a NextToken that --starting-token resumes from", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    for (let i = 0; i < 10; i++) {
      const r = await run([
        ...local(),
        "--page-size",
        "4",
        "--max-items",
        "7",
        ...(token ? ["--starting-token", token] : []),
      ]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { Jobs: { Id: string }[]; NextToken?: string };
      seen.push(...out.Jobs.map((j) => j.Id));
      token = out.NextToken;
      if (token === undefined) break;
    }
    expect(seen).toEqual(JOBS.map((j) => j.Id));
  });

  it("--query applies JMESPath to the full result; --output table prints rows", async () => {
    const ids = await run([...local(), "--query", "Jobs[].Id"]);
    expect(JSON.parse(ids.stdout)).toEqual(JOBS.map((j) => j.Id));
    const table = await run([
      ...local(),
      "--max-items",
      "2",
      "--query",
      "Jobs[].{Id: Id, State: State}",
      "--output",
      "table",
    ]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[1]).toContain("ListJobs");
    expect(lines[3]).toMatch(/^\| Id +\| State +\|$/);
    expect(lines.filter((l) => l.includes(JOBS[0]?.Id ?? "?")).length).toBe(1);
  });

  it.each([
    [["--bogus"], /Unknown option '--bogus'/],
    [["--max-items", "0"], /--max-items must be a positive integer/],
    [["--page-size", "x"], /--page-size must be a positive integer/],
    [["--output", "yaml"], /--output must be json or table/],
    [["--query", "Jobs[?"], /--query/],
    [
      ["--starting-token", Buffer.from('{"NextToken": "a", "Foo": 1}').toString("base64")],
      /Bad starting token .*unknown key "Foo"/,
    ],
  ])("rejects %j with one line and exit 252", async (args, message) => {
    const r = await run([...local(), ...args]);
    expect(r.code).toBe(252);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("reports a service error in one line with exit 254", async () => {
    const r = await run([...local(), "--data-set-id", "no-such-data-set"]);
    expect(r.code).toBe(254);
    expect(r.stderr).toMatch(
      /^dx-list-jobs: Request for page 1 failed: ResourceNotFoundException: Data set no-such-data-set was not found\./,
    );
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it.runIf(existsSync("/usr/bin/script"))("shows a progress line when stderr is a terminal", async () => {
    // script(1) runs the CLI on a pseudo-terminal, so stderr is a TTY (stdout too; both are captured together).
    const command = [process.execPath, cli, ...local(), "--page-size", "5", "--query", "length(Jobs)"]
      .map((a) => `'${a}'`)
      .join(" ");
    const r = await new Promise<Run>((done) => {
      execFile(
        "/usr/bin/script",
        ["-qec", command, "/dev/null"],
        {
          timeout: 30_000,
          env: {
            PATH: process.env["PATH"] ?? "",
            AWS_ACCESS_KEY_ID: "AKIDLOCAL",
            AWS_SECRET_ACCESS_KEY: "local",
            TERM: "dumb",
          },
        },
        (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("page 5, 23 jobs");
    expect(r.stdout.trimEnd().endsWith("23")).toBe(true);
  });

  it("reports an unreachable endpoint in one line with exit 255", async () => {
    const r = await run(["--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1"]);
    expect(r.code).toBe(255);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
