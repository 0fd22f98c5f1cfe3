// @dx/models: everything here is generated from spec/ into ./generated (see generator/src/emit/models).
export * from "./generated/index.gen.js";
