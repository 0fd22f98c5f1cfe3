/**
 * What documentation becomes in every file that carries it: TSDoc in the models and the paginators,
 * `description` in the JSON Schemas. Read as an editor reads it, through TypeScript's own quick info.
 * The spec is hand-written; its documentation copies what official AWS models write.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { MAX_LINE } from "../src/emit/layout.js";
import { runPipeline } from "../src/pipeline.js";
import { repoRoot, smallSpec, specText } from "./support.js";

const doc = (text: string) => ({ "smithy.api#documentation": text });

// DynamoDB's Scan documentation is seven such paragraphs; its paginator's comment held them unwrapped.
const LONG_PARAGRAPH = `<p>${"The <code>ListThings</code> operation returns one or more things. ".repeat(16)}</p>`;
// IoT's CreateCommandResponse.commandArn and Lambda's LoggingConfig.LogGroup, as the models write them.
const ARN = "<p>For example, <code>arn:aws:iot:<region>:<accountid>:command/<commandId></code></p>";
const LOG_GROUP = "<p>By default, a log group named <code>/aws/lambda/<function name></code>.</p>";
// MediaConvert's Eac3Settings.LoRoCenterMixLevel, as the model writes it: at a member's indent its
// second line broke before " - L, R", which Markdown (an editor's hover) shows as a bullet.
const MIX =
  "MediaConvert uses this value. Specify a value for the following Dolby Digital Plus setting: Left only/Right only center mix. This setting applies only if you keep the default value of 3/2 - L, R, C, Ls, Rs for the setting Coding mode.";

function emitted(): Map<string, string> {
  const spec = smallSpec();
  const shapes = spec.shapes as Record<string, Record<string, any>>;
  shapes["ex#ListThings"]!["traits"] = { ...shapes["ex#ListThings"]!["traits"], ...doc(LONG_PARAGRAPH + ARN) };
  shapes["ex#Thing"]!["members"] = {
    ...shapes["ex#Thing"]!["members"],
    Arn: { target: "smithy.api#String", traits: doc(ARN) },
    LogGroup: { target: "smithy.api#String", traits: doc(LOG_GROUP) },
    Mix: { target: "smithy.api#String", traits: doc(MIX) },
  };
  const { outputs } = runPipeline({ root: repoRoot, inputs: [{ file: "docs.json", text: specText(spec) }] });
  const files = new Map<string, string>();
  for (const o of outputs) for (const [path, text] of o.files) files.set(`${o.outDir}/${path}`, text);
  return files;
}

/** The documentation TypeScript's quick info shows for `name` (first occurrence after `after`) in `text`. */
function quickInfo(text: string, after: string, name: string): string {
  const file = "/virtual/file.ts";
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) => (f === file ? ts.ScriptSnapshot.fromString(text) : undefined),
    getCurrentDirectory: () => "/virtual",
    getCompilationSettings: () => ({ noResolve: true, noLib: true }),
    getDefaultLibFileName: () => "lib.d.ts",
    fileExists: (f) => f === file,
    readFile: (f) => (f === file ? text : undefined),
  };
  const position = text.indexOf(name, text.indexOf(after));
  const info = ts.createLanguageService(host).getQuickInfoAtPosition(file, position);
  return ts.displayPartsToString(info?.documentation);
}

/** The lines of every doc comment of a file, without their `/**`, ` * ` and ` *\/`. */
function docCommentLines(text: string): { line: string; full: string }[] {
  const lines: { line: string; full: string }[] = [];
  for (const comment of text.match(/\/\*\*[\s\S]*?\*\//g) ?? [])
    for (const full of comment.split("\n"))
      lines.push({ line: full.replace(/^\s*(\/\*\*|\*\/|\*(?!\/))? ?/, "").replace(/\s*\*\/$/, ""), full });
  return lines;
}

describe("documentation in the generated files", () => {
  const files = emitted();
  // The files whose comments carry the spec's documentation (the validators' carry it in their schemas).
  const ts_ = [...files].filter(([path]) => path.endsWith(".ts") && !path.startsWith("packages/validators/"));

  it("keeps placeholders written as <word>: in TSDoc, in the paginators' comments and in the schemas", () => {
    const shapes = files.get("packages/models/src/generated/shapes.gen.ts") ?? "";
    expect(quickInfo(shapes, "interface Thing", "Arn")).toBe(
      "For example, `arn:aws:iot:<region>:<accountid>:command/<commandId>`",
    );
    expect(quickInfo(shapes, "interface Thing", "LogGroup")).toBe(
      "By default, a log group named `/aws/lambda/<function name>`.",
    );
    const paginator = files.get("packages/paginator/src/generated/paginateListThings.gen.ts") ?? "";
    expect(quickInfo(paginator, "export const paginateListThings ", "paginateListThings")).toContain(
      "For example, `arn:aws:iot:<region>:<accountid>:command/<commandId>`",
    );
    const schema = JSON.parse(files.get("packages/validators/src/generated/schemas/model.gen.json") ?? "{}");
    expect(schema.$defs.Thing.properties.LogGroup.description).toBe(
      "By default, a log group named `/aws/lambda/<function name>`.",
    );
  });

  it(`wraps every doc comment line within ${MAX_LINE} characters, paginators' included`, () => {
    for (const [path, text] of ts_)
      for (const { line, full } of docCommentLines(text))
        if (line.trim().includes(" ")) expect(full.length, `${path}: ${full}`).toBeLessThanOrEqual(MAX_LINE);
    // The paginators' comments hold the operation's documentation, wrapped like the models'.
    const paginator = files.get("packages/paginator/src/generated/paginateListThings.gen.ts") ?? "";
    expect(paginator).toContain(" * The `ListThings` operation returns one or more things. The `ListThings` operation");
  });

  it("starts no wrapped line of a paragraph with what Markdown reads as a bullet, heading or quote", () => {
    const shapes = files.get("packages/models/src/generated/shapes.gen.ts") ?? "";
    expect(quickInfo(shapes, "interface Thing", "Mix")).toContain("3/2 - L, R, C");
    for (const [path, text] of ts_) {
      const lines = docCommentLines(text).map((l) => l.line);
      lines.forEach((line, i) => {
        if (i > 0 && lines[i - 1] !== "" && line !== "")
          expect(line.trim(), `${path}: ${line}`).not.toMatch(/^(?:[-+*]|\d+[.)]|#{1,6}|>)(?: |$)/);
      });
    }
  });
});
