/**
 * The intermediate representation: plain JSON, every node tagged with a `kind`, shapes sorted by id,
 * names resolved and documentation normalised once. Emitters read only this.
 *
 * The contract emitters rely on (built by ir/build.ts from a model the check stage accepted):
 * - every shape id an IR node names is in `shapes` (use ir/lookup.ts to find it);
 * - `IrService.protocol` is the one JSON protocol the wire form follows;
 * - `IrMember.jsonName` is the member's name on that protocol's wire (awsJson ignores `@jsonName`);
 * - `IrMember.timestampFormat` is resolved once, protocol default included;
 * - `IrMember.http` marks a restJson1 member bound outside the JSON body (any location but
 *   "payload" is not in the body; a "payload" member is the whole body);
 * - streaming blobs (`IrBlob.streaming`) and event streams (`IrUnion.eventStream`) are flagged, never
 *   refused: emitters decide how to type them and keep them out of JSON validation;
 * - wire names are unique within a structure, shape names unique in TypeScript (case-insensitively).
 */
export interface Ir {
  /** Spec files it was built from, as shown in generated headers. */
  sources: string[];
  service: IrService;
  /** Selected operations, sorted by name. */
  operations: IrOperation[];
  /** The closure of the selected operations, sorted by id. */
  shapes: IrShape[];
}

export interface IrService {
  id: string;
  name: string;
  version: string;
  /** The service's JSON protocol: decides wire names, timestamp defaults and whether HTTP bindings exist. */
  protocol: "restJson1" | "awsJson1_0" | "awsJson1_1";
  documentation?: string;
  /** `aws.api#service` sdkId, where the service is an AWS one: names its AWS SDK v3 package and client. */
  sdkId?: string;
  /** `aws.auth#sigv4` name: the service name SigV4 signs with. */
  signingName?: string;
  /** `aws.api#service` endpointPrefix: the host's first label (`<prefix>.<region>.amazonaws.com`). */
  endpointPrefix?: string;
  /**
   * `aws.endpoints#dualStackOnlyEndpoints` (Aurora DSQL): the service has no IPv4-only endpoints, so its
   * host is `<prefix>.<region>.<partition's dual-stack DNS suffix>` (`api.aws`), not `….amazonaws.com`.
   */
  dualStackOnly?: true;
  /**
   * The service's endpoint rules (`smithy.rules#endpointRuleSet`, or its compiled BDD), which the
   * `/signed` bindings evaluate per request as the AWS SDKs do; absent, they build the host from
   * `endpointPrefix` and the partition's domain.
   */
  endpointRules?: IrEndpointRules;
  /**
   * Auth schemes other than SigV4 that the service's endpoint rules give its endpoints (CloudFront
   * KeyValueStore's `sigv4a`, at `<account>.cloudfront-kvs.global.api.aws`): the `/signed` bindings
   * sign SigV4 only (an endpoint that asks for another scheme is refused), so the generator warns about them.
   */
  endpointAuthSchemes?: string[];
  /**
   * `aws.protocols#awsQueryCompatible`: an awsJson1_0 service that moved from awsQuery (SQS). Its
   * clients send `x-amzn-query-mode: true` and read an error's awsQuery code from `x-amzn-query-error`.
   */
  awsQueryCompatible?: true;
  /**
   * `aws.api#clientEndpointDiscovery` (Timestream): the operation that discovers the hosts to send to
   * (its name; its HTTP binding on restJson1) and the error that tells a discovered host is no longer
   * valid (its name, which is its error code). Operations with `discoveredEndpoint` use it.
   */
  endpointDiscovery?: { operation: string; http?: { method: string; uri: string }; error?: string };
}

