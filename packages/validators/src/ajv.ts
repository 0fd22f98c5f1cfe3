// @dx/validators/ajv: Ajv's standalone code of the shipped wire schema (schemas/wire.gen.json,
// strict), compiled when the package is built (scripts/ajv-standalone.mjs): one `validateX` per
// structure and union, no Ajv and no code generated at run time, and a bundler keeps only what a
// program imports. Its errors are Ajv's; `ajvIssues` words them as dx's issues.
export * from "./generated/ajv/wire.gen.js";
export { type AjvError, type AjvValidateFunction, ajvIssues, assertAjv } from "./runtime/ajv.js";
export { ValidationError, type ValidationIssue } from "./runtime/errors.js";
export type * as Wire from "./generated/wire.gen.js";
