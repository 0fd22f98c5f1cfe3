/**
 * What the caller passed to a paginator, checked when a run starts (plain JavaScript callers
 * included): params as botocore checks them, `PaginationConfig`, and the options. Each fault is a
 * PaginationConfigError before any request.
 */
import { describeValue } from "./describe.js";
import { PaginationConfigError } from "./errors.js";
import { decodeStartingToken, type StartPosition } from "./token.js";
import type { PaginatorOptions } from "./types.js";

const MODES: ReadonlySet<unknown> = new Set(["tolerant", "strict", "off", undefined]);
const CONFIG_KEYS: ReadonlySet<string> = new Set(["MaxItems", "PageSize", "StartingToken"]);
const OPTION_KEYS: ReadonlySet<string> = new Set(["validation", "onDrift", "signal", "stopOnSameToken", "readAhead"]);

/** What the checks read of the operation (a PageOperation): its name and its trait's member names. */
interface OperationNames {
  name: string;
  inputToken: string;
  pageSize?: string | undefined;
  items?: unknown;
  inputMembers?: readonly string[] | undefined;
}

/** What a run starts from: its limits and its position. */
export interface RunStart {
  maxItems: number | undefined;
  pageSize: number | undefined;
  start: StartPosition;
}

/** The first argument as the paginator split it: the params but PaginationConfig, and PaginationConfig. */
export interface GivenParams {
  base: object;
  /** What was given as params when it was not an object. */
  badParams: { value: unknown } | undefined;
  config: unknown;
}

/** Checks params, PaginationConfig and options, in that order, and decodes the StartingToken. */
export function checkRun(op: OperationNames, params: GivenParams, options: PaginatorOptions): RunStart {
  checkParams(op, params);
  const config = params.config;
  if (config !== undefined && (typeof config !== "object" || config === null || Array.isArray(config)))
    throw new PaginationConfigError(`PaginationConfig must be an object, got ${describeValue(config)}`);
  const c = (config ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(c).filter((k) => !CONFIG_KEYS.has(k));
  if (unknown.length > 0)
    throw new PaginationConfigError(
      `PaginationConfig has unknown member${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (expected MaxItems, PageSize, StartingToken)`,
    );
  const maxItems = positiveInteger(c["MaxItems"], "MaxItems");
  const pageSize = positiveInteger(c["PageSize"], "PageSize");
  if (pageSize !== undefined && op.pageSize === undefined)
    throw new PaginationConfigError(`PageSize is not supported by ${op.name}`);
  if (maxItems !== undefined && op.items === undefined)
    throw new PaginationConfigError(`MaxItems is not supported by ${op.name}: its trait names no items`);
  const token = c["StartingToken"];
  if (token !== undefined && typeof token !== "string")
    throw new PaginationConfigError(`StartingToken must be a string, got ${describeValue(token)}`);
  checkOptions(options);
  const start: StartPosition =
    token === undefined ? { serviceToken: null, skip: 0, botocore: false } : decodeStartingToken(token, op.inputToken);
  return { maxItems, pageSize, start };
}

/** botocore's parameter check: members the input does not have, and those the paginator sets itself. */
function checkParams(op: OperationNames, { base, badParams }: GivenParams): void {
  const { inputMembers: members, inputToken, pageSize } = op;
  if (badParams !== undefined)
    throw new PaginationConfigError(`params must be an object, got ${describeValue(badParams.value)}`);
  if (members === undefined) return;
  const callers = members.filter((m) => m !== inputToken && m !== pageSize);
  for (const [key, value] of Object.entries(base)) {
    if (key === inputToken && value !== undefined)
      throw new PaginationConfigError(
        `${key} is set by the paginator: pass a resume token as PaginationConfig.StartingToken`,
      );
    if (key === pageSize && value !== undefined)
      throw new PaginationConfigError(`${key} is set by the paginator: use PaginationConfig.PageSize`);
    if (!members.includes(key))
      throw new PaginationConfigError(
        `Unknown parameter in input: "${key}", must be one of: ${callers.join(", ") || "(none)"}${
          OPTION_KEYS.has(key) ? ` (paginator options such as ${key} go in the third argument)` : ""
        }`,
      );
  }
}

/** The third argument, as plain JavaScript callers may give it: a misspelt option is not silently ignored. */
function checkOptions(options: PaginatorOptions): void {
  const given: unknown = options;
  if (typeof given !== "object" || given === null || Array.isArray(given))
    throw new PaginationConfigError(`options must be an object, got ${describeValue(given)}`);
  const unknown = Object.keys(given).filter((k) => !OPTION_KEYS.has(k));
  if (unknown.length > 0)
    throw new PaginationConfigError(
      `Unknown paginator option${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (expected ${[...OPTION_KEYS].join(", ")})`,
    );
  const { validation, onDrift, signal } = options;
  if (!MODES.has(validation))
    throw new PaginationConfigError(
      `validation must be "tolerant", "strict" or "off", got ${describeValue(validation)}`,
    );
  if (onDrift !== undefined && typeof onDrift !== "function")
    throw new PaginationConfigError(`onDrift must be a function, got ${describeValue(onDrift)}`);
  if (signal !== undefined && !isAbortSignal(signal))
    throw new PaginationConfigError(`signal must be an AbortSignal, got ${describeValue(signal)}`);
}

/** An AbortSignal, or one of another realm or polyfill (what sendAbortable uses of it). */
function isAbortSignal(value: unknown): value is AbortSignal {
  const signal = value as Partial<AbortSignal> | null;
  return (
    typeof signal === "object" &&
    signal !== null &&
    typeof signal.aborted === "boolean" &&
    typeof signal.addEventListener === "function" &&
    typeof signal.removeEventListener === "function"
  );
}

function positiveInteger(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1)
    throw new PaginationConfigError(`${name} must be a positive integer, got ${describeValue(value)}`);
  return value;
}
