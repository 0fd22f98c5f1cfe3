import type { Ir, IrConstraints, IrMember, IrShape } from "../../ir/types.js";
import { lookup } from "../../ir/lookup.js";
import { usePattern } from "./patterns.js";

/**
 * fast-check arbitraries for every shape, built from the IR: valid model-form values with every
 * constraint honoured and every enum value and member reachable. Shapes refer to each other through
 * `fc.letrec`, so recursive shapes work.
 */
export function renderArbitraries(ir: Ir): string {
  const target = lookup(ir).shape;
  const json = (v: unknown): string => JSON.stringify(v);
  const args = (...values: (number | undefined)[]): string => {
    while (values.length > 0 && values[values.length - 1] === undefined) values.pop();
    return values.map((v) => (v === undefined ? "undefined" : String(v))).join(", ");
  };

  /** The arbitrary of a shape under the given constraints (the shape's own, narrowed by a member's). */
  const expr = (s: IrShape, c: IrConstraints): string => {
    switch (s.kind) {
      case "string": {
        const pattern = c.pattern === undefined ? undefined : usePattern(c.pattern).pattern;
        return pattern === undefined
          ? `$a.text(${args(c.length?.min, c.length?.max)})`
          : `$a.matching(${[json(pattern), args(c.length?.min, c.length?.max)].filter(Boolean).join(", ")})`;
      }
      case "number": {
        const width: Record<string, [number, number]> = {
          byte: [-128, 127],
          short: [-32768, 32767],
          integer: [-2147483648, 2147483647],
        };
        const [wmin, wmax] = width[s.type] ?? [undefined, undefined];
        const min = c.range?.min ?? wmin;
        const max = c.range?.max ?? wmax;
        if (s.type === "float" || s.type === "double") return `$a.double(${args(c.range?.min, c.range?.max)})`;
        if (s.type === "bigDecimal") return `$a.finite(${args(min, max)})`;
        return `$a.integer(${args(min === undefined || wmin === undefined ? min : Math.max(min, wmin), max === undefined || wmax === undefined ? max : Math.min(max, wmax))})`;
      }
      case "boolean":
        return "$a.boolean()";
      case "blob":
        return `$a.bytes(${args(c.length?.min, c.length?.max)})`;
      case "document":
        return "$a.document()";
      case "unit":
        return "$a.unit()";
      case "timestamp":
        return `$a.timestamp(${json(s.format ?? "epoch-seconds")})`;
      case "enum":
      case "intEnum":
        return `$a.oneOf(${wrapped(s.values.map((v) => v.value))})`;
      case "list":
        return `$a.list(${member(s.member)}, ${json({ minLength: c.length?.min, maxLength: c.length?.max, unique: c.uniqueItems || undefined, sparse: s.sparse || undefined })})`;
      case "map": {
        const keyShape = target(s.key.target);
        const key = expr(keyShape, { ...keyShape.constraints, ...s.key.constraints });
        return `$a.map(${key}, ${member(s.value)}, ${json({ minKeys: c.length?.min, maxKeys: c.length?.max, sparse: s.sparse || undefined })})`;
      }
      case "structure":
        return `$a.structure(${fields(s.members)}, ${wrapped(s.members.filter((m) => m.required).map((m) => m.name))})`;
      case "union":
        return `$a.union(${fields(s.members)})`;
    }
  };

  // A computed key for `__proto__`: as a plain key of an object literal it sets the prototype, and the member is lost.
  const key = (name: string): string => (name === "__proto__" ? `[${json(name)}]` : json(name));
  /** Members one a line when there are several (the layout policy: no very long generated lines). */
  const fields = (ms: readonly IrMember[]): string =>
    ms.length <= 3
      ? `{ ${ms.map((m) => `${key(m.name)}: ${member(m)}`).join(", ")} }`
      : `{\n${ms.map((m) => `    ${key(m.name)}: ${member(m)},`).join("\n")}\n  }`;
  const wrapped = (values: readonly unknown[]): string =>
    values.length <= 8
      ? json(values)
      : `[\n${Array.from(
          { length: Math.ceil(values.length / 8) },
          (_, i) =>
            `    ${values
              .slice(i * 8, i * 8 + 8)
              .map(json)
              .join(", ")},`,
        ).join("\n")}\n  ]`;

  /** A member refers to its target by name, unless its format or own constraints make it differ. */
  function member(m: IrMember): string {
    const s = target(m.target);
    if (s.kind === "timestamp") return `$a.timestamp(${json(m.timestampFormat ?? s.format ?? "epoch-seconds")})`;
    if (Object.keys(m.constraints).length > 0) return expr(s, { ...s.constraints, ...m.constraints });
    return `$tie(${json(s.id)})`;
  }

  const named = ir.shapes.filter(
    (s) => s.kind === "structure" || s.kind === "union" || s.kind === "enum" || s.kind === "intEnum",
  );
  // Keyed by shape id (names may repeat across namespaces); every local name has a `$`, which no shape name can.
  const entries = ir.shapes.map((s) => `  ${json(s.id)}: ${expr(s, s.constraints)},`);
  return [
    'import * as $fc from "fast-check";',
    ...(named.length > 0 ? ['import type * as $M from "@dx/models";'] : []),
    'import * as $a from "../runtime/arbitrary.js";',
    "",
    "const $built: Record<string, $fc.Arbitrary<unknown>> = $fc.letrec(($tie) => ({",
    ...entries,
    "}));",
    "",
    "/** The arbitrary of each structure, union and enum, by shape name (model form). */",
    "export interface Arbitraries {",
    ...named.map((s) => `  ${s.name}: $fc.Arbitrary<$M.${s.name}>;`),
    "}",
    "",
    "export const arbitraries: Arbitraries = {",
    ...named.map((s) => `  ${s.name}: $built[${json(s.id)}] as $fc.Arbitrary<$M.${s.name}>,`),
    "};",
    "",
  ].join("\n");
}
