// @dx/validators/arbitraries: fast-check arbitraries of every shape (model form), generated from spec/.
export { arbitraries, type Arbitraries } from "./generated/arbitraries.gen.js";
