import { modelsEmitter } from "./models/index.js";
import { paginatorEmitter } from "./paginator/index.js";
import type { Emitter } from "./types.js";
import { validatorsEmitter } from "./validators/index.js";

/** One emitter per generated package, each reading only the IR. */
export const EMITTERS: readonly Emitter[] = [modelsEmitter, paginatorEmitter, validatorsEmitter];
