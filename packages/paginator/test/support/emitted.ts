import { EMITTERS, runPipeline } from "@dx/generator";

const emitter = EMITTERS.find((e) => e.name === "paginator");

/** The `/signed` binding of `operation` that the paginator emitter writes for `spec` ("" when it writes none). */
export function emittedSignedBinding(spec: unknown, operation: string): string {
  if (emitter === undefined) throw new Error("no paginator emitter registered");
  const files =
    runPipeline({
      root: "/nonexistent",
      inputs: [{ file: "spec.json", text: JSON.stringify(spec) }],
      emitters: [emitter],
    }).outputs[0]?.files ?? new Map<string, string>();
  return files.get(`signed/paginate${operation}.gen.ts`) ?? "";
}
