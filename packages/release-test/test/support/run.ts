import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The real workspace these tests examine (and never modify). */
export const WORKSPACE = join(dirname(fileURLToPath(import.meta.url)), "../../../..");

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds; the child is killed after it, so no test can hang on a child process. */
  timeout?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a command; rejects with its output when it fails or times out. */
export function run(command: string, args: readonly string[], o: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      [...args],
      {
        cwd: o.cwd,
        env: o.env ?? cleanEnv(),
        timeout: o.timeout ?? 120_000,
        killSignal: "SIGKILL",
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error)
          reject(
            new Error(`${command} ${args.join(" ")} (in ${o.cwd}) failed: ${error.message}\n${stdout}\n${stderr}`),
          );
        else resolve({ stdout, stderr });
      },
    );
  });
}

/**
 * The environment without what `pnpm test` and turbo put in it (npm_config_registry and friends
 * would override the registry the tests point at), plus the given variables.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_|turbo_)/i.test(k)) env[k] = v;
  }
  return { ...env, TURBO_TELEMETRY_DISABLED: "1", ...extra };
}

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
}

/** The folders under packages/ whose manifest is public: what a release publishes. */
export function publicPackageDirs(root: string): string[] {
  const base = join(root, "packages");
  return readdirSync(base)
    .map((d) => join(base, d))
    .filter((d) => existsSync(join(d, "package.json")) && readManifest(d).private !== true)
    .sort();
}
