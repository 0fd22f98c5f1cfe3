import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/**
 * Tree-shaking, measured: a program importing one function of the built package, bundled by esbuild
 * for the browser and minified, carries that shape's closure and the runtime, nothing else. Bundle
 * sizes are deterministic, so the limits of the issue are asserted here (not in a benchmark).
 */
const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");

async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: pkg, loader: "js" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  return new TextDecoder().decode(result.outputFiles[0]!.contents);
}

const importing = (name: string) => `import { ${name} } from "./dist/index.js";\nconsole.log(${name});\n`;

describe("a bundle of one import", () => {
  it("parseListJobsResponse: at most 100 KB, without the request's or other operations' shapes", async () => {
    const code = await bundle(importing("parseListJobsResponse"));
    expect(code.length).toBeLessThanOrEqual(100_000);
    expect(code).toContain("WAITING"); // the closure is there
    expect(code).not.toContain("ListJobsRequest");
    expect(code).not.toMatch(/\$arbitrar|fast-check/);
  });

  it("isLFTag: at most 20 KB, nothing of the jobs", async () => {
    const code = await bundle(importing("isLFTag"));
    expect(code.length).toBeLessThanOrEqual(20_000);
    expect(code).toContain("TagValues");
    expect(code).not.toMatch(/JobEntry|WAITING|RFC 3339/);
  });

  it("checkListJobsResponse (the wire check alone): at most 100 KB, without the exceptions' shapes", async () => {
    const code = await bundle(importing("checkListJobsResponse"));
    expect(code.length).toBeLessThanOrEqual(100_000);
    expect(code).toContain("WAITING");
    expect(code).not.toContain("S3AccessDenied"); // ValidationException's ExceptionCause
  });

  it("importing everything is much larger (the limits above are shaking, not a small package)", async () => {
    const all = await bundle('import * as v from "./dist/index.js";\nconsole.log(Object.values(v).length);\n');
    const one = await bundle(importing("isLFTag"));
    expect(all.length).toBeGreaterThan(4 * one.length);
    expect(all).toContain("ListJobsRequest");
  });
});

describe("a bundle of one Ajv standalone validator (@dx/validators/ajv)", () => {
  const fromAjv = (names: string) => `import { ${names} } from "./dist/ajv.js";\nconsole.log(${names});\n`;

  it("validateListJobsResponse: at most 100 KB, its closure only (no other shape's validator)", async () => {
    const code = await bundle(fromAjv("validateListJobsResponse"));
    expect(code.length).toBeLessThanOrEqual(100_000);
    expect(code).toContain("TIMED_OUT"); // the closure is there
    expect(code).not.toContain("S3AccessDenied"); // ValidationException's ExceptionCause
    expect(code).not.toMatch(/ajv\/dist|new Function/);
    const everything = await bundle('import * as v from "./dist/ajv.js";\nconsole.log(Object.values(v).length);\n');
    expect(everything).toContain("S3AccessDenied");
    expect(everything.length).toBeGreaterThan(code.length + 20_000);
  });

  it("validateLFTag: at most 20 KB, nothing of the jobs", async () => {
    const code = await bundle(fromAjv("validateLFTag"));
    expect(code.length).toBeLessThanOrEqual(20_000);
    expect(code).toContain("TagValues");
    expect(code).not.toMatch(/WAITING|TIMED_OUT/);
  });
});
