import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generate } from "@dx/generator";
import { build } from "esbuild";
import { packageDir } from "./bundle.js";
import { linkRuntimes, repoRoot } from "./compile-generated.js";

/**
 * Generates the packages for `spec` under `out/name`, bundles its `/signed` bindings with the runtime
 * (and `signedClient`), and imports the bundle.
 */
export async function generatedSigned(out: string, name: string, spec: object): Promise<Record<string, unknown>> {
  const root = join(out, name);
  const specFile = join(out, `${name}.json`);
  writeFileSync(specFile, JSON.stringify(spec));
  generate({ root: repoRoot, specs: [specFile], outRoot: root });
  const at = linkRuntimes(root);
  const file = join(root, "bundle.mjs");
  await build({
    stdin: {
      contents: `export * from ${JSON.stringify(join(at("paginator"), "generated", "signed", "index.gen.ts"))};
export { signedClient } from ${JSON.stringify(join(at("paginator"), "runtime", "signed", "client.ts"))};`,
      resolveDir: packageDir,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: file,
    logLevel: "silent",
    alias: { "@dx/validators": join(at("validators"), "index.ts") },
  });
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}
