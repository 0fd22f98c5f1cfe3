import { memberRefs, shapeName, traitsOf, type ShapeRef } from "../load/ast.js";
import { isObject, type LoadedModel, type LoadedShape } from "../load/load.js";
import {
  httpBinding,
  localName,
  paginatedTrait,
  serviceErrors,
  wireName,
  type JsonProtocol,
  type Selection,
} from "../load/model.js";
import { UNIT } from "../load/prelude.js";
import { enumKey, typeName } from "../naming.js";
import { normalizeDocs } from "./docs.js";
import type {
  Ir,
  IrConstraints,
  IrDeprecated,
  IrMember,
  IrOperation,
  IrService,
  IrShape,
  IrTimestampFormat,
  NumberType,
} from "./types.js";

/** Builds the IR of the selected operations' closure from a checked model. */
export function buildIr(model: LoadedModel, selection: Selection, sources: readonly string[]): Ir {
  // Read once: the service's errors join every operation's (a lookup per operation would be quadratic).
  const errors = serviceErrors(selection.service);
  const shape = (id: string): LoadedShape => model.shapes.get(id) as LoadedShape;
  const serviceTraits = traitsOf(selection.service.node);
  return {
    sources: [...sources],
    service: {
      id: selection.service.id,
      name: shapeName(selection.service.id),
      version: String(selection.service.node["version"] ?? ""),
      protocol: selection.protocol,
      ...docs(serviceTraits),
      ...sdkId(serviceTraits),
      ...signing(serviceTraits),
      ...endpointAuthSchemes(serviceTraits),
      ...partitionEndpoints(serviceTraits),
      ...("aws.protocols#awsQueryCompatible" in serviceTraits && { awsQueryCompatible: true as const }),
      ...endpointDiscovery(model, serviceTraits),
    },
    operations: selection.operations
      .map((id) => buildOperation(selection, shape(id), errors))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    shapes: selection.closure.map((id) => buildShape(model, shape(id), selection)),
  };
}

function buildOperation(selection: Selection, op: LoadedShape, serviceErrorIds: readonly string[]): IrOperation {
  const traits = traitsOf(op.node);
  const target = (key: string): string | undefined => {
    const ref = op.node[key];
    const id = isObject(ref) ? (ref["target"] as string) : undefined;
    return id === UNIT ? undefined : id;
  };
  const http = traits["smithy.api#http"];
  const paginated = paginatedTrait(selection.service, op);
  const input = target("input");
  const output = target("output");
  return {
    kind: "operation",
    id: op.id,
    name: shapeName(op.id),
    ...(input !== undefined && { input }),
    ...(output !== undefined && { output }),
    // The operation's errors, then the service's (Smithy: a service's errors are every operation's).
    errors: [
      ...new Set([
        ...(Array.isArray(op.node["errors"]) ? op.node["errors"] : []).map((e) => (e as { target: string }).target),
        ...serviceErrorIds,
      ]),
    ],
    ...(isObject(http) && {
      http: { method: String(http["method"]), uri: String(http["uri"]), code: Number(http["code"] ?? 200) },
    }),
    readonly: "smithy.api#readonly" in traits,
    ...(unsigned(traits, traitsOf(selection.service.node)) && { auth: "none" as const }),
    ...hostPrefix(traits),
    ...discoveredEndpoint(traits),
    ...(paginated && {
      pagination: {
        ...(paginated["inputToken"] !== undefined && { inputToken: paginated["inputToken"] }),
        ...(paginated["outputToken"] !== undefined && { outputToken: paginated["outputToken"].split(".") }),
        ...(paginated["items"] !== undefined && { items: paginated["items"].split(".") }),
        ...(paginated["pageSize"] !== undefined && { pageSize: paginated["pageSize"] }),
      },
    }),
    ...docs(traits),
  };
}

