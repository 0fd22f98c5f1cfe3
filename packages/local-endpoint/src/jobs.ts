/** Jobs for the endpoint, drawn from the spec's arbitraries and written in wire form by the spec's serializer. */
import type { JobEntry } from "@dx/models";
import { isJobEntry, serializeJobEntry } from "@dx/validators";
import { arbitraries } from "@dx/validators/arbitraries";
import fc from "fast-check";
import type { WireJob } from "./server.js";

/** Distinct arbitrary jobs drawn at most; larger listings reuse them with new ids and dates. */
const POOL = 2_000;
const NEWEST = Date.UTC(2026, 0, 1);

export interface JobsOptions {
  /**
   * Text as AWS sends it: every character outside ASCII becomes a letter or digit chosen by its code
   * point (the arbitraries draw from all of Unicode, which real ARNs, bucket names and ids never hold).
   * The rare job that no longer satisfies the spec (two list items made equal) is left out of the pool.
   */
  ascii?: boolean;
}

/**
 * `count` jobs as the service lists them: CreatedAt descending, ids unique. Everything else is drawn
 * from `arbitraries.JobEntry` (deterministic for a seed).
 */
export function makeJobs(count: number, seed = 1, options: JobsOptions = {}): JobEntry[] {
  if (count === 0) return [];
  let pool = fc.sample(arbitraries.JobEntry, { numRuns: Math.min(count, POOL), seed });
  if (options.ascii) pool = pool.map(asciiText).filter((job) => isJobEntry(job, { mode: "strict" }));
  if (pool.length === 0) throw new Error("no job survived the ASCII mapping");
  return Array.from({ length: count }, (_, i) => {
    const job = pool[i % pool.length] as JobEntry;
    const createdAt = new Date(NEWEST - i * 1_777);
    return { ...job, Id: jobId(i), CreatedAt: createdAt, UpdatedAt: new Date(createdAt.getTime() + (i % 7) * 60_000) };
  });
}

/** A job id matching the model's pattern `^[a-zA-Z0-9]{30,40}$`, unique per index. */
export function jobId(index: number): string {
  return `job${index.toString(36).padStart(29, "0")}`;
}

/** The jobs as the service writes them on the wire. */
export function toWire(jobs: readonly JobEntry[]): WireJob[] {
  return jobs.map((job) => {
    const wire = serializeJobEntry(job);
    if (typeof wire !== "object" || wire === null || typeof (wire as { Id?: unknown }).Id !== "string")
      throw new TypeError("serializeJobEntry gave no Id");
    return wire as WireJob;
  });
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A copy of `value` with every non-ASCII character of its strings (keys too) replaced by a letter or digit. */
export function asciiText<T>(value: T): T {
  const ascii = (s: string): string =>
    s.replace(/[^\p{ASCII}]/gu, (c) => ALNUM[(c.codePointAt(0) as number) % ALNUM.length] as string);
  if (typeof value === "string") return ascii(value) as T;
  if (Array.isArray(value)) return value.map(asciiText) as T;
  if (typeof value === "object" && value !== null && !(value instanceof Date) && !(value instanceof Uint8Array))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [ascii(k), asciiText(v)])) as T;
  return value;
}
