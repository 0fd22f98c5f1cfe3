/** The types shared by the runtime and the generated bindings. Nothing here names an operation. */
import { describeValue } from "./describe.js";
import type { AtPath } from "./members.js";

/** botocore's `PaginationConfig`. */
export interface PaginationConfig {
  /** The total number of items to return across pages; the last page is cut and a resume token kept. */
  MaxItems?: number | undefined;
  /** Sent as the operation's page-size member on every request. */
  PageSize?: number | undefined;
  /**
   * A botocore resume token (from `resumeToken`, or from Python), or a raw service token. `undefined`
   * starts at the first page, so `StartingToken: previous.resumeToken` compiles under
   * `exactOptionalPropertyTypes`.
   */
  StartingToken?: string | undefined;
}

/** The `PaginationConfig` of an operation whose trait names no items: pages only, so no MaxItems. */
export type PagesConfig = Omit<PaginationConfig, "MaxItems">;

export type ValidationMode = "tolerant" | "strict" | "off";

/**
 * A member or enum value the spec does not know, or a value outside its constraints, seen in a page
 * (validation "tolerant").
 */
export interface PageDrift {
  /** JSON pointer with array indexes replaced by `*`, e.g. `/Jobs/*\/State`: the identity used to report it once. */
  path: string;
  /** The pointer of the first occurrence, e.g. `/Jobs/3/State`. */
  pointer: string;
  /** `unknown-member`, `unknown-enum-value`, or `constraint` (a value outside the spec's length, pattern, range or unique items). */
  kind: string;
  value: unknown;
  /** For a `constraint` drift, what the spec asks there (`at most 40 characters`). */
  expected?: string;
  /** The page it was first seen on (1-based). */
  page: number;
}

export interface PaginatorOptions {
  /**
   * "tolerant" (default): unknown members and enum values, and values outside the spec's constraints
   * (a token longer than its `@length`), pass and are reported; "strict": they fail the page; "off":
   * pages are trusted. A value of the wrong type fails the page in both.
   */
  validation?: ValidationMode | undefined;
  /**
   * Called once per run for each member path the spec does not know (`/Jobs/*\/Extra`, with the first
   * value seen), once per path and value for enum values it does not know, and once per path for
   * values outside its constraints.
   */
  onDrift?: ((drift: PageDrift) => void) | undefined;
  /** Stops the run between requests and during one. */
  signal?: AbortSignal | undefined;
  /** When the service repeats the token it was asked with, end quietly (the AWS SDKs' option) instead of a RepeatedTokenError. */
  stopOnSameToken?: boolean | undefined;
  /**
   * Request the next page as soon as a page arrives, overlapping the request with validating and
   * consuming the current page (default false: one request at a time, as botocore). A run that is
   * stopped early may then have sent one request whose page is never used.
   */
  readAhead?: boolean | undefined;
}

/** What the validators report in tolerant mode (structurally `@dx/validators`' Drift). */
export interface ValidatorDrift {
  pointer: string;
  kind: string;
  value: unknown;
  expected?: string;
}

/** Structurally `@dx/validators`' ValidateOptions. */
export interface ValidatorOptions {
  mode?: "strict" | "tolerant";
  onDrift?: (drift: ValidatorDrift) => void;
}

/** What an AWS SDK v3 response carries besides its members (the SDK's `ResponseMetadata`); pages over an SDK client keep it as `$metadata`. */
export interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
  extendedRequestId?: string;
  cfId?: string;
  attempts?: number;
  totalRetryDelay?: number;
}

export interface RequestContext {
  signal?: AbortSignal;
}

/** A transport as a plain function: request in, response in model form (timestamps as Date) out. */
export type PageFunction<Request> = (request: Request, context: RequestContext) => Promise<unknown>;

/** A transport whose responses are the service's wire JSON (timestamps as strings), e.g. a `fetch` loop. */
export interface WireTransport<Request> {
  readonly wire: PageFunction<Request>;
}

/** Marks a function as returning wire JSON, so that pages are parsed (and timestamps converted) rather than checked. */
export function wireTransport<Request>(send: PageFunction<Request>): WireTransport<Request> {
  if (typeof send !== "function")
    throw new TypeError(
      `wireTransport: expected a function from request to the service's wire JSON, got ${describeValue(send)}`,
    );
  return { wire: send };
}

/** The request the runtime sends: the caller's members, plus the token and page size it manages. */
export type PageRequest<Input, InputToken extends keyof Input, PageSize extends keyof Input> = CallerMembers<
  Input,
  InputToken,
  PageSize
> &
  TokenMember<Input, InputToken> &
  PageSizeMember<PageSize>;

/** The members of a request the caller sets (everything but PaginationConfig). */
export type CallerMembers<Input, InputToken extends keyof Input, PageSize extends keyof Input> = Omit<
  PaginateParams<Input, InputToken, PageSize>,
  "PaginationConfig"
>;
/** The token member of a request: a string, or a map (DynamoDB's `ExclusiveStartKey`) as the input types it. */
export type TokenMember<Input, InputToken extends keyof Input> = { [K in InputToken]?: NonNullable<Input[K]> };
export type PageSizeMember<PageSize extends PropertyKey> = { [K in PageSize]?: number };

/** What `paginateX(client, params)` takes: the input without the managed members, plus PaginationConfig. */
export type PaginateParams<
  Input,
  InputToken extends keyof Input,
  PageSize extends keyof Input,
  Config = PaginationConfig,
> = Omit<Input, InputToken | PageSize> & {
  PaginationConfig?: Config | undefined;
};

/** A member path from the top of an output: `["Jobs"]`, or `["page", "items"]` for a nested trait path. */
export type Path = readonly string[];

/** The type at `P` inside `T`, looking through optional members on the way. */
export type PathValue<T, P extends Path> = P extends readonly [infer H, ...infer R extends Path]
  ? H extends keyof NonNullable<T>
    ? PathValue<NonNullable<T>[H], R>
    : never
  : T;

/** The element type of the items list at `Items`. */
export type ItemOf<Output, Items extends Path> =
  NonNullable<PathValue<Output, Items>> extends readonly (infer T)[] ? T : never;

/** `Items` when it leads to a list in `Output`, else never (a binding with a wrong path does not compile). */
export type ItemsPath<Output, Items extends Path> = [NonNullable<PathValue<Output, Items>>] extends [never]
  ? never
  : [NonNullable<PathValue<Output, Items>>] extends [readonly unknown[]]
    ? Items
    : never;

/** `OutputToken` when it leads to a string or a map in `Output`, else never. */
export type TokenPath<Output, OutputToken extends Path> = [NonNullable<PathValue<Output, OutputToken>>] extends [never]
  ? never
  : [NonNullable<PathValue<Output, OutputToken>>] extends [readonly unknown[]]
    ? never
    : [NonNullable<PathValue<Output, OutputToken>>] extends [string | object]
      ? OutputToken
      : never;

/** boto3's `build_full_result()`: every item at the items path, plus `NextToken` (botocore hard-codes that name) when the run left a resume token. */
export type FullResult<Output, Items extends Path> = AtPath<Items, ItemOf<Output, Items>[]> & { NextToken?: string };
