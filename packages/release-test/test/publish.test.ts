import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, posix } from "node:path";
import { makeJobs, startLocalEndpoint, toWire } from "@dx/local-endpoint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRegistry, type Registry } from "./support/registry.js";
import { cleanEnv, publicPackageDirs, readManifest, run, WORKSPACE, type Manifest } from "./support/run.js";
import { copyWorkspace } from "./support/workspace-copy.js";

const CONSUMERS = join(WORKSPACE, "packages/release-test/consumers");
const CHANGESET = join(WORKSPACE, "node_modules/@changesets/cli/bin.js");
const TSC = join(WORKSPACE, "node_modules/typescript/bin/tsc");

/** x.y.z → x.(y+1).0: what one minor changeset does to the fixed group. */
function nextMinor(version: string): string {
  const [major, minor] = version.split(".").map(Number) as [number, number];
  return `${major}.${minor + 1}.0`;
}

/** Reads package/package.json out of a published tarball. */
async function tarballManifest(url: string, dir: string): Promise<Manifest> {
  const res = await fetch(url, { signal: AbortSignal.timeout(20_000) });
  expect(res.ok).toBe(true);
  const file = join(dir, basename(new URL(url).pathname));
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const out = join(dir, `${basename(file)}.d`);
  mkdirSync(out);
  await run("tar", ["-xzf", file, "-C", out], { cwd: dir });
  return readManifest(join(out, "package"));
}

/**
 * The first TypeScript example of a package README, with ambient stand-ins for the names an example
 * leaves to the reader (`url`, `headers`); undefined when it imports anything but @dx packages.
 */
function readmeExample(path: string): string | undefined {
  const code = /```ts\n([\s\S]*?)```/.exec(readFileSync(path, "utf8"))?.[1];
  if (code === undefined) return undefined;
  const sources = [...code.matchAll(/from "([^"]+)"/g)].map((m) => m[1] as string);
  if (sources.some((s) => !s.startsWith("@dx/"))) return undefined;
  return `${code}\ndeclare const url: string;\ndeclare const headers: Record<string, string>;\n`;
}

/** Paths of a published tarball's files, as npm packed them (package/...). */
async function tarballFiles(url: string, dir: string): Promise<string[]> {
  const file = join(dir, basename(new URL(url).pathname));
  return (await run("tar", ["-tzf", file], { cwd: dir })).stdout.split("\n").filter(Boolean);
}

