#!/usr/bin/env node
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { SpecError } from "./diagnostics.js";

const HELP = `dx-gen: generate the dx packages from a Smithy 2.0 JSON AST spec

Usage: dx-gen [--spec FILE]... [--operation NAME]... [--out DIR] [--check]
       dx-gen diff [OLD NEW | --since REF] [--changeset | --check-changeset]
                    (the spec's changes as breaking/additive/documentation-only;
                    \`dx-gen diff --help\` for its options)

  --spec FILE       a Smithy JSON AST file; repeat to merge several (default: every
                    .json file in <workspace>/spec)
  --operation NAME  emit the closure of this operation (name or absolute shape id);
                    repeat for several (default: every operation of the service)
  --out DIR         root under which the packages' generated folders are written
                    (default: the workspace root); use it to try other models
  --check           write nothing; list every generated file that is stale, missing
                    or orphaned, and exit 1 if there is any
  --help            show this text

Exit codes: 0 success, 1 invalid spec or stale files, 2 bad command line or internal error.
A bad spec is reported as "file:line:column /json/pointer: problem", every independent
problem at once, and nothing is written. An error of dx-gen itself is one line, exit 2.`;

async function main(argv: string[]): Promise<number> {
  // `dx-gen diff ...` is its own command with its own options (generator/src/diff/command.ts).
  if (argv[0] === "diff") {
    const { runDiffCommand } = await import("./diff/command.js");
    return runDiffCommand(argv.slice(1));
  }
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        spec: { type: "string", multiple: true },
        operation: { type: "string", multiple: true },
        out: { type: "string" },
        check: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    process.stderr.write(`dx-gen: ${(e as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  // Loaded only now: --help and bad flags need none of the emitters.
  const { buildIrFrom, findWorkspaceRoot } = await import("./front.js");
  const root = findWorkspaceRoot(process.cwd());
  const frontOptions = {
    root,
    ...(args.spec && { specs: args.spec.map((s) => resolve(s)) }),
    ...(args.operation && { operations: args.operation }),
  };
  try {
    // A file in the way of --out is reported before any work is done (write.ts checks again, fully).
    if (args.out !== undefined) (await import("./write/write.js")).checkFolders(resolve(args.out), []);
    const ir = buildIrFrom(frontOptions);
    const { checkGenerated, generate } = await import("./pipeline.js");
    const options = { ...frontOptions, ir, ...(args.out !== undefined && { outRoot: resolve(args.out) }) };
    if (args.check) {
      const stale = checkGenerated(options);
      for (const r of stale) process.stderr.write(`${describeStale(r.status)}: ${r.path}\n`);
      if (stale.length > 0) {
        process.stderr.write(
          `dx-gen --check: ${stale.length} generated file(s) differ from the spec; run \`pnpm generate\`.\n`,
        );
        return 1;
      }
      process.stdout.write("dx-gen --check: generated files are up to date.\n");
      return 0;
    }
    const reports = generate({ ...options, onWarning: (w) => process.stderr.write(`dx-gen: warning: ${w}\n`) });
    for (const r of reports) process.stdout.write(`${r.status.padEnd(9)} ${r.path}\n`);
    const changed = reports.filter((r) => r.status !== "unchanged").length;
    process.stdout.write(`dx-gen: ${reports.length} generated file(s), ${changed} changed.\n`);
    return 0;
  } catch (e) {
    if (e instanceof SpecError) {
      process.stderr.write(
        `${e.message}\ndx-gen: ${e.diagnostics.length} problem(s) ${e.diagnostics.every((d) => d.file === "(command line)") ? "on the command line" : "in the spec"}; nothing was written.\n`,
      );
      return 1;
    }
    throw e;
  }
}

/**
 * A failure that is not a spec problem is ours (or the file system's): one line naming it, exit 2,
 * never a stack trace. DX_GEN_STACK=1 prints the stack for whoever debugs dx-gen itself.
 */
function internalError(e: unknown): number {
  const error = e instanceof Error ? e : new Error(String(e));
  const code = (error as NodeJS.ErrnoException).code;
  const what = code?.startsWith("E") ? "cannot read or write a file" : "internal error";
  process.stderr.write(`dx-gen: ${what}: ${error.message.split("\n")[0]}\n`);
  if (process.env["DX_GEN_STACK"] === "1") process.stderr.write(`${error.stack}\n`);
  return 2;
}

// Errors raised outside main's own stack (the compile worker) get the same one line.
const fail = (e: unknown): void => {
  process.exitCode = internalError(e);
  process.exit();
};
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

function describeStale(status: string): string {
  return status === "created" ? "missing" : status === "removed" ? "orphaned" : "stale";
}

process.exitCode = await main(process.argv.slice(2)).catch(internalError);
