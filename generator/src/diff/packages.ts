import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Output } from "../write/write.js";
import { BUMP_OF, worstSeverity, type Bump, type Change } from "./changes.js";

/** A generated package whose output differs between the two specs, and the bump that asks for. */
export interface PackageImpact {
  name: string;
  bump: Bump;
  /** Generated files (relative to the root) that were added, removed or changed. */
  files: string[];
}

/**
 * Which packages a spec change reaches is read from what the emitters produce, not guessed: a
 * package is affected when its generated files differ. Its bump is that of the worst change. When
 * the output differs but no rule explained why (a trait the diff does not model yet), the package
 * still gets a minor bump rather than none, so that nothing slips out unreleased.
 */
export function packageImpacts(
  root: string,
  before: readonly Output[],
  after: readonly Output[],
  changes: readonly Change[],
): PackageImpact[] {
  const worst = worstSeverity(changes);
  const impacts = new Map<string, PackageImpact>();
  for (const outDir of new Set([...before, ...after].map((o) => o.outDir))) {
    const files = differingFiles(
      outDir,
      before.find((o) => o.outDir === outDir),
      after.find((o) => o.outDir === outDir),
    );
    if (files.length === 0) continue;
    const name = packageNameOf(root, outDir);
    if (name === undefined) continue; // output that no package publishes (a trial --out tree)
    const known = impacts.get(name);
    if (known) known.files.push(...files);
    else impacts.set(name, { name, bump: worst === undefined ? "minor" : BUMP_OF[worst], files });
  }
  return [...impacts.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

function differingFiles(outDir: string, a: Output | undefined, b: Output | undefined): string[] {
  const before = a?.files ?? new Map<string, string>();
  const after = b?.files ?? new Map<string, string>();
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths.filter((p) => before.get(p) !== after.get(p)).map((p) => `${outDir}/${p}`);
}

/** The name in the nearest package.json at or above the generated folder (below the root). */
export function packageNameOf(root: string, outDir: string): string | undefined {
  for (
    let dir = join(root, outDir);
    relative(root, dir) !== "" && !relative(root, dir).startsWith("..");
    dir = dirname(dir)
  ) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name;
      if (typeof name === "string") return name;
    }
  }
  return undefined;
}
