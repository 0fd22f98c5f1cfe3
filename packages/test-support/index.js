// `describe` for suites that read reference material; the paths themselves are in paths.js, which
// scripts can import without vitest.
import { describe } from "vitest";
import { findReference, inCi } from "./paths.js";

export * from "./paths.js";

/**
 * `describe` for tests that read reference material. Missing material fails under CI=true; outside CI
 * the suite is skipped and a warning names it, the files it needed and why.
 */
/**
 * @param {string} title @param {readonly string[]} files @param {(paths: string[]) => void} body
 * @param {{ factsOnly?: boolean }} [options]
 */
export function describeWithReference(title, files, body, options = {}) {
  const { paths, missing } = findReference(files, options);
  if (missing.length === 0) return describe(title, () => body(/** @type {string[]} */ (paths)));
  const why = `needs ${missing.map((f) => `../shared/reference/${f}`).join(", ")}, which is not beside this clone`;
  if (inCi()) {
    return describe(title, () => {
      throw new Error(`CI=true but ${title} ${why}: CI must run every reference test`);
    });
  }
  console.warn(`\n[dx] SKIPPED "${title}": ${why} (CI has it and runs this suite)\n`);
  return describe.skip(title, () => body(paths));
}
