import { existsSync, readdirSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { checkModel } from "./check/check.js";
import { buildIr } from "./ir/build.js";
import type { Ir } from "./ir/types.js";
import { loadModel, readSpecs, type SpecInput } from "./load/load.js";

/**
 * The front of the pipeline (load → check → ir), kept apart from the emitters so that the CLI can
 * build the IR, and start the validators' compilation in a worker, before it loads ts-morph.
 */
export interface FrontOptions {
  /** The workspace root: where `spec/` is and what spec paths in headers are relative to. */
  root: string;
  /** Spec files; default: every .json file in `<root>/spec`, sorted. */
  specs?: readonly string[];
  /** Spec texts given directly (tests); used instead of `specs`. */
  inputs?: readonly SpecInput[];
  /** Operation names or ids to emit; default: all operations of the service. */
  operations?: readonly string[];
}

/** load → check → ir. Pure apart from reading the spec files; throws SpecError on a bad spec. */
export function buildIrFrom(options: FrontOptions): Ir {
  const inputs = options.inputs ?? readSpecs(specPaths(options));
  const model = loadModel(inputs);
  const selection = checkModel(model, options.operations ?? []);
  return buildIr(
    model,
    selection,
    inputs.map((i) => i.file),
  );
}

function specPaths(options: FrontOptions): { path: string; display: string }[] {
  const paths = options.specs ?? defaultSpecs(options.root);
  return paths.map((p) => {
    const path = resolve(p);
    const rel = relative(options.root, path);
    // Headers name the spec relative to the workspace so that output is the same on every machine.
    return { path, display: (isAbsolute(rel) ? path : rel).split(sep).join("/") };
  });
}

function defaultSpecs(root: string): string[] {
  const dir = join(root, "spec");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(dir, f));
}

/** The nearest folder at or above `from` holding pnpm-workspace.yaml, else `from`. */
export function findWorkspaceRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) return resolve(from);
  }
}
