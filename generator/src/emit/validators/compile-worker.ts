// Worker-thread entry of precompile.ts: compiles the variants it claims, posting each module (or
// the error) on its port, then raises the flag the main thread waits on.
import { workerData, type MessagePort } from "node:worker_threads";
import type { Ir } from "../../ir/types.js";
import type { WorkerMessage } from "./precompile.js";

const { ir, port, state } = workerData as { ir: Ir; port: MessagePort; state: Int32Array };
const post = (message: WorkerMessage): void => port.postMessage(message);
try {
  // Imported here, not statically, so that a failure to load them is reported too, not a silent hang.
  const [{ CLAIMED }, { compileVariant }, { VARIANTS }] = await Promise.all([
    import("./precompile.js"),
    import("./compile.js"),
    import("./schema.js"),
  ]);
  for (let i = Atomics.add(state, CLAIMED, 1); i < VARIANTS.length; i = Atomics.add(state, CLAIMED, 1)) {
    post({ index: i, module: compileVariant(ir, VARIANTS[i] as (typeof VARIANTS)[number]) });
  }
} catch (e) {
  post({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
port.close();
const DONE = 1; // precompile.ts's DONE, needed even when that module failed to load
Atomics.store(state, DONE, 1);
Atomics.notify(state, DONE);
