import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bumpCovers, type Bump } from "./changes.js";
import type { PackageImpact } from "./packages.js";

const BUMPS: readonly Bump[] = ["major", "minor", "patch"];

/** Package name → the largest bump that the pending changesets (`.changeset/*.md`) give it. */
export function pendingBumps(root: string): Map<string, Bump> {
  const dir = join(root, ".changeset");
  const bumps = new Map<string, Bump>();
  if (!existsSync(dir)) return bumps;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md")) {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, file), "utf8"))?.[1] ?? "";
    for (const line of front.split(/\r?\n/)) {
      const m = /^\s*["']?([^"':]+)["']?\s*:\s*(\w+)\s*$/.exec(line);
      const bump = m?.[2] as Bump | undefined;
      if (!m || bump === undefined || !BUMPS.includes(bump)) continue;
      const name = m[1] as string;
      const known = bumps.get(name);
      if (known === undefined || bumpCovers(bump, known)) bumps.set(name, bump);
    }
  }
  return bumps;
}

/** The affected packages whose pending changesets bump them less than the spec change needs. */
export function uncoveredPackages(
  packages: readonly PackageImpact[],
  pending: ReadonlyMap<string, Bump>,
): PackageImpact[] {
  return packages.filter((p) => {
    const given = pending.get(p.name);
    return given === undefined || !bumpCovers(given, p.bump);
  });
}
