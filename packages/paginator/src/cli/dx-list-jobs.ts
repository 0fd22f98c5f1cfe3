#!/usr/bin/env node
/**
 * dx-list-jobs: `aws dataexchange list-jobs` through the boto3-style paginator, with the AWS CLI v2's
 * flags, configuration (profiles, region and credentials from the environment and ~/.aws), output
 * formats and exit codes: 252 bad flags or token, 253 configuration or credentials, 254 an error from
 * the service, 255 any other failure, 130 interrupted (Ctrl-C). A closed stdout ends quietly (0).
 */
import { createRequire } from "node:module";
import { arch, release, type as osType } from "node:os";
import { parseArgs } from "node:util";
import type { DataExchangeClient } from "@aws-sdk/client-dataexchange";
import type { ListJobsResponse } from "@dx/models";
import { pageFailureOf, PaginationConfigError, PaginationError, StartingTokenError } from "../runtime/index.js";
import { checkExpression, search } from "../runtime/jmespath.js";
import { escapeControl, formatJson, formatTable, formatText, plain } from "./format.js";

const HELP = `dx-list-jobs: list AWS Data Exchange jobs, as \`aws dataexchange list-jobs\` does

Usage: dx-list-jobs [--data-set-id ID] [--revision-id ID] [--max-items N] [--page-size N]
                    [--starting-token TOKEN] [--no-paginate] [--endpoint-url URL]
                    [--region REGION] [--profile NAME] [--query JMESPATH]
                    [--output json|text|table] [--validation tolerant|strict|off]
                    [--debug] [--version] [--help]

  --max-items N          total number of jobs to return; a NextToken is printed to resume
  --page-size N          jobs per request (sent as maxResults, 1-200)
  --starting-token TOKEN a NextToken printed by an earlier run (or by the AWS CLI / boto3)
  --no-paginate          make one request and print that page as the service sent it
  --endpoint-url URL     send requests to this URL instead of the AWS endpoint
  --region REGION        AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region)
  --profile NAME         a profile of ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE)
  --query JMESPATH       JMESPath applied to the result (per page with --output text, as the AWS CLI)
  --output FORMAT        json (default, or AWS_DEFAULT_OUTPUT), text or table
  --validation MODE      page validation: tolerant (default), strict or off
  --debug                write each request and response status on stderr
  --version              print the version and exit

Credentials come from the AWS SDK's default chain (environment, profiles, SSO, ...). Ctrl-C prints
what was listed so far and the token that resumes after it.`;

const EXIT = { usage: 252, config: 253, service: 254, other: 255, interrupted: 130 } as const;

class UsageError extends Error {}
class ConfigError extends Error {}
class Interrupted extends Error {}

type Output = "json" | "text" | "table";

interface Flags {
  dataSetId?: string;
  revisionId?: string;
  maxItems?: number;
  pageSize?: number;
  startingToken?: string;
  paginate: boolean;
  endpointUrl?: string;
  region?: string;
  profile?: string;
  query?: string;
  output: Output;
  validation: "tolerant" | "strict" | "off";
  debug: boolean;
}

function version(): string {
  const pkg = createRequire(import.meta.url)("../../package.json") as { version: string };
  return `dx-list-jobs/${pkg.version} Node.js/${process.versions.node} ${osType()}/${release()} ${arch()}`;
}

