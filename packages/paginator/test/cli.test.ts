/** dx-list-jobs, spawned as a user would run it, against the local endpoint. */
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { makeJobs, startLocalEndpoint, toWire, type LocalEndpoint, type WireJob } from "@dx/local-endpoint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
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

/** A HOME with nothing in it, so that no real ~/.aws of the machine running the tests is read. */
const emptyHome = mkdtempSync(join(tmpdir(), "dx-cli-home-"));
afterAll(() => rmSync(emptyHome, { recursive: true, force: true }));

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
          HOME: emptyHome,
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
    [["--output", "yaml"], /--output must be json, text or table/],
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

  it("reports a service error in one line, worded as the AWS CLI does, with exit 254", async () => {
    const r = await run([...local(), "--data-set-id", "no-such-data-set"]);
    expect(r.code).toBe(254);
    expect(r.stderr.trimEnd()).toMatch(
      /^dx-list-jobs: An error occurred \(ResourceNotFoundException\) when calling the ListJobs operation: Data set no-such-data-set was not found\. \(page 1; resume with --starting-token \S+\)$/,
    );
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("signs its requests: dx-local-endpoint --sigv4 accepts the right key and refuses a wrong one (exit 254)", async () => {
    const endpointCli = join(dirname(require.resolve("@dx/local-endpoint/package.json")), "dist", "cli.js");
    const child = spawn(process.execPath, [endpointCli, "--jobs", "7", "--sigv4", "AKIDCLI:cli-secret:us-east-1"]);
    try {
      const url = await new Promise<string>((done, fail) => {
        child.stdout.setEncoding("utf8").once("data", (line: string) => done(line.trim()));
        child.once("exit", (code) => fail(new Error(`dx-local-endpoint exited with ${code}`)));
      });
      const key = { AWS_ACCESS_KEY_ID: "AKIDCLI", AWS_SECRET_ACCESS_KEY: "cli-secret" };
      const args = ["--endpoint-url", url, "--region", "us-east-1", "--query", "length(Jobs)"];
      expect(await run(args, key)).toEqual({ code: 0, stdout: "7\n", stderr: "" });
      const wrong = await run(args, { ...key, AWS_SECRET_ACCESS_KEY: "not-the-secret" });
      expect(wrong.code).toBe(254);
      expect(wrong.stderr).toMatch(
        /^dx-list-jobs: An error occurred \(InvalidSignatureException\) when calling the ListJobs operation: The request signature we calculated does not match/,
      );
    } finally {
      child.kill();
    }
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

  it("--version prints one line and exits 0", async () => {
    const r = await run(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^dx-list-jobs\/\d+\.\d+\.\d+ Node\.js\/\d+\.\d+\.\d+ \S+\/\S+ \S+\n$/);
  });

  it("reads --profile's region and credentials from ~/.aws/config and ~/.aws/credentials (AWS_PROFILE too)", async () => {
    const home = mkdtempSync(join(tmpdir(), "dx-cli-aws-"));
    try {
      mkdirSync(join(home, ".aws"));
      writeFileSync(
        join(home, ".aws", "config"),
        "[default]\nregion = eu-west-1\n\n[profile work]\nregion = ap-south-1\n",
      );
      writeFileSync(
        join(home, ".aws", "credentials"),
        "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s\n\n[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = s\n",
      );
      const noEnv = { HOME: home, AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "" };
      for (const [args, env, key, region] of [
        [[], {}, "AKIDDEFAULT", "eu-west-1"],
        [["--profile", "work"], {}, "AKIDWORK", "ap-south-1"],
        [[], { AWS_PROFILE: "work" }, "AKIDWORK", "ap-south-1"],
        [["--region", "us-west-2"], {}, "AKIDDEFAULT", "us-west-2"],
      ] as const) {
        const r = await run(["--endpoint-url", endpoint.url, "--max-items", "1", ...args], { ...noEnv, ...env });
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        expect(endpoint.requests.at(-1)?.authorization).toContain(`Credential=${key}/`);
        expect(endpoint.requests.at(-1)?.authorization).toContain(`/${region}/dataexchange/aws4_request`);
      }
      const missing = await run(["--endpoint-url", endpoint.url, "--profile", "nope"], noEnv);
      expect(missing.code).toBe(253);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it("exits 253, as aws-cli v2, without a region or without credentials", async () => {
    const noRegion = await run(["--endpoint-url", endpoint.url]);
    expect(noRegion.code).toBe(253);
    expect(noRegion.stderr).toBe(
      'dx-list-jobs: You must specify a region. You can also configure your region by running "aws configure".\n',
    );
    const noCredentials = await run([...local()], { AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "" });
    expect(noCredentials.code).toBe(253);
    expect(noCredentials.stderr).toMatch(/^dx-list-jobs: Unable to locate credentials\./);
  });

  it("--debug writes each request and its response on stderr", async () => {
    const r = await run([...local(), "--page-size", "10", "--query", "length(Jobs)"]);
    expect(r.stderr).toBe("");
    const d = await run([...local(), "--page-size", "10", "--query", "length(Jobs)", "--debug"]);
    expect(d.code).toBe(0);
    expect(d.stdout).toBe(r.stdout);
    const lines = d.stderr.trimEnd().split("\n");
    expect(
      lines.filter((l) => / DEBUG request: GET http:\/\/127\.0\.0\.1:\d+\/v1\/jobs\?maxResults=10/.test(l)),
    ).toHaveLength(3);
    expect(lines.filter((l) => / DEBUG response: 200 \(request id req-\d+\)$/.test(l))).toHaveLength(3);
  });

  it("--no-paginate makes one request and prints the page with the service's own token", async () => {
    const before = endpoint.requests.length;
    const r = await run([...local(), "--no-paginate", "--page-size", "5"]);
    expect(r.code).toBe(0);
    expect(endpoint.requests.length).toBe(before + 1);
    const out = JSON.parse(r.stdout) as { Jobs: { Id: string }[]; NextToken: string };
    expect(out.Jobs.map((j) => j.Id)).toEqual(JOBS.slice(0, 5).map((j) => j.Id));
    expect(out.NextToken).toBe("v1~~:5"); // the local endpoint's raw token, as the AWS CLI prints it
  });

  it("a closed pipe (| head -1) ends quietly with exit 0", async () => {
    const r = await new Promise<Run>((done) => {
      execFile(
        "/bin/sh",
        [
          "-c",
          `'${process.execPath}' '${cli}' --endpoint-url ${endpoint.url} --region us-east-1 --page-size 1 | head -1; echo "rc=$?"`,
        ],
        {
          env: { PATH: process.env["PATH"] ?? "", AWS_ACCESS_KEY_ID: "a", AWS_SECRET_ACCESS_KEY: "b", HOME: emptyHome },
          timeout: 30_000,
        },
        (error, stdout, stderr) => done({ code: error ? 1 : 0, stdout, stderr }),
      );
    });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("{\nrc=0\n");
  });

  it("Ctrl-C prints what was listed, the resume token on stderr, and exits 130; the token resumes after it", async () => {
    // Requests 3 and later wait 20 s: the CLI is interrupted while waiting for page 3.
    const slow = await startLocalEndpoint({
      jobs: toWire(JOBS),
      faults: (n) => (n >= 3 ? [{ kind: "delay", ms: 20_000 }] : []),
    });
    try {
      const child = spawn(
        process.execPath,
        [cli, "--endpoint-url", slow.url, "--region", "us-east-1", "--page-size", "4"],
        {
          env: { PATH: process.env["PATH"] ?? "", AWS_ACCESS_KEY_ID: "a", AWS_SECRET_ACCESS_KEY: "b", HOME: emptyHome },
        },
      );
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((done) => {
        const poll = setInterval(() => {
          if (slow.requests.length >= 3) {
            clearInterval(poll);
            child.kill("SIGINT");
          }
        }, 20);
        child.on("exit", (c) => done(c));
      });
      expect(code).toBe(130);
      const out = JSON.parse(stdout) as { Jobs: { Id: string }[]; NextToken: string };
      expect(out.Jobs.map((j) => j.Id)).toEqual(JOBS.slice(0, 8).map((j) => j.Id));
      expect(stderr).toBe(`dx-list-jobs: interrupted; resume with --starting-token ${out.NextToken}\n`);
      const rest = await run([...local(), "--starting-token", out.NextToken, "--query", "Jobs[].Id"]);
      expect([...out.Jobs.map((j) => j.Id), ...(JSON.parse(rest.stdout) as string[])]).toEqual(JOBS.map((j) => j.Id));
    } finally {
      await slow.close();
    }
  });

  describe("text and table output", () => {
    const job = (n: number, extra: Partial<WireJob> = {}): WireJob => ({
      Arn: `arn:aws:dataexchange:us-east-1:123456789012:jobs/job${n}`,
      CreatedAt: "2024-01-02T03:04:05Z",
      Details: {},
      Id: `job${String(n).padStart(29, "0")}`,
      State: "ERROR",
      Type: "IMPORT_ASSETS_FROM_S3",
      UpdatedAt: "2024-01-02T03:04:05.5Z",
      ...extra,
    });
    const jobs = [
      job(1, {
        Errors: [{ Code: "VALIDATION_EXCEPTION", Message: "bad \u001b[2J\u001b]0;owned\u0007 name\tand\nlines" }],
      }),
      job(2),
      job(3),
    ];
    let textEndpoint: LocalEndpoint;
    beforeAll(async () => {
      textEndpoint = await startLocalEndpoint({ jobs });
    });
    afterAll(() => textEndpoint.close());
    const at = (): string[] => ["--endpoint-url", textEndpoint.url, "--region", "us-east-1"];

    it("--output text follows awscli/text.py per page, escapes control characters, and ends with the resume token", async () => {
      const r = await run([...at(), "--output", "text", "--page-size", "2", "--max-items", "2"]);
      expect(r.code).toBe(0);
      const id = (n: number): string => `job${String(n).padStart(29, "0")}`;
      const row = (n: number): string =>
        `JOBS\tarn:aws:dataexchange:us-east-1:123456789012:jobs/job${n}\t2024-01-02T03:04:05+00:00\t${id(n)}\tERROR\tIMPORT_ASSETS_FROM_S3\t2024-01-02T03:04:05.500000+00:00\n`;
      expect(r.stdout).toBe(
        row(1) +
          "ERRORS\tVALIDATION_EXCEPTION\tbad \\u001b[2J\\u001b]0;owned\\u0007 name\\tand\\nlines\n" +
          row(2) +
          `NEXTTOKEN\t${Buffer.from('{"NextToken": "v1~~:2"}').toString("base64")}\n`,
      );
      // The AWS CLI applies --query to each page and to the token too (printing None for it).
      const q = await run([...at(), "--output", "text", "--page-size", "2", "--query", "Jobs[].Id"]);
      expect(q.stdout).toBe(`${id(1)}\t${id(2)}\n${id(3)}\n`);
    });

    it("--output table escapes control characters", async () => {
      const r = await run([...at(), "--output", "table", "--query", "Jobs[].{Id: Id, Errors: Errors}"]);
      expect(r.code).toBe(0);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none is printed
      expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
      expect(r.stdout).toContain('"Message":"bad \\u001b[2J\\u001b]0;owned\\u0007 name\\tand\\nlines"'); // a JSON cell
    });
  });
});