function buildShape(model: LoadedModel, s: LoadedShape, selection: Selection): IrShape {
  const protocol = selection.protocol;
  const traits = traitsOf(s.node);
  const base = {
    id: s.id,
    name: typeName(localName(selection.service, s.id)),
    ...docs(traits),
    ...deprecated(traits),
    constraints: constraints(traits),
  };
  const members = (): IrMember[] => memberRefs(s.node).map((r) => buildMember(model, r, protocol));
  const streaming = "smithy.api#streaming" in traits;
  const type = s.node["type"] as string;
  switch (type) {
    case "structure":
      if (s.id === UNIT) return { kind: "unit", ...base };
      return {
        kind: "structure",
        ...base,
        members: members(),
        ...(isError(traits["smithy.api#error"]) && { error: traits["smithy.api#error"] }),
      };
    case "union":
      return { kind: "union", ...base, members: members(), ...(streaming && { eventStream: true as const }) };
    case "list":
    case "set": {
      const [member] = members() as [IrMember];
      const c = type === "set" ? { ...base.constraints, uniqueItems: true } : base.constraints;
      return { kind: "list", ...base, constraints: c, member, sparse: "smithy.api#sparse" in traits };
    }
    case "map": {
      const [key, value] = members() as [IrMember, IrMember];
      return { kind: "map", ...base, key, value, sparse: "smithy.api#sparse" in traits };
    }
    case "enum":
      return {
        kind: "enum",
        ...base,
        values: memberRefs(s.node).map((r) => ({
          key: enumKey(r.member, String(r.traits["smithy.api#enumValue"] ?? r.member)),
          value: String(r.traits["smithy.api#enumValue"] ?? r.member),
          ...docs(r.traits),
          ...deprecated(r.traits),
        })),
      };
    case "intEnum":
      return {
        kind: "intEnum",
        ...base,
        values: memberRefs(s.node).map((r) => ({
          key: enumKey(r.member, r.traits["smithy.api#enumValue"] as number),
          value: r.traits["smithy.api#enumValue"] as number,
          ...docs(r.traits),
          ...deprecated(r.traits),
        })),
      };
    case "string": {
      const defs = traits["smithy.api#enum"];
      if (!Array.isArray(defs)) {
        const mediaType = traits["smithy.api#mediaType"];
        return { kind: "string", ...base, ...(typeof mediaType === "string" && { mediaType }) };
      }
      return {
        kind: "enum",
        ...base,
        values: (defs as { value: string; name?: string; documentation?: string; deprecated?: boolean }[]).map((d) => ({
          key: enumKey(d.name, d.value),
          value: d.value,
          ...docs({ "smithy.api#documentation": d.documentation }),
          ...(d.deprecated === true && { deprecated: {} }),
        })),
      };
    }
    case "timestamp": {
      const format = traits["smithy.api#timestampFormat"] as IrTimestampFormat | undefined;
      return { kind: "timestamp", ...base, ...(format && { format }) };
    }
    case "blob":
      return { kind: "blob", ...base, ...(streaming && { streaming: true as const }) };
    case "boolean":
    case "document":
      return { kind: type, ...base };
    default:
      return { kind: "number", ...base, type: type as NumberType };
  }
}

function buildMember(model: LoadedModel, ref: ShapeRef, protocol: JsonProtocol): IrMember {
  const name = ref.member as string;
  const target = ref.target as string;
  const t = ref.traits;
  const targetShape = model.shapes.get(target) as LoadedShape;
  // HTTP bindings and @jsonName are restJson1's; the awsJson protocols put every member in the body under its own name.
  const rest = protocol === "restJson1";
  const http = rest ? httpBinding(t) : undefined;
  const jsonName = rest ? wireName(name, t) : name;
  return {
    name,
    target,
    jsonName,
    // A client treats a @clientOptional member as optional even when it is @required (Smithy's
    // NullableIndex in client mode, as the AWS SDKs read it): the service may stop sending it. So is an
    // @idempotencyToken member, which the client fills when it is left out (the SDKs type it optional).
    required:
      "smithy.api#required" in t && !("smithy.api#clientOptional" in t) && !("smithy.api#idempotencyToken" in t),
    ...docs(t),
    ...deprecated(t),
    ...("smithy.api#default" in t && { default: t["smithy.api#default"] }),
    ...(http && { http }),
    ...(targetShape.node["type"] === "timestamp" && {
      timestampFormat: timestampFormat(t, traitsOf(targetShape.node), http?.location),
    }),
    ...("smithy.api#idempotencyToken" in t && { idempotencyToken: true as const }),
    constraints: constraints(t),
  };
}