function parseFlags(argv: string[]): Flags | "help" | "version" {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        "data-set-id": { type: "string" },
        "revision-id": { type: "string" },
        "max-items": { type: "string" },
        "page-size": { type: "string" },
        "starting-token": { type: "string" },
        "no-paginate": { type: "boolean" },
        "endpoint-url": { type: "string" },
        region: { type: "string" },
        profile: { type: "string" },
        query: { type: "string" },
        output: { type: "string" },
        validation: { type: "string" },
        debug: { type: "boolean" },
        version: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return "help";
  if (values.version) return "version";
  const positive = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1)
      throw new UsageError(`--${name} must be a positive integer, got ${JSON.stringify(text)}`);
    return n;
  };
  const env = process.env;
  const output = values.output ?? nonEmpty(env["AWS_DEFAULT_OUTPUT"]) ?? "json";
  if (output !== "json" && output !== "text" && output !== "table")
    throw new UsageError(`--output must be json, text or table, got ${JSON.stringify(output)}`);
  const validation = values.validation ?? "tolerant";
  if (validation !== "tolerant" && validation !== "strict" && validation !== "off")
    throw new UsageError(`--validation must be tolerant, strict or off`);
  if (values.query !== undefined) {
    try {
      checkExpression(values.query);
    } catch (error) {
      throw new UsageError(`--query: ${(error as Error).message}`);
    }
  }
  if (values["endpoint-url"] !== undefined && !URL.canParse(values["endpoint-url"]))
    throw new UsageError(`--endpoint-url is not a URL: ${values["endpoint-url"]}`);
  const maxItems = positive("max-items", values["max-items"]);
  const pageSize = positive("page-size", values["page-size"]);
  const region = values.region ?? nonEmpty(env["AWS_REGION"]) ?? nonEmpty(env["AWS_DEFAULT_REGION"]);
  const profile = values.profile ?? nonEmpty(env["AWS_PROFILE"]);
  return {
    output,
    validation,
    paginate: values["no-paginate"] !== true,
    debug: values.debug === true,
    ...(region !== undefined && { region }),
    ...(profile !== undefined && { profile }),
    ...(values["data-set-id"] !== undefined && { dataSetId: values["data-set-id"] }),
    ...(values["revision-id"] !== undefined && { revisionId: values["revision-id"] }),
    ...(maxItems !== undefined && { maxItems }),
    ...(pageSize !== undefined && { pageSize }),
    ...(values["starting-token"] !== undefined && { startingToken: values["starting-token"] }),
    ...(values["endpoint-url"] !== undefined && { endpointUrl: values["endpoint-url"] }),
    ...(values.query !== undefined && { query: values.query }),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

/** The SDK client, with region and credentials resolved now, so that a missing one is a configuration error (253). */
async function makeClient(flags: Flags): Promise<DataExchangeClient> {
  let sdk: typeof import("@aws-sdk/client-dataexchange");
  try {
    sdk = await import("@aws-sdk/client-dataexchange");
  } catch {
    throw new ConfigError("the AWS SDK is not installed: npm install @aws-sdk/client-dataexchange");
  }
  const client = new sdk.DataExchangeClient({
    ...(flags.region !== undefined && { region: flags.region }),
    ...(flags.profile !== undefined && { profile: flags.profile }),
    ...(flags.endpointUrl !== undefined && { endpoint: flags.endpointUrl }),
  });
  try {
    const region = await client.config.region();
    if (!region) throw new Error("no region");
  } catch {
    client.destroy();
    throw new ConfigError('You must specify a region. You can also configure your region by running "aws configure".');
  }
  try {
    await client.config.credentials();
  } catch (error) {
    client.destroy();
    const detail = error instanceof Error && /profile/i.test(error.message) ? ` (${error.message})` : "";
    throw new ConfigError(
      `Unable to locate credentials. You can configure credentials by running "aws configure".${detail}`,
    );
  }
  if (flags.debug) {
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as {
          method?: string;
          protocol?: string;
          hostname?: string;
          port?: number;
          path?: string;
          query?: Record<string, unknown>;
        };
        const query = new URLSearchParams(
          Object.entries(request.query ?? {}).map(([k, v]) => [k, String(v)] as [string, string]),
        ).toString();
        const url = `${request.protocol ?? "https:"}//${request.hostname ?? ""}${request.port ? `:${request.port}` : ""}${request.path ?? "/"}${query ? `?${query}` : ""}`;
        process.stderr.write(`${new Date().toISOString()} DEBUG request: ${request.method ?? "GET"} ${url}\n`);
        const result = await next(args);
        const response = result.response as { statusCode?: number; headers?: Record<string, string> };
        process.stderr.write(
          `${new Date().toISOString()} DEBUG response: ${response.statusCode ?? "?"} (request id ${response.headers?.["x-amzn-requestid"] ?? "none"})\n`,
        );
        return result;
      },
      { step: "finalizeRequest", priority: "low", name: "dxDebugLog" },
    );
  }
  return client;
}

/** Writes to stdout; a reader that went away (`| head -1`) ends the program quietly, as the AWS CLI does. */
function write(text: string): void {
  process.stdout.write(text);
}

async function run(flags: Flags, signal: AbortSignal): Promise<void> {
  const client = await makeClient(flags);
  const { paginateListJobs } = await import("../sdk.js");
  try {
    const paginator = paginateListJobs(
      client,
      {
        ...(flags.dataSetId !== undefined && { DataSetId: flags.dataSetId }),
        ...(flags.revisionId !== undefined && { RevisionId: flags.revisionId }),
        PaginationConfig: {
          ...(flags.maxItems !== undefined && flags.paginate && { MaxItems: flags.maxItems }),
          PageSize: flags.pageSize,
          StartingToken: flags.startingToken,
        },
      },
      { validation: flags.validation, signal },
    );
    if (!flags.paginate) return await onePage(paginator, flags);
    if (flags.output === "text") return await textPages(paginator, flags);
    const progress = process.stderr.isTTY && !flags.debug ? new Progress() : undefined;
    let jobs = 0;
    let result: object;
    try {
      result = await paginator.buildFullResult((page, n) =>
        progress?.show(`page ${n}, ${(jobs += page.Jobs?.length ?? 0)} jobs`),
      );
    } catch (error) {
      progress?.clear();
      // Interrupted: print what was listed, with the NextToken that resumes after it, then report.
      const partial = pageFailureOf(error)?.partialResult;
      if (signal.aborted && partial !== undefined) write(render(flags, partial));
      throw error;
    }
    progress?.clear();
    write(render(flags, result));
  } finally {
    client.destroy();
  }
}

