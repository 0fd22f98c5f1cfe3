import { readFileSync } from "node:fs";
import { pointer, SpecError, type Diagnostic } from "../diagnostics.js";
import { coerceNullTraits } from "./coerce.js";
import { flattenMixins, type InheritedApplies } from "./mixins/index.js";
import { parseJsonFile, type ParsedFile } from "./parse-json.js";
import { PRELUDE_SHAPES } from "./prelude.js";
import { checkVersioned, idlVersion, upgradeV1 } from "./versions.js";

/** Where something was written: a file and a JSON pointer in it. */
export interface Origin {
  file: string;
  pointer: string;
}

/** One shape of the merged model, with where it was defined. */
export interface LoadedShape {
  id: string;
  /** The JSON AST node; traits applied from elsewhere are already merged in. */
  node: Record<string, unknown>;
  file: string;
  /** JSON pointer of the shape in its file. */
  pointer: string;
  prelude: boolean;
  /**
   * Where parts of the node not written in it were written: traits applied from elsewhere (`apply`),
   * and what a flattened shape inherited from its mixins (members, traits, list entries). Keyed by
   * the pointer of the part relative to this shape; see whereIn.
   */
  origins?: Map<string, Origin>;
}

/**
 * Where the part of a shape at `suffix` (a pointer relative to the shape) was written: in the
 * shape's own file, or, for a part applied or inherited from elsewhere, there (the longest prefix of
 * `suffix` with a recorded origin decides, so a member's target inherited from a mixin points into it).
 */
export function whereIn(shape: LoadedShape, suffix: string): Origin {
  const origins = shape.origins;
  if (origins !== undefined)
    for (let end = suffix.length; end > 0; end = suffix.lastIndexOf("/", end - 1)) {
      const origin = origins.get(end === suffix.length ? suffix : suffix.slice(0, end));
      if (origin !== undefined) return { file: origin.file, pointer: origin.pointer + suffix.slice(end) };
    }
  return { file: shape.file, pointer: shape.pointer + suffix };
}

export interface LoadedModel {
  files: ParsedFile[];
  /** Every shape, prelude included, keyed by absolute shape id; flat: shapes with mixins have them copied in. */
  shapes: Map<string, LoadedShape>;
  /**
   * The mixin shapes (`smithy.api#mixin`), as written: they are not shapes of the flattened model
   * (Smithy's flattenAndRemoveMixins removes them), but their own definitions are still checked.
   */
  mixins: Map<string, LoadedShape>;
  metadata: Record<string, unknown>;
  /** Problems found while merging (conflicting definitions, bad documents). */
  diagnostics: Diagnostic[];
  /** True when some file was not valid JSON: its shapes are missing, so reference checks would mislead. */
  incomplete: boolean;
}

export interface SpecInput {
  /** Name used in messages and headers (a path relative to the workspace when possible). */
  file: string;
  text: string;
}

export function readSpecs(paths: readonly { path: string; display: string }[]): SpecInput[] {
  return paths.map(({ path, display }) => {
    try {
      return { file: display, text: readFileSync(path, "utf8") };
    } catch (e) {
      throw new SpecError([{ file: display, pointer: "", message: `cannot read file: ${(e as Error).message}` }]);
    }
  });
}

/**
 * Parses each file and merges them as Smithy does: shape ids are global, a shape defined twice must
 * be defined identically, `apply` adds traits to a shape or member defined anywhere, and metadata
 * arrays concatenate while other metadata values must agree. Then mixins are flattened (mixins/).
 */
export function loadModel(inputs: readonly SpecInput[]): LoadedModel {
  return mergeFiles(inputs.map((input) => parseJsonFile(input.file, input.text)));
}

/**
 * The merge and flatten steps of loadModel, over files already parsed (diagnostics stand for a file
 * that was not usable JSON). It never mutates the parsed documents: what `apply` or flattening
 * changes is copied first.
 */
