/**
 * Every rule that turns a Smithy name into a TypeScript name lives here, so that emitters and the
 * collision check agree. Names are kept as in the model (as smithy-typescript does) unless they
 * would clash with the language or with names the generated code itself uses.
 */

/** Smithy identifiers; member names must be usable as property names without quotes. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** TypeScript reserved words, and globals or helper names that generated declarations must not shadow. */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  // reserved and strict-mode reserved words, and type keywords
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "implements",
  "interface",
  "let",
  "package",
  "private",
  "protected",
  "public",
  "static",
  "yield",
  "any",
  "boolean",
  "never",
  "number",
  "object",
  "string",
  "symbol",
  "unknown",
  "undefined",
  "bigint",
  "type",
  "await",
  "async",
  // contextual keywords that cannot name a type where a type is expected, or would read as one
  "keyof",
  "infer",
  "readonly",
  "unique",
  "asserts",
  "is",
  "satisfies",
  "intrinsic",
  // globals the generated code refers to, or that users expect to keep their meaning
  "Array",
  "Boolean",
  "Date",
  "Error",
  "Function",
  "Map",
  "Number",
  "Object",
  "Partial",
  "Promise",
  "Record",
  "ReadonlyArray",
  "RegExp",
  "Set",
  "String",
  "Symbol",
  "Uint8Array",
  "AsyncIterable",
  "globalThis",
  // names the emitters declare themselves
  "DocumentType",
  "Operations",
  "OperationName",
  "GlobalInstance",
  "OneOf",
  "StreamingBlobPayloadInputTypes",
  "StreamingBlobPayloadOutputTypes",
]);

/** The TypeScript name of a named shape (structure, union, enum). */
export function typeName(smithyName: string): string {
  return RESERVED_TYPE_NAMES.has(smithyName) ? `_${smithyName}` : smithyName;
}

/**
 * The key of an enum value in its `as const` object. The 1.0 enum trait's `name` (or the 2.0 member
 * name) is preferred, as in the AWS SDK v3; otherwise the value with non-identifier characters as "_".
 */
export function enumKey(name: string | undefined, value: string | number): string {
  const raw = name ?? String(value);
  const key = raw.replace(/[^A-Za-z0-9_$]/g, "_");
  // A leading digit is not an identifier; `__proto__` in an object literal would set the prototype.
  return /^[0-9]/.test(key) || key === "__proto__" ? `_${key}` : key === "" ? "_" : key;
}

/** Case-insensitive identity used for collision checks (Smithy requires case-insensitive uniqueness). */
export function collisionKey(name: string): string {
  return name.toLowerCase();
}

/** The paginator function of an operation, as in the AWS SDK v3 (`paginateListJobs`). */
export function paginatorName(operationName: string): string {
  return `paginate${operationName}`;
}

/** The AWS SDK v3 package, client class and command class for an `aws.api#service` sdkId, by the SDK's own rules. */
export function awsSdkNames(
  sdkId: string,
  operationName: string,
): { packageName: string; client: string; command: string } {
  return {
    packageName: `@aws-sdk/client-${sdkId.toLowerCase().replace(/\s+/g, "-")}`,
    // Each word capitalised, spaces removed: "identitystore" is IdentitystoreClient, "codestar
    // notifications" CodestarNotificationsClient, "SageMaker Runtime" SageMakerRuntimeClient.
    client: `${sdkId
      .split(/\s+/)
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join("")}Client`,
    command: `${operationName}Command`,
  };
}

/** The names of the @dx/validators functions of a structure or union, from its TypeScript name. */
export function validatorNames(typeName: string): {
  is: string;
  assert: string;
  parse: string;
  serialize: string;
  check: string;
  validate: string;
} {
  // Each family starts with its own letter (a, c, i, p, s, v): two families never give one name.
  return {
    check: `check${typeName}`,
    validate: `validate${typeName}`,
    is: `is${typeName}`,
    assert: `assert${typeName}`,
    parse: `parse${typeName}`,
    serialize: `serialize${typeName}`,
  };
}
