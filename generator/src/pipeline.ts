import { existsSync, readdirSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { checkModel } from "./check/check.js";
import { EMITTERS } from "./emit/index.js";
import type { Emitter } from "./emit/types.js";
import { buildIr } from "./ir/build.js";
import type { Ir } from "./ir/types.js";
import { loadModel, readSpecs, type SpecInput } from "./load/load.js";
import { compareOutputs, writeOutputs, type FileReport, type Output } from "./write/write.js";

export interface PipelineOptions {
  /** The workspace root: where `spec/` is and what spec paths in headers are relative to. */
  root: string;
  /** Spec files; default: every .json file in `<root>/spec`, sorted. */
  specs?: readonly string[];
  /** Spec texts given directly (tests); used instead of `specs`. */
  inputs?: readonly SpecInput[];
  /** Operation names or ids to emit; default: all operations of the service. */
  operations?: readonly string[];
  emitters?: readonly Emitter[];
}

export interface PipelineResult {
  ir: Ir;
  outputs: Output[];
  /** Spec problems the emitters worked around (see Emitter.warnings), as "emitter: message". */
  warnings: string[];
}

/** load → check → ir → emit. Pure apart from reading the spec files; throws SpecError on a bad spec. */
export function runPipeline(options: PipelineOptions): PipelineResult {
  const inputs = options.inputs ?? readSpecs(specPaths(options));
  const model = loadModel(inputs);
  const selection = checkModel(model, options.operations ?? []);
  const ir = buildIr(model, selection, inputs.map((i) => i.file));
  const emitters = options.emitters ?? EMITTERS;
  const outputs = emitters.map((e) => ({ outDir: e.outDir, files: e.emit(ir) }));
  const warnings = emitters.flatMap((e) => (e.warnings?.(ir) ?? []).map((w) => `${e.name}: ${w}`));
  return { ir, outputs, warnings };
}

/** Runs the pipeline and replaces the generated folders under `outRoot` (default: the root). */
export function generate(options: PipelineOptions & { outRoot?: string; onWarning?: (message: string) => void }): FileReport[] {
  const { outputs, warnings } = runPipeline(options);
  for (const w of warnings) options.onWarning?.(w);
  return writeOutputs(options.outRoot ?? options.root, outputs);
}

/** Runs the pipeline and reports every generated file that is stale, missing or orphaned; writes nothing. */
export function checkGenerated(options: PipelineOptions & { outRoot?: string }): FileReport[] {
  const { outputs } = runPipeline(options);
  return compareOutputs(options.outRoot ?? options.root, outputs).filter((r) => r.status !== "unchanged");
}

function specPaths(options: PipelineOptions): { path: string; display: string }[] {
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
