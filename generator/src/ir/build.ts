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
import {
  discoveredEndpoint,
  endpointAuthSchemes,
  endpointDiscovery,
  endpointParams,
  endpointRules,
  hostPrefix,
  sdkId,
  signing,
  unsigned,
} from "./endpoints.js";
import type {
  Ir,
  IrConstraints,
  IrDeprecated,
  IrMember,
  IrOperation,
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
      ...endpointRules(serviceTraits),
      ...("aws.protocols#awsQueryCompatible" in serviceTraits && { awsQueryCompatible: true as const }),
      ...endpointDiscovery(model, serviceTraits),
    },
    operations: selection.operations
      .map((id) => buildOperation(model, selection, shape(id), errors))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    shapes: selection.closure.map((id) => buildShape(model, shape(id), selection)),
  };
}

function buildOperation(
  model: LoadedModel,
  selection: Selection,
  op: LoadedShape,
  serviceErrorIds: readonly string[],
): IrOperation {
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
    ...endpointParams(model, op),
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
