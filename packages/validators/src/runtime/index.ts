export { ValidationError, type ValidationIssue } from "./errors.js";
export type { Drift, ValidateOptions, ValidationMode } from "./options.js";
