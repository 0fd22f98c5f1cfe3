import { describe, expect, it } from "vitest";
import { deepFreeze, fixturesDir, repoRoot } from "../../../test/support.js";
import { runPipeline } from "../../pipeline.js";
import { validatorsEmitter } from "./index.js";
import { usePattern } from "./patterns.js";

const irOf = (specs?: string[]) =>
  deepFreeze(runPipeline({ root: repoRoot, emitters: [], ...(specs && { specs }) }).ir);

describe("the validators emitter", () => {
  it("is a pure function of the IR (a frozen IR, the same files twice)", () => {
    for (const ir of [irOf(), irOf([`${fixturesDir}/hostile.json`])]) {
      const first = validatorsEmitter.emit(ir);
      expect([...validatorsEmitter.emit(ir)]).toEqual([...first]);
      expect([...first.keys()]).toEqual([
        "ajv/wire.gen.d.ts",
        "arbitraries.gen.ts",
        "index.gen.ts",
        "schemas/model-tolerant.gen.json",
        "schemas/model.gen.json",
        "schemas/wire-tolerant.gen.json",
        "schemas/wire.gen.json",
        "validators.gen.ts",
        "wire.gen.ts",
      ]);
    }
  });

  it("declares only names with a `$` (no shape name can take one) besides the public functions", () => {
    const code = validatorsEmitter.emit(irOf([`${fixturesDir}/hostile.json`])).get("validators.gen.ts") as string;
    const declared = [...code.matchAll(/^(?:export )?(?:function|const|let|class) ([\w$]+)/gm)].map((m) => m[1]);
    const imported = [...code.matchAll(/^import (?:type )?(?:\* as ([\w$]+)|\{ ([^}]+) \})/gm)].flatMap((m) =>
      m[1] ? [m[1]] : (m[2] as string).split(",").map((s) => s.trim().split(" as ").pop() as string),
    );
    const own = [...declared, ...imported].filter((n) => !/^(is|assert|check|parse|serialize)[A-Z_]/.test(n as string));
    expect(own.length).toBeGreaterThan(10);
    for (const name of own) expect(name, name).toContain("$");
  });

  it("calls the checker of a nested shape instead of copying it: code grows linearly with shapes", () => {
    const code = validatorsEmitter.emit(irOf()).get("validators.gen.ts") as string;
    // JobEntry's checker refers to ResponseDetails' checker, whose body appears once
    expect(code.match(/function \$w_ResponseDetails\(/g)).toHaveLength(1);
    expect(code).toMatch(/y = \$w_ResponseDetails\(x, c\);/);
  });

  it("declares one Ajv standalone validator per structure and union for the package's build", () => {
    const files = validatorsEmitter.emit(irOf());
    const declarations = files.get("ajv/wire.gen.d.ts") as string;
    const code = files.get("validators.gen.ts") as string;
    const parsers = [...code.matchAll(/^export function parse(\w+)\(/gm)].map((m) => m[1]);
    const validators = [
      ...declarations.matchAll(/^export declare const validate(\w+): \$AjvValidateFunction<\$W\.(\w+)>;$/gm),
    ].map((m) => m[1]);
    expect(validators).toEqual(parsers);
    expect(validators).toContain("ListJobsResponse");
  });

  it("reads patterns in dx's one dialect (src/patterns.ts): AWS's escapes work, nothing is misread", () => {
    for (const p of ["^[a-zA-Z0-9\\-\\_]+$", "^\\#[a-zA-Z0-9]{6}$", "^https\\://\\S+$"]) {
      const use = usePattern(p);
      expect(use, p).toEqual({ pattern: p });
      expect(
        new RegExp(use.pattern as string).test(p.includes("#") ? "#a1B2c3" : p.includes("https") ? "https://x" : "a-_"),
        p,
      ).toBe(true);
    }
    // src/patterns.ts's dialect: Java's POSIX classes are rewritten, Unicode properties refused
    expect(usePattern("^\\p{Print}+$")).toEqual({ pattern: "^[ -~]+$" });
    expect(usePattern("^\\p{L}+$")).toEqual({ warning: expect.stringContaining("it is not checked") });
    expect(usePattern("/^[\\d]{12}$/").pattern).toBe("^[\\d]{12}$");
  });
});
