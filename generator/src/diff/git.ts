import { execFileSync } from "node:child_process";
import type { SpecInput } from "../load/load.js";

/** What `--since last-release` means: the last commit that changed this manifest's version. */
export const RELEASE_ANCHOR = "packages/models/package.json";
export const LAST_RELEASE = "last-release";

/** A --since ref or spec path that cannot be read: reported as a message, not a stack trace. */
export class DiffInputError extends Error {}

function git(root: string, args: readonly string[]): string {
  return execFileSync("git", args, {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * The commit of the last release: `changeset version` rewrites the version of every package in the
 * fixed group, so the last commit whose diff touches @dx/models' "version" line is the one that
 * consumed the changesets (the package's first commit before any release). Undefined outside git
 * or in a history too shallow to hold that commit.
 */
export function lastReleaseCommit(root: string): string | undefined {
  try {
    const sha = git(root, ["log", "-1", "--format=%H", "-G", '"version":', "--", RELEASE_ANCHOR]).trim();
    return sha === "" ? undefined : sha;
  } catch {
    return undefined;
  }
}

/** Resolves a --since argument (a git ref, or "last-release") to a commit id. */
export function resolveRef(root: string, ref: string): string {
  if (ref === LAST_RELEASE) {
    const sha = lastReleaseCommit(root);
    if (sha === undefined)
      throw new DiffInputError(`no commit changes the version in ${RELEASE_ANCHOR}; pass a git ref to --since`);
    return sha;
  }
  try {
    return git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim();
  } catch {
    throw new DiffInputError(`unknown git ref "${ref}"`);
  }
}

/** The spec files (`spec/*.json`) as they were at a commit, named as the working tree's are. */
export function specsAtCommit(root: string, commit: string): SpecInput[] {
  try {
    return readSpecsAt(root, commit);
  } catch (e) {
    throw new DiffInputError(`cannot read spec/ at ${commit}: ${(e as Error).message}`);
  }
}

function readSpecsAt(root: string, commit: string): SpecInput[] {
  const names = git(root, ["ls-tree", "--name-only", commit, "--", "spec/"])
    .split("\n")
    .filter((p) => /^spec\/[^/]+\.json$/.test(p))
    .sort();
  return names.map((file) => ({ file, text: git(root, ["show", `${commit}:./${file}`]) }));
}
