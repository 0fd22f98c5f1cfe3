/**
 * Type-checks what `generate` wrote under `out` for one model: the models, the validators and the
 * paginator's bindings (plain and signed; SDK ones where the service's SDK client is given), each
 * generated folder beside the hand-written runtime it imports, as in the workspace, under the
 * repo's strict settings.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const repoRoot = resolve(packageDir, "..", "..");
const require = createRequire(import.meta.url);

/** The declaration entry of a dependency of this package. */
function typesOf(name: string): string {
  const dir = dirname(require.resolve(`${name}/package.json`));
  return join(dir, (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { types: string }).types);
}

/**
 * Links this repo's hand-written runtimes into packages generated under `root` (as they sit beside
 * the generated folders in the real packages); returns where each package's `src` is.
 */
export function linkRuntimes(root: string): (pkg: string) => string {
  const at = (pkg: string) => join(root, "packages", pkg, "src");
  symlinkSync(join(packageDir, "src", "runtime"), join(at("paginator"), "runtime"), "dir");
  symlinkSync(join(repoRoot, "packages", "validators", "src", "runtime"), join(at("validators"), "runtime"), "dir");
  // The package's entry (its generated functions and the runtime's ValidationError), as `@dx/validators`
  // resolves; a copy, since a link would resolve `./generated` beside the original.
  copyFileSync(join(repoRoot, "packages", "validators", "src", "index.ts"), join(at("validators"), "index.ts"));
  return at;
}

/** tsc's output (empty when it passes) and exit status; `files` are checked too (code that uses the bindings). */
export function typecheckGenerated(
  out: string,
  sdk?: { name: string; types: string },
  files: readonly string[] = [],
): { output: string; status: number | null } {
  const at = linkRuntimes(out);
  const generated = join(at("paginator"), "generated");
  const tsconfig = {
    extends: join(repoRoot, "tsconfig.base.json"),
    compilerOptions: {
      noEmit: true,
      typeRoots: [join(packageDir, "node_modules", "@types")],
      paths: {
        "@dx/models": [join(at("models"), "generated", "index.gen.ts")],
        "@dx/validators": [join(at("validators"), "index.ts")],
        "@smithy/core/serde": [join(dirname(typesOf("@smithy/core")), "submodules", "serde", "index.d.ts")],
        ...(sdk && { [sdk.name]: [sdk.types] }),
        // The signed transport's dependencies, as this package resolves them.
        "@smithy/signature-v4": [typesOf("@smithy/signature-v4")],
        "@aws-crypto/sha256-js": [typesOf("@aws-crypto/sha256-js")],
        "@aws-sdk/util-endpoints": [typesOf("@aws-sdk/util-endpoints")],
        "@smithy/util-endpoints": [typesOf("@smithy/util-endpoints")],
        "@smithy/core/protocols": [join(dirname(typesOf("@smithy/core")), "submodules", "protocols", "index.d.ts")],
      },
    },
    files: [
      join(at("models"), "generated", "index.gen.ts"),
      join(at("validators"), "generated", "index.gen.ts"),
      join(generated, "index.gen.ts"),
      join(generated, "signed", "index.gen.ts"),
      ...(sdk ? [join(generated, "sdk", "index.gen.ts")] : []),
      ...files,
    ],
  };
  writeFileSync(join(out, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module" }));
  const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(out, "tsconfig.json")], {
    encoding: "utf8",
    timeout: 170_000,
  });
  return { output: tsc.stdout + tsc.stderr, status: tsc.status };
}
