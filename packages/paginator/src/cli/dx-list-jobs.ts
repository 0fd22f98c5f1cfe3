#!/usr/bin/env node
/**
 * dx-list-jobs: `aws dataexchange list-jobs` through the boto3-style paginator, with the same flags
 * (--max-items, --page-size, --starting-token, --query, --output) and the same JSON shape
 * (`{"Jobs": [...], "NextToken": "..."}`). Exit codes follow the AWS CLI: 252 bad flags or token,
 * 254 an error from the service, 255 any other failure.
 */
import { parseArgs } from "node:util";
import { paginateListJobs } from "../generated/index.gen.js";
import { PageError, PaginationError, StartingTokenError, PaginationConfigError } from "../runtime/index.js";
import { checkExpression, search } from "../runtime/jmespath.js";
import { formatJson, formatTable, plain } from "./format.js";

const HELP = `dx-list-jobs: list AWS Data Exchange jobs, as \`aws dataexchange list-jobs\` does

Usage: dx-list-jobs [--data-set-id ID] [--revision-id ID] [--max-items N] [--page-size N]
                    [--starting-token TOKEN] [--endpoint-url URL] [--region REGION]
                    [--query JMESPATH] [--output json|table] [--validation tolerant|strict|off]

  --max-items N          total number of jobs to return; a NextToken is printed to resume
  --page-size N          jobs per request (sent as maxResults, 1-200)
  --starting-token TOKEN a NextToken printed by an earlier run (or by the AWS CLI / boto3)
  --endpoint-url URL     send requests to this URL instead of the AWS endpoint
  --region REGION        AWS region (default: AWS_REGION, AWS_DEFAULT_REGION)
  --query JMESPATH       JMESPath applied to the full result
  --output json|table    default json
  --validation MODE      page validation: tolerant (default), strict or off

Credentials come from the AWS SDK's default chain (environment, profiles, ...).`;

const EXIT = { usage: 252, service: 254, other: 255 } as const;

class UsageError extends Error {}

interface Flags {
  dataSetId?: string;
  revisionId?: string;
  maxItems?: number;
  pageSize?: number;
  startingToken?: string;
  endpointUrl?: string;
  region: string;
  query?: string;
  output: "json" | "table";
  validation: "tolerant" | "strict" | "off";
}

function parseFlags(argv: string[]): Flags | "help" {
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
        "endpoint-url": { type: "string" },
        region: { type: "string" },
        query: { type: "string" },
        output: { type: "string" },
        validation: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return "help";
  const positive = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1)
      throw new UsageError(`--${name} must be a positive integer, got ${JSON.stringify(text)}`);
    return n;
  };
  const output = values.output ?? "json";
  if (output !== "json" && output !== "table")
    throw new UsageError(`--output must be json or table, got ${JSON.stringify(output)}`);
  const validation = values.validation ?? "tolerant";
  if (validation !== "tolerant" && validation !== "strict" && validation !== "off")
    throw new UsageError(`--validation must be tolerant, strict or off`);
  const region = values.region ?? process.env["AWS_REGION"] ?? process.env["AWS_DEFAULT_REGION"];
  if (region === undefined || region === "") throw new UsageError("You must specify a region: --region or AWS_REGION");
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
  return {
    region,
    output,
    validation,
    ...(values["data-set-id"] !== undefined && { dataSetId: values["data-set-id"] }),
    ...(values["revision-id"] !== undefined && { revisionId: values["revision-id"] }),
    ...(maxItems !== undefined && { maxItems }),
    ...(pageSize !== undefined && { pageSize }),
    ...(values["starting-token"] !== undefined && { startingToken: values["starting-token"] }),
    ...(values["endpoint-url"] !== undefined && { endpointUrl: values["endpoint-url"] }),
    ...(values.query !== undefined && { query: values.query }),
  };
}

async function run(flags: Flags): Promise<void> {
  let sdk;
  try {
    sdk = await import("@aws-sdk/client-dataexchange");
  } catch {
    throw new Error("the AWS SDK is not installed: npm install @aws-sdk/client-dataexchange");
  }
  const client = new sdk.DataExchangeClient({
    region: flags.region,
    ...(flags.endpointUrl !== undefined && { endpoint: flags.endpointUrl }),
  });
  try {
    const paginator = paginateListJobs(
      client,
      {
        ...(flags.dataSetId !== undefined && { DataSetId: flags.dataSetId }),
        ...(flags.revisionId !== undefined && { RevisionId: flags.revisionId }),
        PaginationConfig: {
          ...(flags.maxItems !== undefined && { MaxItems: flags.maxItems }),
          ...(flags.pageSize !== undefined && { PageSize: flags.pageSize }),
          ...(flags.startingToken !== undefined && { StartingToken: flags.startingToken }),
        },
      },
      { validation: flags.validation },
    );
    const progress = process.stderr.isTTY ? new Progress() : undefined;
    let jobs = 0;
    const result = await paginator.buildFullResult((page, n) =>
      progress?.show(`page ${n}, ${(jobs += page.Jobs?.length ?? 0)} jobs`),
    );
    progress?.clear();
    const shown: unknown = flags.query !== undefined ? search(plain(result), flags.query) : result;
    process.stdout.write(flags.output === "table" ? formatTable("ListJobs", shown) : formatJson(shown));
  } finally {
    client.destroy();
  }
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

function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError || error instanceof StartingTokenError || error instanceof PaginationConfigError)
    return EXIT.usage;
  if (error instanceof PageError && typeof error.cause === "object" && error.cause !== null && "$fault" in error.cause)
    return EXIT.service;
  return EXIT.other;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const resume = error instanceof PageError ? ` (resume with --starting-token ${error.resumeToken})` : "";
  const kind =
    error instanceof PaginationError || error instanceof UsageError
      ? ""
      : error instanceof Error && error.name !== "Error"
        ? `${error.name}: `
        : "";
  return `${kind}${text}${resume}`.replace(/\s*\n\s*/g, " ");
}

async function main(): Promise<number> {
  try {
    const flags = parseFlags(process.argv.slice(2));
    if (flags === "help") {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    await run(flags);
    return 0;
  } catch (error) {
    process.stderr.write(`dx-list-jobs: ${messageOf(error)}\n`);
    return exitCodeOf(error);
  }
}

process.exitCode = await main();
