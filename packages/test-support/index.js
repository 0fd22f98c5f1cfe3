// `describe` for suites that read reference material; the paths themselves are in paths.js, which
// scripts can import without vitest.
import { describe, it } from "vitest";
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
  // The body is not run: it would read the missing files while collecting its tests.
  return describe.skip(title, () => it(why, () => {}));
}

/**
 * `it` for one test that reads reference material (e.g. the originals' documentation), inside a
 * suite that does not: the same rules as describeWithReference.
 * @param {string} title @param {readonly string[]} files @param {(paths: string[]) => void | Promise<void>} body
 * @param {{ factsOnly?: boolean }} [options]
 */
export function itWithReference(title, files, body, options = {}) {
  const { paths, missing } = findReference(files, options);
  if (missing.length === 0) return it(title, () => body(/** @type {string[]} */ (paths)));
  const why = `needs ${missing.map((f) => `../shared/reference/${f}`).join(", ")}, which is not beside this clone`;
  if (inCi())
    return it(title, () => {
      throw new Error(`CI=true but "${title}" ${why}: CI must run every reference test`);
    });
  console.warn(`\n[dx] SKIPPED "${title}": ${why} (CI has it and runs this test)\n`);
  return it.skip(title, () => {});
}
