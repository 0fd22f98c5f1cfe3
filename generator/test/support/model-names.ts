/**
 * Names for the random models of model-arbitrary.ts: the awkward ones AWS models have (JS globals,
 * reserved words, SDK field names, prototype members), all valid Smithy identifiers
 * (`(_+[A-Za-z0-9] | [A-Za-z]) [A-Za-z0-9_]*`), and a registry that keeps them case-insensitively
 * unique where Smithy requires it.
 */
import fc from "fast-check";

/** Shape names that are globals, reserved words or names the emitters use themselves. */
export const AWKWARD_SHAPE_NAMES = [
  "Object",
  "Date",
  "Error",
  "String",
  "Map",
  "Record",
  "Promise",
  "Array",
  "Symbol",
  "Function",
  "Number",
  "Boolean",
  "Set",
  "RegExp",
  "JSON",
  "Math",
  "BigInt",
  "Buffer",
  "Uint8Array",
  "Partial",
  "Readonly",
  "Required",
  "Pick",
  "Omit",
  "Exclude",
  "Iterator",
  "AsyncIterable",
  "ReadableStream",
  "Blob",
  "Document",
  "DocumentType",
  "Operations",
  "OperationName",
  "OneOf",
  "GlobalInstance",
  "StreamingBlobPayloadInputTypes",
  "ValidationError",
  "ValidateOptions",
  "ServiceException",
  "Paginator",
  "Client",
  "Command",
  "Infinity",
  "NaN",
  "undefined",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__proto__",
  "class",
  "default",
  "delete",
  "enum",
  "function",
  "new",
  "this",
  "var",
  "void",
  "interface",
  "type",
  "any",
  "never",
  "unknown",
  "object",
  "string",
  "number",
  "_",
];

/** Member names: SDK fields ($metadata-like), prototype members, reserved words, JSON oddities. */
export const AWKWARD_MEMBER_NAMES = [
  "metadata",
  "_metadata",
  "fault",
  "__type",
  "message",
  "Message",
  "name",
  "Name",
  "code",
  "Code",
  "type",
  "Type",
  "constructor",
  "prototype",
  "__proto__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "length",
  "default",
  "class",
  "delete",
  "function",
  "in",
  "is",
  "then",
  "Object",
  "Date",
  "Error",
  "String",
  "_",
  "_1",
  "__",
  "a",
  "A",
  "nextToken",
  "NextToken",
];

const PLAIN_WORDS = ["Thing", "Widget", "Job", "Item", "Entry", "Detail", "Summary", "Config", "Value", "Tag", "Key"];

/** Smithy identifiers (shape, member and enum member names). "_" and "_1"-like names of only "_" are not. */
export const IDENTIFIER = /^(_+[A-Za-z0-9]|[A-Za-z])[A-Za-z0-9_]*$/;

/** Choices drawn through fast-check's `gen`, so that failing models shrink. */
export class Draw {
  constructor(private readonly g: fc.GeneratorValue) {}
  bool(percent = 50): boolean {
    return this.g(fc.integer, { min: 1, max: 100 }) <= percent;
  }
  int(min: number, max: number): number {
    return this.g(fc.integer, { min, max });
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }
}

/** Draws names and keeps them unique, case-insensitively, within one scope. */
export class Names {
  private readonly taken = new Set<string>();
  constructor(private readonly d: Draw) {}

  /** Reserves `name` if it is free and valid. */
  claim(name: string): boolean {
    if (!IDENTIFIER.test(name) || this.taken.has(name.toLowerCase())) return false;
    this.taken.add(name.toLowerCase());
    return true;
  }

  has(name: string): boolean {
    return this.taken.has(name.toLowerCase());
  }

  /** A fresh name: an awkward one from `pool` when the draw says so and it is free, else `base` + a number. */
  next(base: string, pool: readonly string[]): string {
    if (pool.length === 0 && base !== "" && this.claim(base)) return base;
    if (pool.length > 0 && this.d.bool(40)) {
      const pick = this.d.pick(pool);
      if (this.claim(pick)) return pick;
    }
    const word = this.d.pick(PLAIN_WORDS);
    for (let i = 1; ; i++) {
      const name = `${base}${word}${i === 1 ? "" : i}`;
      if (this.claim(name)) return name;
    }
  }
}
