// @dx/validators: the per-shape functions are generated from spec/ into ./generated (see
// generator/src/emit/validators); the runtime they bind to is hand-written in ./runtime.
export * from "./generated/index.gen.js";
/** The wire form (the JSON body) of every shape, as types: `Wire.ListJobsResponse`. */
export type * as Wire from "./generated/wire.gen.js";
export {
  ValidationError,
  type Drift,
  type ValidateOptions,
  type ValidationIssue,
  type ValidationMode,
} from "./runtime/index.js";
