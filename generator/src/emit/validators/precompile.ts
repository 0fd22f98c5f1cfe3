import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { Ir } from "../../ir/types.js";

/**
 * Ajv's compilation of the four variants is most of a generation's work. The CLI starts it in a
 * worker thread as soon as the IR exists, so that it runs on a second core while the main thread
 * loads ts-morph and emits the models; the validators emitter then takes the result. This module
 * stays light (no Ajv) because the CLI loads it before everything else.
 */
interface Job {
  /** Set to 1 by the worker once its one message is posted. */
  done: Int32Array;
  port: MessagePort;
}

export type WorkerResult = { modules: string[] } | { error: string };

/** How long the emitter waits for the worker before giving up (a hung worker must not hang the CLI). */
const TIMEOUT_MS = 5 * 60_000;

const jobs = new WeakMap<Ir, Job>();

/** Starts compiling the variants of `ir` (in VARIANTS order) in a worker thread. */
export function precompileVariants(ir: Ir): void {
  if (jobs.has(ir)) return;
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL("./compile-worker.js", import.meta.url), { workerData: { ir, port: port2, done }, transferList: [port2] });
  worker.unref(); // the CLI must be able to exit on an error before it takes the result
  jobs.set(ir, { done, port: port1 });
}

/**
 * The compiled modules of `ir` if precompileVariants started them (waiting for the worker: the
 * emitters are synchronous), else undefined. Throws what the worker threw.
 */
export function takePrecompiled(ir: Ir): string[] | undefined {
  const job = jobs.get(ir);
  if (!job) return undefined;
  jobs.delete(ir);
  if (Atomics.wait(job.done, 0, 0, TIMEOUT_MS) === "timed-out") throw new Error("the validators' compile worker did not answer");
  const result = receiveMessageOnPort(job.port)?.message as WorkerResult | undefined;
  job.port.close();
  if (!result) throw new Error("the validators' compile worker ended without a result");
  if ("error" in result) throw new Error(`the validators' compile worker failed: ${result.error}`);
  return result.modules;
}