export interface IrOperation {
  kind: "operation";
  id: string;
  name: string;
  /** Shape id of the input structure, or undefined for smithy.api#Unit. */
  input?: string;
  output?: string;
  /** Error shape ids: the operation's, then the service's (which apply to every operation). */
  errors: string[];
  http?: { method: string; uri: string; code: number };
  readonly: boolean;
  /**
   * `"none"` when the operation's effective `smithy.api#auth` (its own trait, else the service's) is
   * an explicit list without `aws.auth#sigv4`, such as IAM Identity Center's `@auth([])` operations:
   * they are sent without a SigV4 signature (Smithy's noAuth). Absent, the operation is signed.
   */
  auth?: "none";
  /**
   * `smithy.api#endpoint` hostPrefix: prepended to the service's host for this operation, as the SDKs
   * do (MWAA's ListEnvironments is served at `api.airflow.<region>`). It may name `{Label}`s, input
   * members with `@hostLabel` whose values fill them in; the check stage guarantees they exist.
   */
  hostPrefix?: string;
  /**
   * `aws.api#clientDiscoveredEndpoint`: the operation is sent to a host the service's discovery
   * operation names. `"required"`: the service serves it only there (Timestream's cells), as the SDKs
   * always discover it; `"optional"`: the SDKs discover it only when asked to (DynamoDB).
   */
  discoveredEndpoint?: "required" | "optional";
  /** How the operation binds parameters of the service's endpoint rules, where it binds any. */
  endpointParams?: IrEndpointParams;
  pagination?: IrPagination;
  documentation?: string;
}

/** A parameter of the endpoint rules, as the engine reads it (documentation dropped). */
export interface IrEndpointParameter {
  /** `String`, `Boolean` or `stringArray` (as the model spells it). */
  type: string;
  /** Where the client fills it from: `AWS::Region`, `AWS::UseFIPS`, `AWS::UseDualStack`, `SDK::Endpoint`, … */
  builtIn?: string;
  required?: true;
  default?: string | boolean | string[];
}

/**
 * The endpoint rules in the form `@smithy/util-endpoints` evaluates: exactly one of `ruleSet` (the
 * `smithy.rules#endpointRuleSet` trait's `version` and `rules`, documentation dropped) and `bdd` (the
 * `smithy.rules#endpointBdd` trait as `decideEndpoint` reads it: conditions `[fn, argv, assign?]`,
 * results `[url, properties, headers]` or `[-1, error]` with the "no match" result `[-1]` first,
 * `root`, and the nodes decoded from base64, three integers a node).
 */
export interface IrEndpointRules {
  parameters: Record<string, IrEndpointParameter>;
  ruleSet?: { version: string; rules: unknown[] };
  bdd?: { conditions: unknown[][]; results: unknown[][]; root: number; nodes: number[] };
  /** `smithy.rules#clientContextParams`: parameters the client's settings give, by name, with their type. */
  clientContextParams?: Record<string, string>;
}

/**
 * How an operation binds the endpoint rules' parameters: `staticParams` (`smithy.rules#staticContextParams`,
 * fixed values), `contextParams` (`smithy.rules#contextParam`, parameter → input member name) and
 * `operationParams` (`smithy.rules#operationContextParams`, parameter → JMESPath into the input).
 */
export interface IrEndpointParams {
  staticParams?: Record<string, string | boolean | string[]>;
  contextParams?: Record<string, string>;
  operationParams?: Record<string, string>;
}

/**
 * The operation's `smithy.api#paginated` trait merged with the service's, as Smithy specifies (the
 * operation's own properties win). Paths are member names split on ".". The check stage guarantees
 * `inputToken` and `outputToken` (each targets a string, or a map as DynamoDB's keys do); `items`
 * (a list or a map) and `pageSize` are optional.
 */
export interface IrPagination {
  inputToken?: string;
  outputToken?: string[];
  items?: string[];
  pageSize?: string;
}