/** Member trait, then target trait, then the protocol's default for where the value travels (the same for every JSON protocol). */
function timestampFormat(
  member: Record<string, unknown>,
  target: Record<string, unknown>,
  location: string | undefined,
): IrTimestampFormat {
  const explicit = (member["smithy.api#timestampFormat"] ?? target["smithy.api#timestampFormat"]) as
    | IrTimestampFormat
    | undefined;
  if (explicit) return explicit;
  if (location === "header") return "http-date";
  if (location === "query" || location === "label") return "date-time";
  return "epoch-seconds";
}

function constraints(t: Record<string, unknown>): IrConstraints {
  const pick = (v: unknown): { min?: number; max?: number } | undefined =>
    isObject(v)
      ? {
          ...(typeof v["min"] === "number" && { min: v["min"] }),
          ...(typeof v["max"] === "number" && { max: v["max"] }),
        }
      : undefined;
  const length = pick(t["smithy.api#length"]);
  const range = pick(t["smithy.api#range"]);
  return {
    ...(length && { length }),
    ...(range && { range }),
    ...(typeof t["smithy.api#pattern"] === "string" && { pattern: t["smithy.api#pattern"] }),
    ...("smithy.api#uniqueItems" in t && { uniqueItems: true }),
  };
}

function deprecated(t: Record<string, unknown>): { deprecated?: IrDeprecated } {
  const d = t["smithy.api#deprecated"];
  if (d === undefined) return {};
  const o = isObject(d) ? d : {};
  return {
    deprecated: {
      ...(typeof o["message"] === "string" && { message: o["message"] }),
      ...(typeof o["since"] === "string" && { since: o["since"] }),
    },
  };
}

function docs(t: Record<string, unknown>): { documentation?: string } {
  const d = normalizeDocs(t["smithy.api#documentation"]);
  return d === undefined ? {} : { documentation: d };
}

function isError(v: unknown): v is "client" | "server" {
  return v === "client" || v === "server";
}

/**
 * How AWS reaches the service: the SigV4 signing name (`aws.auth#sigv4` name) and the endpoint prefix
 * (`aws.api#service` endpointPrefix), which may differ from each other and from the sdkId (Contact
 * Lens signs as "connect" at contact-lens.<region>; CloudWatch Logs signs as "logs"), and whether its
 * hosts are dual-stack only (`aws.endpoints#dualStackOnlyEndpoints`).
 */
function signing(traits: Record<string, unknown>): {
  signingName?: string;
  endpointPrefix?: string;
  dualStackOnly?: true;
} {
  const sigv4 = traits["aws.auth#sigv4"];
  const service = traits["aws.api#service"];
  const prefix = isObject(service) ? service["endpointPrefix"] : undefined;
  return {
    ...(isObject(sigv4) && typeof sigv4["name"] === "string" && { signingName: sigv4["name"] }),
    ...(typeof prefix === "string" && prefix !== "" && { endpointPrefix: prefix }),
    // Its endpoint rules resolve to the partition's dual-stack domain only (Aurora DSQL: dsql.<region>.api.aws).
    ...("aws.endpoints#dualStackOnlyEndpoints" in traits && { dualStackOnly: true as const }),
  };
}