function render(flags: Flags, result: unknown): string {
  const shown: unknown = flags.query !== undefined ? search(plain(result), flags.query) : result;
  return flags.output === "table" ? formatTable("ListJobs", shown) : formatJson(shown);
}

/** --no-paginate: the first page as the service sent it (its own NextToken, not a resume token). */
async function onePage(paginator: AsyncIterable<ListJobsResponse>, flags: Flags): Promise<void> {
  for await (const page of paginator) {
    const shown: unknown = flags.query !== undefined ? search(plain(page), flags.query) : page;
    write(
      flags.output === "table"
        ? formatTable("ListJobs", shown)
        : flags.output === "text"
          ? formatText(shown)
          : formatJson(shown),
    );
    return;
  }
}

/** The AWS CLI's text output of a paginated command: each page formatted as it arrives (the query applied per page), then the resume token. */
async function textPages(
  paginator: AsyncIterable<ListJobsResponse> & { readonly resumeToken: string | undefined },
  flags: Flags,
): Promise<void> {
  const format = (value: unknown): string =>
    formatText(flags.query !== undefined ? search(plain(value), flags.query) : value);
  for await (const page of paginator) write(format({ Jobs: page.Jobs ?? [] }));
  const token = paginator.resumeToken;
  if (token !== undefined) write(format({ NextToken: { NextToken: token } }));
}

/** One line on stderr, rewritten in place. */
class Progress {
  show(text: string): void {
    process.stderr.write(`\r\u001b[2K${text}`);
  }
  clear(): void {
    process.stderr.write("\r\u001b[2K");
  }
}

function exitCodeOf(error: unknown, interrupted: boolean): number {
  if (interrupted) return EXIT.interrupted;
  if (error instanceof UsageError || error instanceof StartingTokenError || error instanceof PaginationConfigError)
    return EXIT.usage;
  if (error instanceof ConfigError) return EXIT.config;
  if (typeof error === "object" && error !== null && "$fault" in error) return EXIT.service;
  return EXIT.other;
}

function messageOf(error: unknown, interrupted: boolean): string {
  const failure = pageFailureOf(error);
  if (interrupted)
    return failure === undefined ? "interrupted" : `interrupted; resume with --starting-token ${failure.resumeToken}`;
  const resume =
    failure !== undefined ? ` (page ${failure.page}; resume with --starting-token ${failure.resumeToken})` : "";
  let text: string;
  if (typeof error === "object" && error !== null && "$fault" in error) {
    // The AWS CLI's wording for a service error.
    const e = error as { name?: unknown; message?: unknown };
    text = `An error occurred (${String(e.name)}) when calling the ListJobs operation: ${String(e.message)}`;
  } else {
    const e = error instanceof Error ? error : new Error(String(error));
    const kind =
      error instanceof PaginationError ||
      error instanceof UsageError ||
      error instanceof ConfigError ||
      e.name === "Error"
        ? ""
        : `${e.name}: `;
    text = `${kind}${e.message}`;
  }
  return escapeControl(`${text}${resume}`.replace(/\s*\n\s*/g, " "));
}

async function main(): Promise<number> {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  const controller = new AbortController();
  let interrupted = false;
  process.on("SIGINT", () => {
    if (interrupted) process.exit(EXIT.interrupted); // a second Ctrl-C does not wait
    interrupted = true;
    controller.abort(new Interrupted("interrupted"));
  });
  try {
    const flags = parseFlags(process.argv.slice(2));
    if (flags === "help") {
      write(`${HELP}\n`);
      return 0;
    }
    if (flags === "version") {
      write(`${version()}\n`);
      return 0;
    }
    await run(flags, controller.signal);
    return interrupted ? EXIT.interrupted : 0;
  } catch (error) {
    const debug = process.argv.includes("--debug") && error instanceof Error && error.stack !== undefined;
    if (debug) process.stderr.write(`${(error as Error).stack}\n`);
    process.stderr.write(`dx-list-jobs: ${messageOf(error, interrupted)}\n`);
    return exitCodeOf(error, interrupted);
  }
}

process.exitCode = await main();
