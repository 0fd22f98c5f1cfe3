/** esbuild over the built package, as a consumer's bundler would see it (browser platform, minified). */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const dist = (file: string): string => join(packageDir, "dist", file).replaceAll("\\", "/");

/** Fails the build on any import of the AWS SDK (as if it were not installed) or of a Node built-in. */
export const withoutSdkOrNode: Plugin = {
  name: "without-sdk-or-node",
  setup(b) {
    b.onResolve({ filter: /^(@aws-sdk\/|@smithy\/|@aws-crypto\/|node:)/ }, (args) => ({
      errors: [{ text: `${args.path} is not available (imported by ${args.importer})` }],
    }));
  },
};

export interface Bundle {
  code: string;
  bytes: number;
  metafile: Metafile;
  /** Paths of the modules inlined (with bytes in the output: what tree shaking kept). */
  inputs: string[];
}

/** Bundles `source` (module text, resolved from `resolveDir`, the package by default). */
export async function bundle(
  source: string,
  plugins: Plugin[] = [],
  format: "esm" | "iife" = "esm",
  resolveDir = packageDir,
): Promise<Bundle> {
  const result = await build({
    stdin: { contents: source, resolveDir, sourcefile: "entry.ts", loader: "ts" },
    bundle: true,
    minify: true,
    platform: "browser",
    format,
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins,
  });
  const code = result.outputFiles[0]?.text ?? "";
  return {
    code,
    bytes: Buffer.byteLength(code),
    metafile: result.metafile,
    inputs: Object.values(result.metafile.outputs).flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, i]) => i.bytesInOutput > 0)
        .map(([path]) => path),
    ),
  };
}