/**
 * The auth schemes other than SigV4 that the service's endpoint rules (`smithy.rules#endpointRuleSet`,
 * `smithy.rules#endpointBdd`) give their endpoints (`properties.authSchemes[].name`), as CloudFront
 * KeyValueStore's `sigv4a`; sorted, absent when there are none.
 */
function endpointAuthSchemes(traits: Record<string, unknown>): { endpointAuthSchemes?: string[] } {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (isObject(node))
      for (const [key, value] of Object.entries(node)) {
        if (key === "authSchemes" && Array.isArray(value))
          for (const scheme of value)
            if (isObject(scheme) && typeof scheme["name"] === "string" && scheme["name"] !== "sigv4")
              names.add(scheme["name"]);
        walk(value);
      }
  };
  walk(traits["smithy.rules#endpointRuleSet"]);
  walk(traits["smithy.rules#endpointBdd"]);
  return names.size === 0 ? {} : { endpointAuthSchemes: [...names].sort() };
}

/** The AWS partitions (`aws.partition` names) the endpoint rules are evaluated for. */
const PARTITION_NAMES = ["aws", "aws-cn", "aws-us-gov", "aws-eusc", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f"];

/**
 * The partitions whose regions the service's endpoint rules send to one fixed host (AWS Budgets:
 * `https://budgets.amazonaws.com`, signed for `us-east-1`; Free Tier: `https://freetier.us-east-1.api.aws`),
 * found by evaluating the rules (`smithy.rules#endpointRuleSet`) as the SDKs do for a region of that
 * partition with FIPS and dual-stack off and no endpoint given. A partition is left out where the
 * rules reach a templated URL (`{Region}`: the regional host), an error, or a condition that depends
 * on more than the partition (a region's name); absent when no partition has such a host.
 */
function partitionEndpoints(traits: Record<string, unknown>): {
  partitionEndpoints?: Record<string, { url: string; signingRegion?: string }>;
} {
  const ruleSet = traits["smithy.rules#endpointRuleSet"];
  if (!isObject(ruleSet) || !Array.isArray(ruleSet["rules"])) return {};
  const found: Record<string, { url: string; signingRegion?: string }> = {};
  for (const partition of PARTITION_NAMES) {
    const url = evaluateRules(ruleSet["rules"], partition);
    if (url !== undefined) found[partition] = url;
  }
  return Object.keys(found).length === 0 ? {} : { partitionEndpoints: found };
}

/** A condition's value for a region of `partition`, FIPS and dual-stack off, no endpoint; undefined when it depends on more. */
function conditionHolds(c: unknown, partition: string): boolean | undefined {
  if (!isObject(c) || !Array.isArray(c["argv"])) return undefined;
  const argv = c["argv"] as unknown[];
  const ref = (x: unknown) => (isObject(x) && typeof x["ref"] === "string" ? x["ref"] : undefined);
  if (c["fn"] === "isSet" && ref(argv[0]) === "Endpoint") return false;
  if (c["fn"] === "isSet" && ref(argv[0]) === "Region") return true;
  if (c["fn"] === "aws.partition") return true;
  if (c["fn"] === "booleanEquals") {
    const flag = argv.find((x) => ref(x) === "UseFIPS" || ref(x) === "UseDualStack");
    const value = argv.find((x) => typeof x === "boolean");
    return flag === undefined || value === undefined ? undefined : value === false;
  }
  if (c["fn"] === "stringEquals") {
    const named = (x: unknown) =>
      isObject(x) && x["fn"] === "getAttr" && Array.isArray(x["argv"]) && (x["argv"] as unknown[])[1] === "name";
    const name = named(argv[0]) ? argv[1] : named(argv[1]) ? argv[0] : undefined;
    return typeof name === "string" ? name === partition : undefined;
  }
  return undefined;
}

/** The fixed endpoint the rules give a region of `partition` (first matching rule, trees entered), or undefined. */
function evaluateRules(rules: unknown[], partition: string): { url: string; signingRegion?: string } | undefined {
  for (const rule of rules) {
    if (!isObject(rule)) return undefined;
    const conditions = Array.isArray(rule["conditions"]) ? (rule["conditions"] as unknown[]) : [];
    let holds = true;
    for (const c of conditions) {
      const value = conditionHolds(c, partition);
      if (value === undefined) return undefined; // depends on the region's name or another input: no fixed host
      if (!value) {
        holds = false;
        break;
      }
    }
    if (!holds) continue;
    if (rule["type"] === "tree")
      return Array.isArray(rule["rules"]) ? evaluateRules(rule["rules"], partition) : undefined;
    const endpoint = rule["endpoint"];
    if (rule["type"] !== "endpoint" || !isObject(endpoint) || typeof endpoint["url"] !== "string") return undefined;
    if (endpoint["url"].includes("{")) return undefined; // the regional host (templated): the default
    const properties = endpoint["properties"];
    const schemes = isObject(properties) && Array.isArray(properties["authSchemes"]) ? properties["authSchemes"] : [];
    const sigv4 = (schemes as unknown[]).find((x) => isObject(x) && x["name"] === "sigv4");
    const region = isObject(sigv4) ? sigv4["signingRegion"] : undefined;
    return { url: endpoint["url"], ...(typeof region === "string" && { signingRegion: region }) };
  }
  return undefined;
}

/**
 * Whether the operation is sent unsigned: its effective `smithy.api#auth` (the operation's trait,
 * else the service's) lists schemes and SigV4 is not among them (`@auth([])` is Smithy's noAuth, as
 * the SSO portal's ListAccounts). Without either trait the operation is signed, as before.
 */
function unsigned(opTraits: Record<string, unknown>, serviceTraits: Record<string, unknown>): boolean {
  const auth = opTraits["smithy.api#auth"] ?? serviceTraits["smithy.api#auth"];
  return Array.isArray(auth) && !auth.includes("aws.auth#sigv4");
}

/** The service's `aws.api#clientEndpointDiscovery`: its operation's name and HTTP binding, its error's name. */
function endpointDiscovery(model: LoadedModel, traits: Record<string, unknown>): Pick<IrService, "endpointDiscovery"> {
  const trait = traits["aws.api#clientEndpointDiscovery"];
  if (!isObject(trait) || typeof trait["operation"] !== "string") return {};
  const op = model.shapes.get(trait["operation"]);
  const http = op === undefined ? undefined : traitsOf(op.node)["smithy.api#http"];
  const error = trait["error"];
  return {
    endpointDiscovery: {
      operation: shapeName(trait["operation"]),
      ...(isObject(http) && { http: { method: String(http["method"]), uri: String(http["uri"]) } }),
      ...(typeof error === "string" && { error: shapeName(error) }),
    },
  };
}

/** The operation's `aws.api#clientDiscoveredEndpoint`: whether it must be sent to a discovered host. */
function discoveredEndpoint(traits: Record<string, unknown>): Pick<IrOperation, "discoveredEndpoint"> {
  const trait = traits["aws.api#clientDiscoveredEndpoint"];
  if (!isObject(trait)) return {};
  return { discoveredEndpoint: trait["required"] === true ? "required" : "optional" };
}

/** The operation's `smithy.api#endpoint` hostPrefix (`api.`, `{AccountId}.`), when it has one. */
function hostPrefix(traits: Record<string, unknown>): { hostPrefix?: string } {
  const endpoint = traits["smithy.api#endpoint"];
  const prefix = isObject(endpoint) ? endpoint["hostPrefix"] : undefined;
  return typeof prefix === "string" && prefix !== "" ? { hostPrefix: prefix } : {};
}

/** The AWS SDK id from `aws.api#service`, when the service declares one. */
function sdkId(traits: Record<string, unknown>): { sdkId?: string } {
  const service = traits["aws.api#service"];
  return isObject(service) && typeof service["sdkId"] === "string" ? { sdkId: service["sdkId"] } : {};
}