export function mergeFiles(parsed: readonly (ParsedFile | Diagnostic | readonly Diagnostic[])[]): LoadedModel {
  const diagnostics: Diagnostic[] = [];
  const files: ParsedFile[] = [];
  for (const p of parsed) {
    if (Array.isArray(p)) diagnostics.push(...p);
    else if ("locate" in p) files.push(p);
    else diagnostics.push(p as Diagnostic);
  }
  const shapes = new Map<string, LoadedShape>();
  for (const [id, node] of PRELUDE_SHAPES) shapes.set(id, { id, node, file: "(prelude)", pointer: "", prelude: true });
  const metadata: Record<string, unknown> = {};
  const applies: { target: string; traits: unknown; file: string; pointer: string }[] = [];
  /** Shapes defined in Smithy 1.0 files (see versions.ts). */
  const v1 = new Set<string>();

  for (const f of files) {
    const doc = f.value;
    if (!isObject(doc)) {
      diagnostics.push({ file: f.file, pointer: "", message: "a Smithy JSON AST must be an object" });
      continue;
    }
    const version = idlVersion(doc["smithy"]);
    if (version === undefined) {
      diagnostics.push({
        file: f.file,
        pointer: "/smithy",
        message: `"smithy" must be "2.0" (or "1.0"), got ${JSON.stringify(doc["smithy"])}`,
      });
    }
    mergeMetadata(doc["metadata"], metadata, f.file, diagnostics);
    const docShapes = doc["shapes"] ?? {};
    if (!isObject(docShapes)) {
      diagnostics.push({ file: f.file, pointer: "/shapes", message: '"shapes" must be an object' });
      continue;
    }
    for (const [id, written] of Object.entries(docShapes)) {
      const ptr = pointer("shapes", id);
      if (!isObject(written)) {
        diagnostics.push({ file: f.file, pointer: ptr, message: "a shape must be an object" });
        continue;
      }
      const node = coerceNullTraits(written);
      if (version !== undefined) checkVersioned(version, node, f.file, ptr, diagnostics);
      if (node["type"] === "apply") {
        applies.push({ target: id, traits: node["traits"], file: f.file, pointer: ptr });
        continue;
      }
      const existing = shapes.get(id);
      if (existing && JSON.stringify(existing.node) !== JSON.stringify(node)) {
        diagnostics.push({
          file: f.file,
          pointer: ptr,
          message: `shape ${id} conflicts with its definition in ${existing.file}${existing.pointer ? ` at ${existing.pointer}` : ""}`,
        });
        continue;
      }
      // Not copied: applyTraits copies what it changes, so the parsed document is never mutated.
      if (!existing) {
        shapes.set(id, { id, node, file: f.file, pointer: ptr, prelude: false });
        if (version === "1") v1.add(id);
      }
    }
  }
  const inherited: InheritedApplies = new Map();
  for (const a of applies) applyTraits(a, shapes, inherited, diagnostics);
  upgradeV1(shapes, v1);
  const model: LoadedModel = {
    files,
    shapes,
    mixins: new Map(),
    metadata,
    diagnostics,
    incomplete: files.length < parsed.length,
  };
  // A file that is not JSON lost its shapes: mixins it defined would only be reported missing.
  if (!model.incomplete) flattenMixins(model, inherited);
  return model;
}

