import { EMITTERS } from "./emit/index.js";
import type { Emitter } from "./emit/types.js";
import { buildIrFrom, type FrontOptions } from "./front.js";
import type { Ir } from "./ir/types.js";
import { compareOutputs, writeOutputs, type FileReport, type Output } from "./write/write.js";

export { findWorkspaceRoot } from "./front.js";

export interface PipelineOptions extends FrontOptions {
  emitters?: readonly Emitter[];
  /** The IR of these options when the caller has built it already (the CLI does, see cli.ts). */
  ir?: Ir;
}

export interface PipelineResult {
  ir: Ir;
  outputs: Output[];
  /** Spec problems the emitters worked around (see Emitter.warnings), as "emitter: message". */
  warnings: string[];
}

/** load → check → ir → emit. Pure apart from reading the spec files; throws SpecError on a bad spec. */
export function runPipeline(options: PipelineOptions): PipelineResult {
  const ir = options.ir ?? buildIrFrom(options);
  const emitters = options.emitters ?? EMITTERS;
  const outputs = emitters.map((e) => ({ outDir: e.outDir, files: e.emit(ir) }));
  const warnings = emitters.flatMap((e) => (e.warnings?.(ir) ?? []).map((w) => `${e.name}: ${w}`));
  return { ir, outputs, warnings };
}

/** Runs the pipeline and replaces the generated folders under `outRoot` (default: the root). */
export function generate(
  options: PipelineOptions & { outRoot?: string; onWarning?: (message: string) => void },
): FileReport[] {
  const { outputs, warnings } = runPipeline(options);
  for (const w of warnings) options.onWarning?.(w);
  return writeOutputs(options.outRoot ?? options.root, outputs);
}

/** Runs the pipeline and reports every generated file that is stale, missing or orphaned; writes nothing. */
export function checkGenerated(options: PipelineOptions & { outRoot?: string }): FileReport[] {
  const { outputs } = runPipeline(options);
  return compareOutputs(options.outRoot ?? options.root, outputs).filter((r) => r.status !== "unchanged");
}