describe("a changesets release to a local registry, installed by fresh consumers", () => {
  let tmp: string;
  let registry: Registry | undefined;
  let repo: string;
  let before: Manifest[];
  let expected: string;
  let publishLog: string;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "dx-release-"));
    mkdirSync(join(tmp, "registry"));
    repo = join(tmp, "repo");
    // Kept as soon as it is up, so that afterAll stops it even if the copy fails or times out.
    const starting = startRegistry(join(tmp, "registry")).then((r) => (registry = r));
    await Promise.all([starting, copyWorkspace(repo, { withDist: true })]);
    if (registry === undefined) throw new Error("unreachable: the registry started");
    before = publicPackageDirs(repo).map(readManifest);
    expected = nextMinor((before[0] as Manifest).version);

    // The maintainer's path, in the copy: pending changesets replaced by one minor bump, then
    // `changeset version` and `changeset publish` (what `pnpm version-packages` and `pnpm release` run).
    for (const f of readdirSync(join(repo, ".changeset"))) if (f.endsWith(".md")) rmSync(join(repo, ".changeset", f));
    const front = before.map((m) => `"${m.name}": minor`).join("\n");
    writeFileSync(
      join(repo, ".changeset/release-test.md"),
      `---\n${front}\n---\n\nA release made by the release test.\n`,
    );
    const env = cleanEnv({ npm_config_registry: registry.url });
    // Every registry setting points at the local one, so nothing can be published anywhere else.
    const npmrc = [
      `registry=${registry.url}`,
      `@dx:registry=${registry.url}`,
      `${registry.authKey}:_authToken=${registry.token}`,
    ];
    writeFileSync(join(repo, ".npmrc"), `${npmrc.join("\n")}\n`);
    await run(process.execPath, [CHANGESET, "version"], { cwd: repo, env });
    publishLog = (await run(process.execPath, [CHANGESET, "publish"], { cwd: repo, env, timeout: 180_000 })).stderr;
  }, 300_000);

  afterAll(async () => {
    await registry?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("versions the three packages together (fixed), writes changelogs, leaves the real tree alone", () => {
    expect(before.map((m) => m.name)).toEqual(expect.arrayContaining(["@dx/models"]));
    for (const dir of publicPackageDirs(repo)) {
      expect(readManifest(dir).version).toBe(expected);
      expect(readFileSync(join(dir, "CHANGELOG.md"), "utf8")).toContain(`## ${expected}`);
    }
    for (const dir of publicPackageDirs(WORKSPACE)) expect(readManifest(dir).version).not.toBe(expected);
    expect(existsSync(join(repo, ".changeset/release-test.md"))).toBe(false);
  });

  it("leaves private packages (generator, test support) unversioned and unpublished", async () => {
    const privateDirs = ["generator", ...readdirSync(join(repo, "packages")).map((d) => join("packages", d))].filter(
      (d) => existsSync(join(repo, d, "package.json")) && readManifest(join(repo, d)).private === true,
    );
    expect(privateDirs).toContain("generator");
    const tags = (await run("git", ["tag", "--list"], { cwd: repo })).stdout;
    for (const d of privateDirs) {
      const m = readManifest(join(repo, d));
      expect(m.version, m.name).toBe(readManifest(join(WORKSPACE, d)).version);
      expect(tags).not.toContain(`${m.name}@`);
      expect((await fetch(`${registry!.url}${m.name.replace("/", "%2f")}`)).status, m.name).toBe(404);
    }
  });

  it("publishes every public package, tags it, and replaces workspace: ranges by the released versions", async () => {
    expect(publishLog).not.toMatch(/packages failed to publish/);
    const tags = (await run("git", ["tag", "--list"], { cwd: repo })).stdout.split("\n");
    for (const m of before) {
      expect(tags).toContain(`${m.name}@${expected}`);
      const packument = (await (await fetch(`${registry!.url}${m.name.replace("/", "%2f")}`)).json()) as {
        versions: Record<string, { dist: { tarball: string } }>;
      };
      const published = packument.versions[expected];
      expect(published, `${m.name}@${expected} on the registry`).toBeDefined();
      const manifest = await tarballManifest(published!.dist.tarball, tmp);
      expect(manifest.version).toBe(expected);
      // Documented where a consumer meets it: a README (with an install line and an example) and a LICENSE.
      const files = await tarballFiles(published!.dist.tarball, tmp);
      expect(files, m.name).toEqual(expect.arrayContaining(["package/README.md", "package/LICENSE"]));
      // A source map must point inside the tarball: a map of sources it does not ship sends a user's
      // debugger and "go to definition" nowhere.
      const unpacked = join(tmp, `${basename(new URL(published!.dist.tarball).pathname)}.d`);
      for (const map of files.filter((f) => f.endsWith(".map"))) {
        const { sources = [] } = JSON.parse(readFileSync(join(unpacked, map), "utf8")) as { sources?: string[] };
        for (const source of sources) {
          expect(files, `${map} points at ${source}`).toContain(posix.join(posix.dirname(map), source));
        }
      }
      const readme = readFileSync(
        join(tmp, `${basename(new URL(published!.dist.tarball).pathname)}.d/package/README.md`),
        "utf8",
      );
      expect(readme).toContain(`npm install ${m.name}`);
      expect(readme).toMatch(/```ts\n[\s\S]*from "@dx\//);
      const ranges = { ...manifest.dependencies, ...manifest.peerDependencies };
      for (const [dep, range] of Object.entries(ranges)) {
        expect(range, `${m.name} → ${dep}`).not.toMatch(/^workspace:/);
        if (dep.startsWith("@dx/")) expect(range).toBe(expected);
      }
    }
  });

  it("has a consumer program for every public package", () => {
    for (const m of before) expect(existsSync(join(CONSUMERS, `${m.name.replace("@dx/", "")}.ts`)), m.name).toBe(true);
  });

  // One fresh project per public package, outside the workspace, installing only that package.
  it.each(publicPackageDirs(WORKSPACE).map((d) => readManifest(d).name))(
    "a fresh project installs only %s, compiles against it with tsc and runs",
    async (name) => {
      const short = name.replace("@dx/", "");
      const project = join(tmp, `consumer-${short}`);
      mkdirSync(project);
      writeFileSync(
        join(project, "package.json"),
        JSON.stringify({ name: `consumer-of-${short}`, version: "1.0.0", private: true, type: "module" }),
      );
      // Only @dx comes from the local registry; anything else a package needs comes from the usual one.
      writeFileSync(join(project, ".npmrc"), `@dx:registry=${registry!.url}\n`);
      writeFileSync(
        join(project, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            target: "ES2022",
            module: "NodeNext",
            moduleResolution: "NodeNext",
            lib: ["ES2022", "DOM"],
            types: [],
            strict: true,
            exactOptionalPropertyTypes: true,
            noUncheckedIndexedAccess: true,
            skipLibCheck: false,
            outDir: "dist",
            rootDir: ".",
          },
          files: ["main.ts"],
        }),
      );
      cpSync(join(CONSUMERS, `${short}.ts`), join(project, "main.ts"));
      const env = cleanEnv({ npm_config_cache: join(tmp, `npm-cache-${short}`), npm_config_update_notifier: "false" });
      await run("npm", ["install", `${name}@${expected}`, "--no-audit", "--no-fund", "--ignore-scripts"], {
        cwd: project,
        env,
        timeout: 180_000,
      });

      // Installed: the package and only the @dx packages it depends on, all at the released version.
      const installed = readManifest(join(project, "node_modules", name));
      const dxDeps = Object.keys(installed.dependencies ?? {}).filter((d) => d.startsWith("@dx/"));
      const dxInstalled = readdirSync(join(project, "node_modules/@dx")).map((d) => `@dx/${d}`);
      expect(dxInstalled.sort()).toEqual([name, ...dxDeps].sort());
      for (const d of dxInstalled) expect(readManifest(join(project, "node_modules", d)).version).toBe(expected);

      // The README's example, as published, compiles too (when it needs nothing but @dx packages).
      const example = readmeExample(join(project, "node_modules", name, "README.md"));
      if (example !== undefined) {
        writeFileSync(join(project, "readme.ts"), example);
        const config = JSON.parse(readFileSync(join(project, "tsconfig.json"), "utf8"));
        config.files.push("readme.ts");
        writeFileSync(join(project, "tsconfig.json"), JSON.stringify(config));
      }
      await run(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd: project, env });
      // The paginator's consumer also lists over the signed transport, from an endpoint that checks SigV4.
      const secret = "consumer-secret";
      const endpoint =
        name === "@dx/paginator"
          ? await startLocalEndpoint({
              jobs: toWire(makeJobs(7)),
              sigv4: { accessKeyId: "AKIDCONSUMER", secretAccessKey: secret, region: "us-east-1" },
            })
          : undefined;
      try {
        const { stdout } = await run(process.execPath, ["dist/main.js"], {
          cwd: project,
          env: endpoint
            ? { ...env, DX_SIGNED_ENDPOINT: endpoint.url, DX_SIGNED_SECRET: secret, DX_SIGNED_JOBS: "7" }
            : env,
        });
        expect(stdout).toContain(`${name} consumer ok`);
        if (endpoint) {
          expect(stdout).toContain("@dx/paginator consumer ok (signed): 7 jobs");
          // Pages 1-2 (MaxItems 3 ends inside page 2), then page 2 again from the resume token, 3 and 4;
          // then the wrong secret's one refused request (a 403 is not retried).
          expect(endpoint.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 403]);
          expect(endpoint.requests.every((r) => r.authorization?.startsWith("AWS4-HMAC-SHA256 "))).toBe(true);
        }
      } finally {
        await endpoint?.close();
      }
    },
  );
});
