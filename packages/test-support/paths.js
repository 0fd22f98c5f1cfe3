// Where tests find the reference material. CI clones the repo beside ../shared, whose reference/ holds
// AWS's originals (documentation included); a user's clone stands alone and has only the facts-only
// copies this repo commits under fixtures/reference/ (packages/test-support/fixtures.mjs makes them).
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const sharedReferenceDir = resolve(repoRoot, "..", "shared", "reference");
export const fixtureReferenceDir = join(repoRoot, "fixtures", "reference");
export const inCi = () => /^(1|true)$/i.test(process.env.CI ?? "");

/**
 * The path of a reference file (relative to reference/): the shared original when it is beside the
 * clone, else, when `factsOnly` is allowed, the repo's facts-only copy; undefined when neither is there.
 */
/** @param {string} relative @param {{ factsOnly?: boolean }} [options] @returns {string | undefined} */
export function referenceFile(relative, { factsOnly = true } = {}) {
  const shared = join(sharedReferenceDir, relative);
  if (existsSync(shared)) return shared;
  const fixture = join(fixtureReferenceDir, relative);
  return factsOnly && existsSync(fixture) ? fixture : undefined;
}

/** Every official AWS model the tests can read, by file name (aws-models/*.json), sorted. */
export function awsModelFiles() {
  const dir = existsSync(join(sharedReferenceDir, "aws-models"))
    ? join(sharedReferenceDir, "aws-models")
    : join(fixtureReferenceDir, "aws-models");
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];
}

/**
 * What `describeWithReference` would do for these files: the paths when all are found; otherwise a
 * skip (outside CI) or a failure (under CI=true, which always has ../shared) naming what is missing.
 */
/** @param {readonly string[]} files @param {{ factsOnly?: boolean }} [options] */
export function findReference(files, { factsOnly = true } = {}) {
  const paths = files.map((f) => referenceFile(f, { factsOnly }));
  const missing = files.filter((_, i) => paths[i] === undefined);
  return { paths, missing };
}
