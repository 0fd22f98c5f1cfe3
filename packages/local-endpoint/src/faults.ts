/** Faults the endpoint can inject, chosen per request by a plan. */
export type Fault =
  /** Answer with the service's error shape: 500 InternalServerException or 429 ThrottlingException. */
  | { kind: "status"; status: 500 | 429 }
  /** Wait before answering (the answer itself is unchanged). */
  | { kind: "delay"; ms: number }
  /** A 200 whose body is cut off in the middle of the JSON. */
  | { kind: "malformed" }
  /** Serve the page but send back the request's own token as NextToken (a service bug botocore guards against). */
  | { kind: "repeat-token" }
  /** Serve the page but send back the token of the first page of the listing (a rewind). */
  | { kind: "rewind-token" };

/** Which faults hit the `n`-th request (1-based, counting every request the endpoint receives). */
export type FaultPlan = (n: number) => readonly Fault[];

/** `fault` on every k-th request (k, 2k, 3k, ...). */
export function everyKth(k: number, fault: Fault): FaultPlan {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  return (n) => (n % k === 0 ? [fault] : []);
}

/** `fault` on exactly the listed requests. */
export function onRequests(numbers: readonly number[], fault: Fault): FaultPlan {
  const set = new Set(numbers);
  return (n) => (set.has(n) ? [fault] : []);
}

/** Every fault of every plan. */
export function combine(...plans: readonly FaultPlan[]): FaultPlan {
  return (n) => plans.flatMap((p) => p(n));
}

export const noFaults: FaultPlan = () => [];
