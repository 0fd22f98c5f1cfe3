/** The type-level test (test/types/exact-optional.ts) compiled with strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess spelled out. */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

describe("types under exactOptionalPropertyTypes", () => {
  it("a consumer's resume loop compiles, and the wrong calls do not", () => {
    const tsc = spawnSync(
      process.execPath,
      [
        require.resolve("typescript/bin/tsc"),
        "--noEmit",
        "--strict",
        "--exactOptionalPropertyTypes",
        "--noUncheckedIndexedAccess",
        "--target",
        "ES2022",
        "--module",
        "NodeNext",
        "--moduleResolution",
        "NodeNext",
        "--skipLibCheck",
        "--types",
        "node",
        join(packageDir, "test", "types", "exact-optional.ts"),
      ],
      { cwd: packageDir, encoding: "utf8", timeout: 120_000 },
    );
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  }, 150_000);
});
