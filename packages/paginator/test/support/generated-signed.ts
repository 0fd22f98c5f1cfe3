import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generate } from "@dx/generator";
import { build } from "esbuild";
import { packageDir } from "./bundle.js";
import { linkRuntimes, repoRoot } from "./compile-generated.js";

/**
 * Generates the packages for `spec` under `out/name`, bundles what `entry` exports (given where each
 * package's generated source is linked), and imports the bundle. `nodePaths`: where packages that the
 * generated files import from outside this package (an SDK client) are found.
 */
export async function generatedBundle(
  out: string,
  name: string,
  spec: object,
  entry: (at: (pkg: string) => string) => string,
  nodePaths: string[] = [],
): Promise<Record<string, unknown>> {
  const root = join(out, name);
  const specFile = join(out, `${name}.json`);
  writeFileSync(specFile, JSON.stringify(spec));
  generate({ root: repoRoot, specs: [specFile], outRoot: root });
  const at = linkRuntimes(root);
  const file = join(root, "bundle.mjs");
  await build({
    stdin: { contents: entry(at), resolveDir: packageDir, loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: file,
    logLevel: "silent",
    nodePaths,
    alias: { "@dx/validators": join(at("validators"), "index.ts") },
  });
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

/** `generatedBundle` of the `/signed` bindings with the runtime's `signedClient`. */
export function generatedSigned(out: string, name: string, spec: object): Promise<Record<string, unknown>> {
  return generatedBundle(
    out,
    name,
    spec,
    (at) => `export * from ${JSON.stringify(join(at("paginator"), "generated", "signed", "index.gen.ts"))};
export { signedClient } from ${JSON.stringify(join(at("paginator"), "runtime", "signed", "client.ts"))};`,
  );
}
