/**
 * Validators generated from another spec, for tests: `dx-gen --spec <spec> --out <a fresh folder>`, the
 * folder inside this package so that the generated code's imports (fast-check, Ajv's runtime helpers)
 * resolve here, and this package's runtime linked beside the generated code.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const pkg = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const root = resolve(pkg, "../..");
/** Where the validators land under an output folder. */
const GENERATED = "packages/validators/src/generated";

export interface Generation {
  /** The output folder. */
  out: string;
  /** Its generated validators' folder. */
  dir: string;
  run: SpawnSyncReturns<string>;
}

/** Runs dx-gen on `spec` (a file, or a spec written to `spec.json` in the output) into a new folder under `work`. */
export function generateInto(work: string, spec: string | object, prefix = "out-"): Generation {
  mkdirSync(work, { recursive: true });
  const out = mkdtempSync(join(work, prefix));
  let file: string;
  if (typeof spec === "string") file = spec;
  else writeFileSync((file = join(out, "spec.json")), JSON.stringify(spec));
  const run = spawnSync(process.execPath, [join(root, "generator/dist/cli.js"), "--spec", file, "--out", out], {
    encoding: "utf8",
    cwd: root,
  });
  return { out, dir: join(out, GENERATED), run };
}

/** A generated module (`index.gen.ts` by default), with this package's runtime linked beside it. */
export async function importGenerated<T = Record<string, unknown>>(g: Generation, module = "index.gen.ts"): Promise<T> {
  const runtime = join(g.out, "packages/validators/src/runtime");
  if (!existsSync(runtime)) symlinkSync(join(pkg, "src/runtime"), runtime, "dir");
  return (await import(pathToFileURL(join(g.dir, module)).href)) as T;
}
