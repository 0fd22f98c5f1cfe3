/**
 * Reading and replacing the members a paginated trait names, on pages typed only through `keyof`.
 * Paths are member names from the top of the output (Smithy allows `outputToken` and `items` to be
 * nested, e.g. `page.items`). TypeScript cannot follow a path written at run time, so the facts that
 * the value at `Items` is a list of `ItemOf<Output, Items>` and that a page with that list sliced is still
 * an `Output` are stated here, once, and nowhere else.
 */
import type { FullResult, ItemOf, Path } from "./types.js";

/** The value at `path`, or undefined where any member on the way is absent. */
export function valueAt(page: unknown, path: Path): unknown {
  let value: unknown = page;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The page's items as a read-only array (empty when the member is absent). */
export function itemsOf<Output, Items extends Path>(page: Output, path: Items): readonly ItemOf<Output, Items>[] {
  const value = valueAt(page, path);
  return Array.isArray(value) ? (value as readonly ItemOf<Output, Items>[]) : [];
}

/** A copy of the page whose items are `items[start, end)`, copying only along the path: the page given is never changed. */
export function sliceItems<Output, Items extends Path>(page: Output, path: Items, start: number, end?: number): Output {
  const value = valueAt(page, path);
  if (!Array.isArray(value)) return page;
  return replaceAt(page, path, value.slice(start, end)) as Output;
}

function replaceAt(node: unknown, path: Path, value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const record = node as Record<string, unknown>;
  return { ...record, [key]: replaceAt(record[key], rest, value) };
}

/**
 * boto3's `build_full_result()` from the collected items: `{a: {b: items}}` for the path `["a", "b"]`
 * (botocore's `set_value_from_jmespath` on an empty result), no items member if no page had one, and
 * `NextToken` when there is a resume token.
 */
export function fullResult<Output, Items extends Path>(
  path: Items,
  items: ItemOf<Output, Items>[] | undefined,
  resumeToken: string | undefined,
): FullResult<Output, Items> {
  let out: unknown = items;
  for (const key of [...path].reverse()) out = { [key]: out };
  return {
    ...(items !== undefined && (out as AtPath<Items, ItemOf<Output, Items>[]>)),
    ...(resumeToken !== undefined && { NextToken: resumeToken }),
  } as FullResult<Output, Items>;
}

/** The type of `objectAt(path, value)`, every member on the way optional. */
export type AtPath<P extends Path, V> = P extends readonly [infer H extends string, ...infer R extends Path]
  ? { [K in H]?: AtPath<R, V> }
  : V;

/** A one-member object `{ [key]: value }` with its key kept as a literal type. */
export function member<K extends PropertyKey, V>(key: K, value: V): { [P in K]: V } {
  return { [key]: value } as { [P in K]: V };
}

/** `record[key] = value` as an own property, whatever the key (a map's `__proto__` or `toString` is a name like any other). */
export function setOwn<T>(record: { [key: string]: T }, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
