import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { Ir } from "../../ir/types.js";
import { compileVariant } from "./compile.js";
import { VARIANTS } from "./schema.js";

/**
 * Ajv's compilation of the four variants is most of a generation's work. The CLI starts it in a
 * worker thread as soon as the IR exists, so that it runs on a second core while the main thread
 * loads ts-morph and emits the models. When the validators emitter runs, the main thread compiles
 * the variants the worker has not started yet (a large model leaves it idle long before the
 * worker is done), then waits for the rest. Each variant is compiled on its own (compileVariant),
 * so which thread compiles it does not change a byte. This module loads no Ajv until it compiles.
 */
interface Job {
  /** [CLAIMED]: the next variant index to compile (both threads claim with Atomics.add); [DONE]: 1 once the worker has posted all it will. */
  state: Int32Array;
  port: MessagePort;
}

export const CLAIMED = 0;
export const DONE = 1;

/** A message of the worker: one compiled variant, or why it stopped. */
export type WorkerMessage = { index: number; module: string } | { error: string };

/** How long the emitter waits for the worker before giving up (a hung worker must not hang the CLI). */
const TIMEOUT_MS = 5 * 60_000;

const jobs = new WeakMap<Ir, Job>();

/** Starts compiling the variants of `ir` in a worker thread. */
export function precompileVariants(ir: Ir): void {
  if (jobs.has(ir)) return;
  const state = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL("./compile-worker.js", import.meta.url), {
    workerData: { ir, port: port2, state },
    transferList: [port2],
  });
  worker.unref(); // the CLI must be able to exit on an error before it takes the result
  jobs.set(ir, { state, port: port1 });
}

/**
 * The compiled modules of `ir` (in VARIANTS order) if precompileVariants started them: compiles
 * the unclaimed variants here, then waits for the worker (the emitters are synchronous). Else
 * undefined. Throws what the worker threw.
 */
export function takePrecompiled(ir: Ir): string[] | undefined {
  const job = jobs.get(ir);
  if (!job) return undefined;
  jobs.delete(ir);
  const modules: (string | undefined)[] = [];
  for (let i = Atomics.add(job.state, CLAIMED, 1); i < VARIANTS.length; i = Atomics.add(job.state, CLAIMED, 1)) {
    modules[i] = compileVariant(ir, VARIANTS[i] as (typeof VARIANTS)[number]);
  }
  if (Atomics.wait(job.state, DONE, 0, TIMEOUT_MS) === "timed-out")
    throw new Error("the validators' compile worker did not answer");
  for (let m = receiveMessageOnPort(job.port); m; m = receiveMessageOnPort(job.port)) {
    const message = m.message as WorkerMessage;
    if ("error" in message) throw new Error(`the validators' compile worker failed: ${message.error}`);
    modules[message.index] = message.module;
  }
  job.port.close();
  return VARIANTS.map((_v, i) => {
    const module = modules[i];
    if (module === undefined) throw new Error(`the validators' compile worker ended without variant ${i}`);
    return module;
  });
}
