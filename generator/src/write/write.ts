import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { SpecError } from "../diagnostics.js";
import type { FileSet } from "../emit/types.js";

export interface Output {
  /** Generated folder relative to the root, "/"-separated. */
  outDir: string;
  files: FileSet;
}

export type FileStatus = "created" | "updated" | "unchanged" | "removed";
export interface FileReport {
  path: string;
  status: FileStatus;
}

const TMP = ".generated.tmp-";
const OLD = ".generated.old-";

/**
 * Replaces each generated folder as a whole. Every new folder is first written beside the old one;
 * only when all are complete are they swapped in by rename, so an error or a crash while writing
 * leaves every package as it was. A swap interrupted by a crash is repaired on the next run.
 */
export function writeOutputs(root: string, outputs: readonly Output[]): FileReport[] {
  checkFolders(root, outputs);
  for (const o of outputs) recover(join(root, o.outDir));
  const reports = outputs.flatMap((o) => compare(root, o));
  const changed = outputs.filter((o) =>
    reports.some((r) => r.status !== "unchanged" && r.path.startsWith(`${o.outDir}/`)),
  );
  const staged: { dir: string; tmp: string }[] = [];
  try {
    for (const o of changed) {
      const dir = join(root, o.outDir);
      const tmp = join(dirname(dir), `${TMP}${basename(dir)}-${process.pid}`);
      rmSync(tmp, { recursive: true, force: true });
      staged.push({ dir, tmp });
      for (const [path, text] of o.files) {
        mkdirSync(dirname(join(tmp, path)), { recursive: true });
        writeFileSync(join(tmp, path), text);
      }
    }
  } catch (e) {
    for (const s of staged) rmSync(s.tmp, { recursive: true, force: true });
    throw e;
  }
  for (const { dir, tmp } of staged) {
    const old = join(dirname(dir), `${OLD}${basename(dir)}-${process.pid}`);
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(tmp, dir);
    rmSync(old, { recursive: true, force: true });
  }
  return reports;
}

/** Lists what differs between the generated folders on disk and what the spec produces. Writes nothing. */
export function compareOutputs(root: string, outputs: readonly Output[]): FileReport[] {
  checkFolders(root, outputs);
  return outputs.flatMap((o) => compare(root, o));
}

/**
 * The output root and every generated folder under it must be folders where they exist: a file in
 * the way (`--out` naming a file) is reported as a problem of the command line before anything is
 * written, not met halfway through as ENOTDIR.
 */
export function checkFolders(root: string, outputs: readonly Pick<Output, "outDir">[]): void {
  const problems = new Set<string>();
  const check = (path: string): void => {
    // The nearest existing ancestor decides: a file there cannot hold the folder.
    for (let p = path; ; p = dirname(p)) {
      let isFolder: boolean | undefined;
      try {
        isFolder = statSync(p).isDirectory();
      } catch {
        isFolder = undefined;
      }
      if (isFolder === false)
        problems.add(p === root ? `${root} is a file, not a folder` : `${p} is a file where a folder must be`);
      if (isFolder !== undefined || dirname(p) === p) return;
    }
  };
  check(root);
  if (problems.size === 0) for (const o of outputs) check(join(root, o.outDir));
  if (problems.size > 0)
    throw new SpecError(
      [...problems].map((message) => ({ file: "(command line)", pointer: "", message: `--out: ${message}` })),
    );
}

function compare(root: string, o: Output): FileReport[] {
  const dir = join(root, o.outDir);
  const onDisk = new Set(existsSync(dir) ? listFiles(dir) : []);
  const reports: FileReport[] = [];
  for (const [path, text] of [...o.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const full = `${o.outDir}/${path}`;
    if (!onDisk.has(path)) reports.push({ path: full, status: "created" });
    else reports.push({ path: full, status: readFileSync(join(dir, path), "utf8") === text ? "unchanged" : "updated" });
    onDisk.delete(path);
  }
  for (const orphan of [...onDisk].sort()) reports.push({ path: `${o.outDir}/${orphan}`, status: "removed" });
  return reports;
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** Restores a folder whose swap was cut short, and removes staging folders left by a crash. */
function recover(dir: string): void {
  const parent = dirname(dir);
  if (!existsSync(parent)) return;
  const name = basename(dir);
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(`${OLD}${name}-`)) {
      if (!existsSync(dir)) renameSync(join(parent, entry), dir);
      else rmSync(join(parent, entry), { recursive: true, force: true });
    } else if (entry.startsWith(`${TMP}${name}-`)) {
      rmSync(join(parent, entry), { recursive: true, force: true });
    }
  }
}
