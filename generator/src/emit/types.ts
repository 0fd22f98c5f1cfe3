import type { Ir } from "../ir/types.js";

/** Relative path (inside an emitter's generated folder, "/"-separated) to file text. */
export type FileSet = Map<string, string>;

/** An emitter turns the IR into the generated folder of one package; it never touches the disk. */
export interface Emitter {
  name: string;
  /** The generated folder, relative to the output root. */
  outDir: string;
  emit(ir: Ir): FileSet;
  /** Problems of the spec that this emitter works around rather than fails on; printed at generate time. */
  warnings?(ir: Ir): string[];
}
