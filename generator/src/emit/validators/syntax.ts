/** Text of the generated validators' code: literals, layout, and member reads that Object.prototype cannot answer. */

export const lit = (v: unknown): string => JSON.stringify(v);

/** A function body's lines, indented (lines of a multi-line statement keep their own indentation). */
export function indent(lines: readonly string[]): string {
  return lines
    .join("\n")
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}

/** An array literal, eight items a line when long (the layout policy: no very long generated lines). */
export function list(values: readonly unknown[]): string {
  if (values.length <= 8) return lit(values);
  const lines: string[] = [];
  for (let i = 0; i < values.length; i += 8)
    lines.push(
      `  ${values
        .slice(i, i + 8)
        .map(lit)
        .join(", ")},`,
    );
  return `[\n${lines.join("\n")}\n]`;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Whether a member name must be read as an own property (Object.prototype has it). */
export const inherited = (key: string): boolean => key in Object.prototype;

/** `d.key`, or an own-property read where a plain read could find Object.prototype's member. */
export function read(obj: string, key: string): string {
  if (inherited(key)) return `$r.own(${obj}, ${lit(key)})`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${obj}.${key}` : `${obj}[${lit(key)}]`;
}

export function assign(obj: string, key: string, value: string): string {
  if (inherited(key)) return `$r.setOwn(${obj}, ${lit(key)}, ${value});`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${obj}.${key} = ${value};` : `${obj}[${lit(key)}] = ${value};`;
}
