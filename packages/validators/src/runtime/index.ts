export { ValidationError, type ValidationIssue } from "./errors.js";
export type { Drift, ValidateOptions, ValidationMode } from "./options.js";
export {
  bindShape,
  type Assertion,
  type CompiledForms,
  type CompiledValidator,
  type Guard,
  type Parser,
  type Serializer,
  type ShapeValidators,
} from "./bind.js";
export type { ShapeTable } from "./table.js";
