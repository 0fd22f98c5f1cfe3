/**
 * Queries over a loaded model that more than one stage asks: which protocol the service speaks,
 * which errors it binds, and an operation's paginated trait merged with the service's. They live in
 * load/ so that check/ and ir/ both read the model the same way without importing each other.
 */
import { bindingRefs, shapeName, traitsOf } from "./ast.js";
import { isObject, type LoadedShape } from "./load.js";

/** The JSON protocols dx emits, by trait id, in the order the AWS SDK v3 prefers them when a service declares several. */
export const JSON_PROTOCOLS = {
  "aws.protocols#awsJson1_0": "awsJson1_0",
  "aws.protocols#awsJson1_1": "awsJson1_1",
  "aws.protocols#restJson1": "restJson1",
} as const;

export type JsonProtocol = (typeof JSON_PROTOCOLS)[keyof typeof JSON_PROTOCOLS];

/** Where a restJson1 member travels outside the JSON body (the IR's IrHttpBinding). */
export interface HttpBinding {
  location: "query" | "header" | "label" | "prefixHeaders" | "queryParams" | "responseCode" | "payload";
  name?: string;
}

/** The operations selected for emission and their closure, as the check stage found them. */
export interface Selection {
  service: LoadedShape;
  /** The protocol the IR is built for. */
  protocol: JsonProtocol;
  /** Selected operation ids, sorted. */
  operations: string[];
  /** Shapes reachable from them, sorted. */
  closure: string[];
}

/** The JSON protocol a service declares (the first in the SDK's order), or undefined when it declares none. */
export function jsonProtocol(service: LoadedShape): JsonProtocol | undefined {
  const traits = traitsOf(service.node);
  for (const [trait, protocol] of Object.entries(JSON_PROTOCOLS)) if (trait in traits) return protocol;
  return undefined;
}

/** The shape ids of the service's own `errors`, in model order. */
export function serviceErrors(service: LoadedShape): string[] {
  return bindingRefs(service.node)
    .filter((r) => r.member === "errors" && typeof r.target === "string")
    .map((r) => r.target as string);
}

/**
 * The operation's paginated trait merged over the service's, as Smithy specifies: an operation is
 * paginated only when it has the trait itself; each property it leaves out is taken from the
 * service's trait. Non-string values are dropped (the trait check reports them).
 */
export function paginatedTrait(
  service: LoadedShape,
  op: LoadedShape,
): Partial<Record<"inputToken" | "outputToken" | "items" | "pageSize", string>> | undefined {
  const own = traitsOf(op.node)["smithy.api#paginated"];
  if (!isObject(own)) return undefined;
  const inherited = traitsOf(service.node)["smithy.api#paginated"];
  const merged: Record<string, unknown> = { ...(isObject(inherited) ? inherited : {}), ...own };
  const out: Partial<Record<"inputToken" | "outputToken" | "items" | "pageSize", string>> = {};
  for (const key of ["inputToken", "outputToken", "items", "pageSize"] as const) {
    const v = merged[key];
    if (typeof v === "string") out[key] = v;
  }
  return out;
}

/** The member's name in a restJson1 body: its `smithy.api#jsonName`, else its own. */
export function wireName(name: string, traits: Record<string, unknown>): string {
  const j = traits["smithy.api#jsonName"];
  return typeof j === "string" ? j : name;
}

/** The restJson1 binding of a member outside the JSON body, from its HTTP binding trait. */
export function httpBinding(t: Record<string, unknown>): HttpBinding | undefined {
  if (typeof t["smithy.api#httpQuery"] === "string") return { location: "query", name: t["smithy.api#httpQuery"] };
  if (typeof t["smithy.api#httpHeader"] === "string") return { location: "header", name: t["smithy.api#httpHeader"] };
  if (typeof t["smithy.api#httpPrefixHeaders"] === "string")
    return { location: "prefixHeaders", name: t["smithy.api#httpPrefixHeaders"] };
  if ("smithy.api#httpLabel" in t) return { location: "label" };
  if ("smithy.api#httpQueryParams" in t) return { location: "queryParams" };
  if ("smithy.api#httpResponseCode" in t) return { location: "responseCode" };
  if ("smithy.api#httpPayload" in t) return { location: "payload" };
  return undefined;
}

/**
 * The name of a shape in the service's closure: the service's `rename` entry for it (Smithy's way to
 * tell apart shapes of the same name from different namespaces), else the name in its id.
 */
export function localName(service: LoadedShape, id: string): string {
  const rename = service.node["rename"];
  const renamed = isObject(rename) ? rename[id] : undefined;
  return typeof renamed === "string" ? renamed : shapeName(id);
}

/**
 * The nodes of a `smithy.rules#endpointBdd` from their base64 (big-endian 32-bit integers, three a
 * node: condition, high branch, low branch), or undefined when the text is not that.
 */
export function decodeBddNodes(text: unknown): number[] | undefined {
  if (typeof text !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, "base64");
  if (bytes.length % 12 !== 0) return undefined;
  const nodes: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) nodes.push(bytes.readInt32BE(i));
  return nodes;
}
