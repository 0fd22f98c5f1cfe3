import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { SpecError } from "../diagnostics.js";
import { buildIrFrom } from "../front.js";
import type { SpecInput } from "../load/load.js";
import { findWorkspaceRoot, runPipeline, type PipelineOptions } from "../pipeline.js";
import { pendingBumps, uncoveredPackages } from "./changesets.js";
import { diffIr } from "./compare.js";
import { DiffInputError, LAST_RELEASE, lastReleaseCommit, RELEASE_ANCHOR, resolveRef, specsAtCommit } from "./git.js";
import { packageImpacts } from "./packages.js";
import { formatChangeset, formatReport, type DiffResult } from "./report.js";

export const DIFF_HELP = `dx-gen diff: how big a release a spec change is, per generated package

Usage: dx-gen diff OLD NEW [--changeset] [--json]
       dx-gen diff --since REF [NEW] [--changeset] [--json]

  OLD, NEW          a spec file, or a folder whose .json files form the spec
                    (NEW defaults to <workspace>/spec with --since)
  --since REF       take the old spec from spec/ at git REF; "${LAST_RELEASE}" means the last
                    commit that changed @dx/models' version (the last \`changeset version\`)
  --operation NAME  compare only this operation's closure; repeat for several
  --changeset       write .changeset/${"spec-diff.md"} with the bump of each affected package
                    (and delete it when nothing is affected)
  --check-changeset exit 1 unless the pending .changeset/*.md bump every affected package at
                    least as much as the change needs (CI); with "--since ${LAST_RELEASE}" and no
                    such commit in the history (a shallow clone), say so and pass
  --json            print {changes, packages} as JSON instead of the report
  --help            show this text

Each change is breaking (major), additive (minor) or documentation-only (patch), with smithy-diff's
rules. A package is affected when its generated files differ; its bump is that of the worst change.
Exit codes: 0 done (whatever the changes), 1 invalid spec, git error or (--check-changeset) a
missing changeset, 2 bad command line.`;

/** Name of the changeset this command owns: rewritten on each run, since --since diffs are cumulative. */
export const CHANGESET_FILE = "spec-diff.md";

export interface DiffOptions {
  root: string;
  before: readonly SpecInput[];
  after: readonly SpecInput[];
  operations?: readonly string[];
  from: string;
  to: string;
}

/** Builds both IRs and emitted outputs, then classifies the changes and the packages they reach. */
export function diffSpecs(o: DiffOptions): DiffResult {
  const base: PipelineOptions = { root: o.root, ...(o.operations && { operations: o.operations }) };
  const before = runPipeline({ ...base, inputs: o.before });
  const after = runPipeline({ ...base, inputs: o.after });
  const changes = diffIr(before.ir, after.ir);
  return { from: o.from, to: o.to, changes, packages: packageImpacts(o.root, before.outputs, after.outputs, changes) };
}

/** Writes (or, when nothing is affected, removes) the changeset; says which it did. */
export function writeChangeset(
  root: string,
  result: DiffResult,
): { path: string; action: "written" | "removed" | "none" } {
  const path = join(root, ".changeset", CHANGESET_FILE);
  if (result.packages.length === 0) {
    const existed = existsSync(path);
    rmSync(path, { force: true });
    return { path, action: existed ? "removed" : "none" };
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatChangeset(result));
  return { path, action: "written" };
}

