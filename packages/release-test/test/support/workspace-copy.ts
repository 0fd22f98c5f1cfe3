import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { cleanEnv, publicPackageDirs, run, WORKSPACE } from "./run.js";

/**
 * Copies the workspace as git sees it (tracked files and untracked ones that are not ignored, so a
 * developer's uncommitted work is what gets tested) into `dest`, makes it a git repository of its
 * own with one commit, and installs it from pnpm's store. The real working tree is never touched.
 */
export async function copyWorkspace(dest: string, o: { withDist: boolean }): Promise<void> {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: WORKSPACE,
    encoding: "utf8",
  })
    .split("\0")
    .filter((f) => f !== "" && existsSync(join(WORKSPACE, f)));
  for (const f of files) {
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    cpSync(join(WORKSPACE, f), join(dest, f));
  }
  if (o.withDist) {
    // What `pnpm release` builds before publishing; the suite's ^build dependency made it already.
    for (const dir of publicPackageDirs(WORKSPACE))
      cpSync(join(dir, "dist"), join(dest, relative(WORKSPACE, dir), "dist"), { recursive: true });
  }
  const git = [
    "-c",
    "user.name=release-test",
    "-c",
    "user.email=release-test@example.invalid",
    "-c",
    "commit.gpgsign=false",
  ];
  await run("git", ["init", "-q", "-b", "main"], { cwd: dest });
  await run("git", [...git, "add", "-A"], { cwd: dest });
  await run("git", [...git, "commit", "-qm", "copy of the workspace"], { cwd: dest });
  // --prefer-offline: the store already holds everything the real install fetched.
  await run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline", "--reporter=silent"], {
    cwd: dest,
    env: cleanEnv({ CI: "true" }),
    timeout: 240_000,
  });
}

export const GIT_IDENTITY = ["-c", "user.name=release-test", "-c", "user.email=release-test@example.invalid"];
