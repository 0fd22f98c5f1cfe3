/**
 * Golden files: the models emitted from the hostile fixture, and its IR as sorted JSON, are committed
 * under test/golden/hostile and compared byte for byte. `UPDATE_GOLDEN=1 pnpm vitest run golden`
 * rewrites them; review the diff before committing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { modelsEmitter } from "../src/emit/models/index.js";
import { runPipeline } from "../src/pipeline.js";
import { fixturesDir, generatorDir, repoRoot, sortedJson, tempDir, typecheck, writeFile } from "./support.js";

const UPDATE = process.env["UPDATE_GOLDEN"] === "1";
const goldenDir = join(generatorDir, "test", "golden", "hostile");
const modelsGolden = join(goldenDir, "models");
const irGolden = join(goldenDir, "ir.json");

const { ir, outputs } = runPipeline({
  root: repoRoot,
  specs: [join(fixturesDir, "hostile.json"), join(fixturesDir, "hostile-apply.json")],
  emitters: [modelsEmitter],
});
const models = (outputs[0] as (typeof outputs)[number]).files;

if (UPDATE) {
  rmSync(goldenDir, { recursive: true, force: true });
  for (const [path, text] of models) writeFile(join(modelsGolden, path), text);
  writeFile(irGolden, sortedJson(ir));
}

function listFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];
}

describe("golden output of the hostile fixture", () => {
  it("emits exactly the committed model files", () => {
    expect(listFiles(modelsGolden).sort()).toEqual([...models.keys()].sort());
  });

  it.each([...models.keys()])("%s is byte-identical to its golden file", (path) => {
    expect(models.get(path)).toBe(readFileSync(join(modelsGolden, path), "utf8"));
  });

  it("the IR is identical to its sorted JSON snapshot", () => {
    expect(sortedJson(ir)).toBe(readFileSync(irGolden, "utf8"));
  });

  it("the golden models type-check under strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "generated"));
    for (const path of listFiles(modelsGolden))
      writeFileSync(join(dir, "generated", path), readFileSync(join(modelsGolden, path)));
    // A use of the hostile names, so that what they mean is checked too, not only that they parse.
    writeFile(
      join(dir, "use.ts"),
      `${[
        'import { Color, Level, Size, type Choice, type GetThingOutput, type Thing, type _Date, type Operations } from "./generated/index.gen.js";',
        'const thing: Thing = { constructor: "c", function: true, new: ["a"], sparse: [1, null] };',
        'const choices: Choice[] = [{ text: "t" }, { count: 1 }, { nothing: {} }, { thing }];',
        "// @ts-expect-error a union holds exactly one member",
        'const two: Choice = { text: "t", count: 1 };',
        "const when: _Date = { at: new Date(0) };",
        'const out: GetThingOutput = { page: { items: [thing] }, color: Color.GREEN, level: Level.HIGH, colorCounts: { "green-ish": null }, extra: { a: [1, "b", null] } };',
        "// @ts-expect-error an enum's value, not its key",
        'const bad: GetThingOutput["color"] = "GREEN";',
        'const size: Size = "9xl";',
        'type Errors = Operations["GetThing"]["errors"];',
        "const err: Errors = when;",
        "export { choices, two, out, bad, size, err };",
      ].join("\n")}\n`,
    );
    const r = typecheck(dir);
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });

  it("carries the fixture's hostile documentation safely", () => {
    const all = [...models.values()].join("\n");
    // Every doc comment closes only where it should: no "*/" survives inside documentation.
    expect(all).toContain("Closes *\\/ early");
    expect(all).toContain("${x}");
    expect(all).toContain("\\@see");
    expect(all).toContain("export interface _Date {");
    expect(all).not.toContain("export interface Date ");
  });
});