export interface IrMember {
  /** Member name as in the model; also the TypeScript property name. */
  name: string;
  target: string;
  /**
   * The name on the wire for the service's protocol: restJson1 honours `smithy.api#jsonName`, the
   * awsJson protocols ignore it (the wire name is the member name).
   */
  jsonName: string;
  /**
   * Required for a client: `smithy.api#required` without `smithy.api#clientOptional` (a required
   * member marked clientOptional is optional in the types, the schemas and the validators) and
   * without `smithy.api#idempotencyToken` (the client fills the token when it is left out).
   */
  required: boolean;
  documentation?: string;
  deprecated?: IrDeprecated;
  default?: unknown;
  /**
   * Where a restJson1 input or output member travels when it is not a member of the JSON body
   * (never set for awsJson, which has no HTTP bindings). A member with `http` whose location is not
   * "payload" is not in the JSON body; a "payload" member is the body itself.
   */
  http?: IrHttpBinding;
  /**
   * Timestamp wire format (only for timestamp targets), resolved once: the member's trait, else the
   * target's, else the protocol's default for where the value travels (header: http-date; query and
   * label: date-time; JSON body: epoch-seconds, for restJson1 and awsJson alike).
   */
  timestampFormat?: IrTimestampFormat;
  /**
   * `smithy.api#idempotencyToken`: a client fills the member with a fresh UUID (v4) when the caller
   * leaves it out, as the AWS SDKs do, so that the retries of one request carry the same token.
   */
  idempotencyToken?: true;
  constraints: IrConstraints;
}

export interface IrHttpBinding {
  location: "query" | "header" | "label" | "prefixHeaders" | "queryParams" | "responseCode" | "payload";
  /** The header or query parameter name (header, query) or header prefix (prefixHeaders). */
  name?: string;
}

/** `smithy.api#deprecated`, kept with its message and since for TSDoc. */
export interface IrDeprecated {
  message?: string;
  since?: string;
}

export type IrTimestampFormat = "date-time" | "epoch-seconds" | "http-date";

export interface IrConstraints {
  length?: { min?: number; max?: number };
  range?: { min?: number; max?: number };
  pattern?: string;
  uniqueItems?: boolean;
}

interface IrShapeBase {
  id: string;
  /** The TypeScript name (from the naming module). */
  name: string;
  documentation?: string;
  deprecated?: IrDeprecated;
  constraints: IrConstraints;
}

export type NumberType = "byte" | "short" | "integer" | "long" | "float" | "double" | "bigInteger" | "bigDecimal";

export interface IrStructure extends IrShapeBase {
  kind: "structure";
  members: IrMember[];
  error?: "client" | "server";
}
export interface IrUnion extends IrShapeBase {
  kind: "union";
  members: IrMember[];
  /** A `smithy.api#streaming` union: an event stream, a sequence of its members' events, not one JSON value. */
  eventStream?: true;
}
export interface IrList extends IrShapeBase {
  kind: "list";
  member: IrMember;
  sparse: boolean;
}
export interface IrMap extends IrShapeBase {
  kind: "map";
  key: IrMember;
  value: IrMember;
  sparse: boolean;
}
export interface IrEnumValue {
  key: string;
  value: string;
  documentation?: string;
  deprecated?: IrDeprecated;
}
export interface IrEnum extends IrShapeBase {
  kind: "enum";
  values: IrEnumValue[];
}
export interface IrIntEnum extends IrShapeBase {
  kind: "intEnum";
  values: { key: string; value: number; documentation?: string; deprecated?: IrDeprecated }[];
}
export interface IrString extends IrShapeBase {
  kind: "string";
  /** `smithy.api#mediaType`: such a string is base64-encoded when bound to a header. */
  mediaType?: string;
}
export interface IrNumber extends IrShapeBase {
  kind: "number";
  type: NumberType;
}
export interface IrBoolean extends IrShapeBase {
  kind: "boolean";
}
export interface IrBlob extends IrShapeBase {
  kind: "blob";
  /** A `smithy.api#streaming` blob: a byte stream of unknown length (an operation's payload), not base64 JSON. */
  streaming?: true;
}
export interface IrDocument extends IrShapeBase {
  kind: "document";
}
/** `format` is the shape's own timestampFormat trait; members carry the resolved wire format. */
export interface IrTimestamp extends IrShapeBase {
  kind: "timestamp";
  format?: IrTimestampFormat;
}
/** smithy.api#Unit, as a union member or operation input/output. */
export interface IrUnit extends IrShapeBase {
  kind: "unit";
}

export type IrShape =
  | IrStructure
  | IrUnion
  | IrList
  | IrMap
  | IrEnum
  | IrIntEnum
  | IrString
  | IrNumber
  | IrBoolean
  | IrBlob
  | IrDocument
  | IrTimestamp
  | IrUnit;
