// Worker-thread entry of precompile.ts: compiles every variant of the IR it is given, posts the
// modules (or the error) on its port, then raises the flag the main thread waits on.
import { workerData, type MessagePort } from "node:worker_threads";
import type { Ir } from "../../ir/types.js";
import type { WorkerResult } from "./precompile.js";

const { ir, port, done } = workerData as { ir: Ir; port: MessagePort; done: Int32Array };
let result: WorkerResult;
try {
  // Imported here, not statically, so that a failure to load them is reported too, not a silent hang.
  const [{ compileVariant }, { VARIANTS }] = await Promise.all([import("./compile.js"), import("./schema.js")]);
  result = { modules: VARIANTS.map((v) => compileVariant(ir, v)) };
} catch (e) {
  result = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
port.postMessage(result);
port.close();
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
