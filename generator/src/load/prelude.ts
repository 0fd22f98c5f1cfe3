/** The simple shapes of Smithy's prelude that a model may target without defining them. */
const SIMPLE: Record<string, string> = {
  String: "string",
  Blob: "blob",
  BigInteger: "bigInteger",
  BigDecimal: "bigDecimal",
  Timestamp: "timestamp",
  Document: "document",
  Boolean: "boolean",
  PrimitiveBoolean: "boolean",
  Byte: "byte",
  PrimitiveByte: "byte",
  Short: "short",
  PrimitiveShort: "short",
  Integer: "integer",
  PrimitiveInteger: "integer",
  Long: "long",
  PrimitiveLong: "long",
  Float: "float",
  PrimitiveFloat: "float",
  Double: "double",
  PrimitiveDouble: "double",
};

export const PRELUDE_NAMESPACE = "smithy.api";
export const UNIT = "smithy.api#Unit";

/** Prelude shapes as JSON AST nodes, keyed by absolute shape id. */
export const PRELUDE_SHAPES: ReadonlyMap<string, Record<string, unknown>> = new Map([
  ...Object.entries(SIMPLE).map(([name, type]): [string, Record<string, unknown>] => [
    `${PRELUDE_NAMESPACE}#${name}`,
    name.startsWith("Primitive")
      ? { type, traits: { "smithy.api#default": type === "boolean" ? false : 0 } }
      : { type },
  ]),
  [UNIT, { type: "structure", members: {}, traits: { "smithy.api#unitType": {} } }],
]);
