/**
 * Every official AWS model beside the clone (restJson1, awsJson1_0 and awsJson1_1) goes through the
 * front end and the models emitter, and the models of all of them type-check together under the
 * strict settings. Protocol facts are checked on the IR: awsJson ignores @jsonName and has no HTTP
 * bindings; streaming blobs and event streams are typed as the AWS SDK v3 types them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { awsModelFiles, describeWithReference } from "@dx/test-support";
import { expect, it } from "vitest";
import { modelsEmitter } from "../src/emit/models/index.js";
import { lookup } from "../src/ir/lookup.js";
import type { Ir } from "../src/ir/types.js";
import { runPipeline } from "../src/pipeline.js";
import { repoRoot, tempDir, typecheck, writeFile } from "./support.js";

const MODELS = "packages/models/src/generated";
const files = awsModelFiles().map((f) => `aws-models/${f}`);

describeWithReference("every official AWS model", files, (paths) => {
  const out = tempDir();
  const runs = paths.map((path) => {
    const name = (path.split("/").pop() as string).replace(/\.json$/, "");
    const { ir, outputs } = runPipeline({ root: repoRoot, specs: [path], emitters: [modelsEmitter] });
    for (const [file, text] of outputs[0]?.files ?? []) writeFile(join(out, name, MODELS, file), text);
    return { name, path, ir, shapes: outputs[0]?.files.get("shapes.gen.ts") as string };
  });

  it("includes the nine models of the sample, of all three JSON protocols", () => {
    expect(runs.length).toBeGreaterThanOrEqual(9);
    expect(new Set(runs.map((r) => r.ir.service.protocol))).toEqual(new Set(["restJson1", "awsJson1_0", "awsJson1_1"]));
  });

  it.each(runs.map((r) => [r.name, r] as const))("%s: every operation of the service is emitted", (_, r) => {
    const doc = JSON.parse(readFileSync(r.path, "utf8")) as { shapes: Record<string, { type: string }> };
    const operations = Object.entries(doc.shapes).filter(([, s]) => s.type === "operation");
    expect(r.ir.operations.length).toBe(operations.length);
  });

  it("the models of every one type-check under the strict settings", () => {
    const r = typecheck(out, ["**/*.ts"]);
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });

  const byProtocol = (p: Ir["service"]["protocol"]) => runs.filter((r) => r.ir.service.protocol === p);

  it("awsJson models have no HTTP bindings and use member names on the wire", () => {
    const runsOf = [...byProtocol("awsJson1_0"), ...byProtocol("awsJson1_1")];
    expect(runsOf.length).toBeGreaterThan(0);
    for (const r of runsOf)
      for (const s of r.ir.shapes)
        if ("members" in s)
          for (const m of s.members) {
            expect(m.http).toBeUndefined();
            expect(m.jsonName).toBe(m.name);
          }
  });

  it("restJson1 members bound to headers, queries, labels or the status code are marked as outside the body", () => {
    const locations = new Set<string>();
    for (const r of byProtocol("restJson1"))
      for (const s of r.ir.shapes)
        if ("members" in s) for (const m of s.members) if (m.http) locations.add(m.http.location);
    expect([...locations].sort()).toEqual([
      "header",
      "label",
      "payload",
      "prefixHeaders",
      "query",
      "queryParams",
      "responseCode",
    ]);
  });

  it("streaming blobs are the SDK's streaming types and event streams async iterables of their union", () => {
    const lambda = runs.find((r) => r.name.startsWith("lambda-"));
    const bedrock = runs.find((r) => r.name.startsWith("bedrock-runtime-"));
    expect(lambda && bedrock).toBeTruthy();
    if (!lambda || !bedrock) return;
    const shapes = lookup(lambda.ir);
    expect(shapes.shape("com.amazonaws.lambda#BlobStream")).toMatchObject({ kind: "blob", streaming: true });
    // InvokeAsync's request body streams; the output side is in the hostile-input test.
    expect(lambda.shapes).toContain("  InvokeArgs: StreamingBlobPayloadInputTypes;");
    expect(lambda.shapes).toContain("  EventStream?: AsyncIterable<InvokeWithResponseStreamResponseEvent>;");
    expect(lambda.shapes).toMatch(/export type InvokeWithResponseStreamResponseEvent =\n {2}\| \{/);
    expect(bedrock.shapes).toContain("  stream?: AsyncIterable<ConverseStreamOutput>;");
    expect(bedrock.shapes).toContain("  body: AsyncIterable<ResponseStream>;");
  });

  it("no generated line of the models is 1,000 characters or longer", () => {
    for (const r of runs) {
      const longest = Math.max(...r.shapes.split("\n").map((l) => l.length));
      expect(longest, r.name).toBeLessThan(1000);
    }
  });
});
