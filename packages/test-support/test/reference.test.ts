import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findReference, referenceFile } from "../index.js";

const here = dirname(fileURLToPath(import.meta.url));
const vitest = join(here, "..", "node_modules", "vitest", "vitest.mjs");

/** Runs the missing-reference case in a child vitest with the given CI value. */
function runCase(ci: string | undefined) {
  const env = { ...process.env };
  delete env["CI"];
  if (ci !== undefined) env["CI"] = ci;
  return spawnSync(
    process.execPath,
    [vitest, "run", "--root", join(here, "fixtures"), "--config", join(here, "fixtures", "vitest.config.ts")],
    { env, encoding: "utf8", timeout: 60_000 },
  );
}

describe("reference material", () => {
  it("names what is missing", () => {
    expect(findReference(["no-such-file.rst"]).missing).toEqual(["no-such-file.rst"]);
    expect(referenceFile("no-such-file.rst")).toBeUndefined();
  });

  it("prose is never taken from the facts-only copies", () => {
    // The closure has a facts-only copy in the repo; the boto3 page never does.
    expect(referenceFile("boto3-dataexchange-paginator-listjobs.rst", { factsOnly: true }) ?? "").not.toContain(
      "fixtures",
    );
  });

  it("outside CI, a suite without its reference is skipped with a warning naming the file", () => {
    const r = runCase(undefined);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/SKIPPED "a suite that needs what is not there": needs .*no-such-file\.rst/);
  });

  it("under CI=true, the same suite fails", () => {
    const r = runCase("true");
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain("CI must run every reference test");
  });
});
