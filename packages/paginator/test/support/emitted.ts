import { EMITTERS, runPipeline } from "@dx/generator";

const emitter = EMITTERS.find((e) => e.name === "paginator");

/** The file of the paginator package that the emitter writes for `spec` at `path` ("" when it writes none). */
function emittedFile(spec: unknown, path: string): string {
  if (emitter === undefined) throw new Error("no paginator emitter registered");
  const files =
    runPipeline({
      root: "/nonexistent",
      inputs: [{ file: "spec.json", text: JSON.stringify(spec) }],
      emitters: [emitter],
    }).outputs[0]?.files ?? new Map<string, string>();
  return files.get(path) ?? "";
}

/** The `/signed` binding of `operation` that the paginator emitter writes for `spec` ("" when it writes none). */
export function emittedSignedBinding(spec: unknown, operation: string): string {
  return emittedFile(spec, `signed/paginate${operation}.gen.ts`);
}

/** The operation descriptor and transport-agnostic binding of `operation` (`paginateX.gen.ts`). */
export function emittedDescriptor(spec: unknown, operation: string): string {
  return emittedFile(spec, `paginate${operation}.gen.ts`);
}