function applyTraits(
  a: { target: string; traits: unknown; file: string; pointer: string },
  shapes: Map<string, LoadedShape>,
  inherited: InheritedApplies,
  diagnostics: Diagnostic[],
): void {
  const [shapeId, memberName] = a.target.split("$", 2) as [string, string | undefined];
  const shape = shapes.get(shapeId);
  // A list's `member` and a map's `key` and `value` are members too (`ns#List$member`).
  const part = memberName !== undefined && shape !== undefined && collectionPart(shape.node["type"], memberName);
  const members = shape?.node["members"];
  // Own members only: a member may be named like an Object.prototype property ("__proto__").
  const holder =
    memberName === undefined
      ? shape?.node
      : part
        ? shape?.node[memberName]
        : isObject(members) && Object.hasOwn(members, memberName)
          ? members[memberName]
          : undefined;
  // A member the shape may inherit from its mixins: its traits wait for the flattening, which checks
  // that the member is inherited (Smithy lets `apply` reach such a member).
  const inheritable =
    shape !== undefined && memberName !== undefined && !isObject(holder) && shape.node["mixins"] !== undefined;
  if (shape?.prelude) {
    diagnostics.push({
      file: a.file,
      pointer: a.pointer,
      message: `apply cannot change the prelude shape ${a.target} (Smithy refuses traits applied to smithy.api shapes); define a shape of your own that targets it, with the traits`,
    });
    return;
  }
  if (!shape || (!isObject(holder) && !inheritable)) {
    diagnostics.push({
      file: a.file,
      pointer: a.pointer,
      message: `apply targets unknown shape or member ${a.target}`,
    });
    return;
  }
  if (!isObject(a.traits)) {
    diagnostics.push({ file: a.file, pointer: `${a.pointer}/traits`, message: "apply needs a traits object" });
    return;
  }
  if (inheritable) {
    const byMember = inherited.get(shapeId) ?? new Map();
    inherited.set(shapeId, byMember);
    const pending = byMember.get(memberName) ?? {
      traits: {},
      origins: new Map(),
      apply: { file: a.file, pointer: a.pointer },
    };
    byMember.set(memberName, pending);
    mergeApplied(a, a.traits, pending.traits, pending.origins, pointer("members", memberName), diagnostics);
    return;
  }
  // Copy on write: the shape node, its members and the member on the way to the traits.
  const node = { ...shape.node };
  let target = node;
  if (memberName !== undefined && part) {
    target = { ...(holder as Record<string, unknown>) };
    node[memberName] = target;
  } else if (memberName !== undefined) {
    const copiedMembers = { ...(node["members"] as Record<string, unknown>) };
    node["members"] = copiedMembers;
    target = { ...(holder as Record<string, unknown>) };
    Object.defineProperty(copiedMembers, memberName, {
      value: target,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const traits: Record<string, unknown> = { ...(isObject(target["traits"]) ? target["traits"] : {}) };
  target["traits"] = traits;
  shape.node = node;
  const base = memberName === undefined ? "" : part ? pointer(memberName) : pointer("members", memberName);
  mergeApplied(a, a.traits, traits, (shape.origins ??= new Map()), base, diagnostics);
}

/** Whether `name` is the list's (or set's) `member` or the map's `key` or `value`. */
function collectionPart(type: unknown, name: string): boolean {
  return (
    ((type === "list" || type === "set") && name === "member") ||
    (type === "map" && (name === "key" || name === "value"))
  );
}

/**
 * Adds the traits of one `apply` to `traits`, noting where each was applied, as Smithy resolves a
 * trait given twice: two arrays (a list trait such as `tags`) concatenate, an equal value is
 * ignored, a different one is a conflict.
 */
function mergeApplied(
  a: { target: string; file: string; pointer: string },
  applied: Record<string, unknown>,
  traits: Record<string, unknown>,
  origins: Map<string, Origin>,
  base: string,
  diagnostics: Diagnostic[],
): void {
  for (const [trait, value] of Object.entries(applied)) {
    const origin = { file: a.file, pointer: `${a.pointer}/traits${pointer(trait)}` };
    const old = Object.hasOwn(traits, trait) ? traits[trait] : undefined;
    if (Array.isArray(old) && Array.isArray(value)) {
      traits[trait] = [...old, ...value];
      // Each appended entry is located where it was applied; the earlier ones stay where they were.
      value.forEach((_, i) =>
        origins.set(`${base}/traits${pointer(trait, old.length + i)}`, {
          ...origin,
          pointer: `${origin.pointer}/${i}`,
        }),
      );
    } else if (old !== undefined && JSON.stringify(old) !== JSON.stringify(value)) {
      diagnostics.push({
        ...origin,
        message: `conflicting value for trait ${trait} on ${a.target}: it already has ${truncate(JSON.stringify(old))} (Smithy merges a trait given twice only when both values are arrays or equal)`,
      });
    } else {
      traits[trait] = value;
      origins.set(`${base}/traits${pointer(trait)}`, origin);
    }
  }
}

function mergeMetadata(value: unknown, into: Record<string, unknown>, file: string, diagnostics: Diagnostic[]): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    diagnostics.push({ file, pointer: "/metadata", message: '"metadata" must be an object' });
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    const old = into[key];
    if (old === undefined) into[key] = v;
    else if (Array.isArray(old) && Array.isArray(v)) into[key] = [...old, ...v];
    else if (JSON.stringify(old) !== JSON.stringify(v)) {
      diagnostics.push({
        file,
        pointer: pointer("metadata", key),
        message: `metadata "${key}" conflicts with an earlier file`,
      });
    }
  }
}

function truncate(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}...`;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
