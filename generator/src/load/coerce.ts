/**
 * A trait written as `null`, read as Smithy's loader reads it (Trait.coerceTraitValue): the value of a
 * structure or map trait is `{}` (an annotation trait such as `"smithy.api#required": null`), of a
 * list trait `[]`. dx knows the types of the prelude's traits and of the AWS traits it reads; `null`
 * stays as written for a trait whose value is a string, a number or a document (`@default(null)`
 * means "no default"), and for traits dx does not know, which it does not read.
 */
import { isObject } from "./load.js";

/** Prelude traits whose value is a list. */
const LIST_TRAITS = new Set(
  ["tags", "auth", "enum", "examples", "references", "suppress"].map((name) => `smithy.api#${name}`),
);
/** Prelude traits whose value is not a structure, map or list: `null` is no value for them. */
const SCALAR_TRAITS = new Set(
  [
    "default",
    "enumValue",
    "documentation",
    "error",
    "jsonName",
    "xmlName",
    "httpQuery",
    "httpHeader",
    "httpPrefixHeaders",
    "httpError",
    "timestampFormat",
    "pattern",
    "mediaType",
    "since",
    "title",
    "resourceIdentifier",
  ].map((name) => `smithy.api#${name}`),
);
/** AWS traits dx reads that are structures. */
const AWS_STRUCTURE_TRAITS = new Set([
  "aws.protocols#restJson1",
  "aws.protocols#awsJson1_0",
  "aws.protocols#awsJson1_1",
  "aws.protocols#awsQueryCompatible",
  "aws.api#clientEndpointDiscovery",
  "aws.api#clientDiscoveredEndpoint",
  "aws.auth#sigv4",
]);

function coerced(trait: string): unknown {
  if (LIST_TRAITS.has(trait)) return [];
  if (trait.startsWith("smithy.api#") ? !SCALAR_TRAITS.has(trait) : AWS_STRUCTURE_TRAITS.has(trait)) return {};
  return null;
}

/** The traits object with `null` values coerced, or the same object when nothing changes. */
function coerceTraits(traits: unknown): unknown {
  if (!isObject(traits)) return traits;
  let out: Record<string, unknown> | undefined;
  for (const [trait, value] of Object.entries(traits)) {
    if (value !== null) continue;
    const v = coerced(trait);
    if (v === null) continue;
    out ??= { ...traits };
    out[trait] = v;
  }
  return out ?? traits;
}

/** The node (a shape, or an `apply`) with its and its members' `null` traits coerced; copied only when something changes. */
export function coerceNullTraits(node: Record<string, unknown>): Record<string, unknown> {
  let out = node;
  const traits = coerceTraits(node["traits"]);
  if (traits !== node["traits"]) out = { ...out, traits };
  const members = node["members"];
  if (isObject(members)) {
    let copied: Record<string, unknown> | undefined;
    for (const [name, m] of Object.entries(members)) {
      if (!isObject(m)) continue;
      const t = coerceTraits(m["traits"]);
      if (t === m["traits"]) continue;
      copied ??= { ...members };
      Object.defineProperty(copied, name, {
        value: { ...m, traits: t },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    if (copied) out = { ...out, members: copied };
  }
  for (const part of ["member", "key", "value"]) {
    const m = node[part];
    if (!isObject(m)) continue;
    const t = coerceTraits(m["traits"]);
    if (t !== m["traits"]) out = { ...out, [part]: { ...m, traits: t } };
  }
  return out;
}
