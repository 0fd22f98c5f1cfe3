import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { wirePage } from "./support/fixtures.js";

const dist = join(dirname(fileURLToPath(import.meta.url)), "../dist");

/** Runs under V8's equivalent of a strict content security policy: any eval or new Function throws. */
const CHILD = `
import * as v from ${JSON.stringify(join(dist, "index.js"))};
import * as a from ${JSON.stringify(join(dist, "ajv.js"))};
let blocked = false;
try { new Function("return 1"); } catch (e) { blocked = e instanceof EvalError; }
const page = JSON.parse(process.argv[1]);
const model = v.parseListJobsResponse(page);
const ok = v.checkListJobsResponse(page) && a.validateListJobsResponse(page) && v.isListJobsResponse(model) && model.Jobs[1].CreatedAt.toISOString() === "2024-01-01T21:34:05.000Z" && v.serializeListJobsResponse(model).Jobs[1].CreatedAt === "2024-01-01T21:34:05.000Z";
page.Jobs[0].State = "DONE";
let issues = [];
try { v.parseListJobsResponse(page); } catch (e) { issues = e.issues; }
const ajvIssues = a.validateListJobsResponse(page) ? [] : a.ajvIssues(a.validateListJobsResponse.errors, page);
const drifts = [];
v.parseListJobsResponse(page, { mode: "tolerant", onDrift: (d) => drifts.push(d) });
console.log(JSON.stringify({ blocked, ok, issues: issues.map((i) => i.message), ajv: ajvIssues.map((i) => i.message), drifts: drifts.length }));
`;

describe("no code generation at run time", () => {
  it("the built package validates with eval and new Function disabled", () => {
    const page = wirePage(3);
    page.Jobs[1]!["CreatedAt"] = "2024-01-02T03:04:05+05:30";
    const out = execFileSync(
      process.execPath,
      ["--disallow-code-generation-from-strings", "--input-type=module", "-e", CHILD, JSON.stringify(page)],
      { encoding: "utf8" },
    );
    expect(JSON.parse(out)).toEqual({
      blocked: true,
      ok: true,
      issues: [
        '/Jobs/0/State: expected one of WAITING, IN_PROGRESS, ERROR, COMPLETED, CANCELLED, TIMED_OUT; got "DONE"',
      ],
      ajv: ['/Jobs/0/State: expected one of WAITING, IN_PROGRESS, ERROR, COMPLETED, CANCELLED, TIMED_OUT; got "DONE"'],
      drifts: 1,
    });
  });

  it("the built code contains no eval, new Function or schema compilation", () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith(".js")) files.push(path);
      }
    };
    walk(dist);
    expect(files.length).toBeGreaterThan(5);
    expect(files).toContain(join(dist, "generated/ajv/wire.gen.js")); // the Ajv standalone code too
    for (const file of files) {
      const code = readFileSync(file, "utf8");
      expect(code, file).not.toMatch(/\bnew Function\b|\beval\(|\bcompile\(|from "ajv"|ajv\/dist\/(core|2020|ajv)/);
    }
  });
});
