export {
  generate,
  checkGenerated,
  runPipeline,
  findWorkspaceRoot,
  type PipelineOptions,
  type PipelineResult,
} from "./pipeline.js";
export { SpecError, formatDiagnostic, type Diagnostic } from "./diagnostics.js";
export type * from "./ir/types.js";
export type { Emitter, FileSet } from "./emit/types.js";
export { EMITTERS } from "./emit/index.js";
