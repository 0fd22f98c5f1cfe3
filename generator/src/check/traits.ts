import { isObject } from "../load/load.js";

/** Returns what is wrong with a trait value, or undefined when it is fine. */
type TraitRule = (value: unknown) => string | undefined;

const object: TraitRule = (v) => (isObject(v) ? undefined : "expected an object");
const string: TraitRule = (v) => (typeof v === "string" ? undefined : "expected a string");
const nonEmptyString: TraitRule = (v) =>
  typeof v === "string" && v !== "" ? undefined : "expected a non-empty string";

function fields(spec: Record<string, (v: unknown) => boolean>, describe: string, required: string[] = []): TraitRule {
  return (v) => {
    if (!isObject(v)) return `expected ${describe}`;
    for (const key of required) if (!(key in v)) return `missing "${key}"; expected ${describe}`;
    for (const [key, value] of Object.entries(v)) {
      const ok = spec[key];
      if (!ok) return `unknown property "${key}"; expected ${describe}`;
      if (!ok(value)) return `bad value ${JSON.stringify(value)} for "${key}"; expected ${describe}`;
    }
    return undefined;
  };
}

const isNumber = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v);
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
const isString = (v: unknown): boolean => typeof v === "string";
const isBool = (v: unknown): boolean => typeof v === "boolean";

const bounds = (check: (v: unknown) => boolean, describe: string): TraitRule => {
  const base = fields({ min: check, max: check }, describe);
  return (v) =>
    base(v) ?? (isObject(v) && (v["min"] as number) > (v["max"] as number) ? "min is greater than max" : undefined);
};

const enumDefinition = fields(
  { value: isString, name: isString, documentation: isString, tags: Array.isArray, deprecated: isBool },
  'an object {"value": string, "name"?: string, ...}',
  ["value"],
);

/** The traits whose values dx reads, with the shape of value each must have. Other traits are kept as they are. */
export const TRAIT_RULES: Record<string, TraitRule> = {
  "smithy.api#documentation": string,
  "smithy.api#required": object,
  "smithy.api#clientOptional": object,
  // SigV4's service name signs every request of the /signed bindings; other properties are kept as they are.
  "aws.auth#sigv4": (v) =>
    isObject(v) && typeof v["name"] === "string" && v["name"] !== ""
      ? undefined
      : 'expected an object {"name": non-empty string, ...}',
  // The auth schemes in order; one without aws.auth#sigv4 makes the /signed binding send unsigned.
  "smithy.api#auth": (v) =>
    Array.isArray(v) && v.every((id) => typeof id === "string" && id !== "")
      ? undefined
      : "expected an array of auth scheme shape ids",
  "smithy.api#readonly": object,
  // The operation's host prefix ("api.", "{AccountId}."): the /signed bindings send to it.
  "smithy.api#endpoint": fields(
    { hostPrefix: (v) => typeof v === "string" && v !== "" },
    'an object {"hostPrefix": non-empty string}',
    ["hostPrefix"],
  ),
  "smithy.api#hostLabel": object,
  // The /signed bindings fill the member with a UUID when it is left out.
  "smithy.api#idempotencyToken": object,
  // Endpoint discovery (Timestream): the service's discovery operation and the error that evicts an endpoint;
  // an operation marked required is sent to the discovered host by the /signed bindings.
  "aws.api#clientEndpointDiscovery": fields(
    { operation: (v) => typeof v === "string" && v !== "", error: (v) => typeof v === "string" && v !== "" },
    'an object {"operation": shape id, "error"?: shape id}',
    ["operation"],
  ),
  "aws.api#clientDiscoveredEndpoint": fields({ required: isBool }, 'an object {"required": boolean}', ["required"]),
  "aws.protocols#awsQueryCompatible": object,
  "smithy.api#sparse": object,
  "smithy.api#uniqueItems": object,
  "smithy.api#streaming": object,
  "smithy.api#deprecated": fields(
    { message: isString, since: isString },
    'an object {"message"?: string, "since"?: string}',
  ),
  "smithy.api#error": (v) => (v === "client" || v === "server" ? undefined : 'expected "client" or "server"'),
  "smithy.api#jsonName": nonEmptyString,
  "smithy.api#httpQuery": nonEmptyString,
  "smithy.api#httpHeader": nonEmptyString,
  // An empty prefix binds every header (Smithy allows it).
  "smithy.api#httpPrefixHeaders": string,
  "smithy.api#httpQueryParams": object,
  "smithy.api#httpResponseCode": object,
  "smithy.api#mediaType": string,
  "smithy.api#addedDefault": object,
  "smithy.api#input": object,
  "smithy.api#output": object,
  "aws.protocols#restJson1": object,
  "aws.protocols#awsJson1_0": object,
  "aws.protocols#awsJson1_1": object,
  // sdkId names the SDK package and client, endpointPrefix the host; other properties are kept as they are.
  "aws.api#service": (v) =>
    isObject(v) &&
    (v["sdkId"] === undefined || typeof v["sdkId"] === "string") &&
    (v["endpointPrefix"] === undefined || typeof v["endpointPrefix"] === "string")
      ? undefined
      : 'expected an object {"sdkId"?: string, "endpointPrefix"?: string, ...}',
  "smithy.api#httpLabel": object,
  "smithy.api#httpPayload": object,
  "smithy.api#timestampFormat": (v) =>
    v === "date-time" || v === "epoch-seconds" || v === "http-date"
      ? undefined
      : 'expected "date-time", "epoch-seconds" or "http-date"',
  // Any string: a pattern dx cannot read in its dialect (src/patterns.ts) is a warning of the
  // validators and is not checked, never a reason to refuse the model.
  "smithy.api#pattern": string,
  "smithy.api#length": bounds(isCount, 'an object {"min"?: integer >= 0, "max"?: integer >= 0}'),
  "smithy.api#range": bounds(isNumber, 'an object {"min"?: number, "max"?: number}'),
  "smithy.api#enumValue": (v) =>
    typeof v === "string" || Number.isInteger(v) ? undefined : "expected a string or an integer",
  "smithy.api#enum": (v) => {
    if (!Array.isArray(v) || v.length === 0) return "expected a non-empty array of enum definitions";
    for (const [i, def] of v.entries()) {
      const problem = enumDefinition(def);
      if (problem) return `entry ${i}: ${problem}`;
    }
    return undefined;
  },
  "smithy.api#http": fields(
    {
      method: (v) => typeof v === "string" && /^[A-Z]+$/.test(v),
      uri: (v) => typeof v === "string" && v.startsWith("/"),
      code: isCount,
    },
    'an object {"method": "GET"|..., "uri": "/...", "code"?: integer}',
    ["method", "uri"],
  ),
  "smithy.api#paginated": fields(
    { inputToken: isString, outputToken: isString, items: isString, pageSize: isString },
    'an object {"inputToken"?, "outputToken"?, "items"?, "pageSize"?: string}',
  ),
};

export function checkTraitValue(trait: string, value: unknown): string | undefined {
  return TRAIT_RULES[trait]?.(value);
}