export function runDiffCommand(argv: readonly string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        since: { type: "string" },
        operation: { type: "string", multiple: true },
        changeset: { type: "boolean" },
        "check-changeset": { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values: args, positionals } = parsed;
  if (args.help) {
    process.stdout.write(`${DIFF_HELP}\n`);
    return 0;
  }
  const expected = args.since === undefined ? [2] : [0, 1];
  if (!expected.includes(positionals.length))
    return usage(args.since === undefined ? "give OLD and NEW, or --since REF" : "with --since, give at most NEW");
  const root = findWorkspaceRoot(process.cwd());
  if (args["check-changeset"] && args.since === LAST_RELEASE && lastReleaseCommit(root) === undefined) {
    process.stdout.write(
      `dx-gen diff: no commit changes the version in ${RELEASE_ANCHOR} in this history; nothing to check.\n`,
    );
    return 0;
  }
  try {
    const newPath = positionals.at(-1) ?? join(root, "spec");
    const after = readSpecInputs(root, newPath);
    let before: SpecInput[];
    let from: string;
    if (args.since !== undefined) {
      const commit = resolveRef(root, args.since);
      before = specsAtCommit(root, commit);
      from = `spec/ at ${args.since === LAST_RELEASE ? `${LAST_RELEASE} (${commit.slice(0, 12)})` : args.since}`;
    } else {
      before = readSpecInputs(root, positionals[0] as string);
      from = display(root, resolve(positionals[0] as string));
    }
    // Checked under its own file names first: aligned to the new spec's names, its problems would be
    // reported in the wrong file.
    buildIrFrom({ root, inputs: before, ...(args.operation && { operations: args.operation }) });
    const result = diffSpecs({
      root,
      before: alignNames(before, after),
      after,
      ...(args.operation && { operations: args.operation }),
      from,
      to: display(root, resolve(newPath)),
    });
    if (args.json)
      process.stdout.write(`${JSON.stringify({ changes: result.changes, packages: result.packages }, null, 2)}\n`);
    else process.stdout.write(formatReport(result));
    if (args.changeset) {
      const { path, action } = writeChangeset(root, result);
      const what = {
        written: "written",
        removed: "removed (nothing to release)",
        none: "not needed (nothing to release)",
      }[action];
      (args.json ? process.stderr : process.stdout).write(`dx-gen diff: ${display(root, path)} ${what}.\n`);
    }
    return args["check-changeset"] ? checkChangesets(root, result) : 0;
  } catch (e) {
    if (e instanceof SpecError) {
      process.stderr.write(`${e.message}\ndx-gen diff: ${e.diagnostics.length} problem(s) in a spec.\n`);
      return 1;
    }
    if (e instanceof DiffInputError) {
      process.stderr.write(`dx-gen diff: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** CI's gate: nobody ships a spec change unreleased, or a breaking one as a patch. */
function checkChangesets(root: string, result: DiffResult): number {
  const pending = pendingBumps(root);
  const uncovered = uncoveredPackages(result.packages, pending);
  for (const p of uncovered) {
    process.stderr.write(
      `dx-gen diff: ${p.name} needs a ${p.bump} changeset; pending changesets give it ${pending.get(p.name) ?? "nothing"}.\n`,
    );
  }
  if (uncovered.length === 0) {
    process.stdout.write("dx-gen diff: every package the spec change reaches has a large enough changeset.\n");
    return 0;
  }
  process.stderr.write(
    "dx-gen diff: run `pnpm spec:update` (it writes .changeset/spec-diff.md) or `pnpm changeset`, and commit it.\n",
  );
  return 1;
}

function usage(message: string): number {
  process.stderr.write(`dx-gen diff: ${message}\n\n${DIFF_HELP}\n`);
  return 2;
}

/** A file, or every .json file directly inside a folder, named relative to the workspace. */
function readSpecInputs(root: string, path: string): SpecInput[] {
  const full = resolve(path);
  if (!existsSync(full)) throw new DiffInputError(`no such spec: ${path}`);
  const files = statSync(full).isDirectory()
    ? readdirSync(full)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => join(full, f))
    : [full];
  return files.map((f) => ({ file: display(root, f), text: readFileSync(f, "utf8") }));
}

/**
 * Generated headers name their spec file, so the old spec must carry the new one's names or every
 * generated file would differ: files are paired by base name, or one-to-one when each side has one.
 */
function alignNames(before: readonly SpecInput[], after: readonly SpecInput[]): SpecInput[] {
  if (before.length === 1 && after.length === 1)
    return [{ ...(before[0] as SpecInput), file: (after[0] as SpecInput).file }];
  const byBase = new Map(after.map((i) => [basename(i.file), i.file]));
  return before.map((i) => ({ ...i, file: byBase.get(basename(i.file)) ?? i.file }));
}

function display(root: string, path: string): string {
  const rel = relative(root, path);
  return (rel === "" || isAbsolute(rel) || rel.startsWith("..") ? path : rel).split(sep).join("/");
}
