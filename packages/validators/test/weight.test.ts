import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** What a consumer downloads: the tarball npm would publish (after `pnpm build`), measured by npm itself. */
const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");

interface Packed {
  unpackedSize: number;
  files: { path: string; size: number }[];
}

describe("the published tarball", () => {
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: pkg, encoding: "utf8" }),
  ) as Packed[];

  it("unpacks to at most 600 KB", () => {
    expect(packed!.unpackedSize).toBeLessThanOrEqual(600_000);
  });

  it("ships no source map pointing at a file it does not ship", () => {
    const shipped = new Set(packed!.files.map((f) => f.path));
    const maps = packed!.files.filter((f) => f.path.endsWith(".map"));
    // tsconfig.build.json writes none; a map added later must point inside the tarball.
    for (const map of maps) expect(shipped.has(map.path.replace(/\.map$/, "")), map.path).toBe(true);
    expect(maps).toEqual([]);
  });
});
