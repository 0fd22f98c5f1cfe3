import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { join } from "node:path";

export interface Registry {
  url: string;
  /** "//127.0.0.1:PORT/" as npm keys auth lines. */
  authKey: string;
  token: string;
  stop(): Promise<void>;
}

/** A port the OS just had free on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts verdaccio (the devDependency of this package) on 127.0.0.1 with storage and users under
 * `dir`: @dx/* is served only from that storage (no uplink, so nothing can come from elsewhere) and
 * publishing needs a user, which is created through the registry's own user API.
 */
export async function startRegistry(dir: string): Promise<Registry> {
  const port = await freePort();
  const config = join(dir, "verdaccio.yaml");
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dir, "storage"))}`,
      "auth:",
      "  htpasswd:",
      `    file: ${JSON.stringify(join(dir, "htpasswd"))}`,
      "    max_users: 1",
      "uplinks: {}",
      "packages:",
      "  '@dx/*':",
      "    access: $all",
      "    publish: $authenticated",
      "    unpublish: $authenticated",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "web:",
      "  enable: false",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  const verdaccio = createRequire(import.meta.url).resolve("verdaccio/bin/verdaccio");
  const child = spawn(process.execPath, [verdaccio, "--config", config, "--listen", `127.0.0.1:${port}`], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => void (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => void (log += d.toString()));
  const killOnExit = (): void => void child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const stop = async (): Promise<void> => {
    process.removeListener("exit", killOnExit);
    await terminate(child);
  };
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilUp(url, child, () => log);
    const token = await createUser(url);
    return { url, authKey: `//127.0.0.1:${port}/`, token, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`verdaccio did not answer on ${url} within 30 s:\n${log()}`);
}

async function createUser(url: string): Promise<string> {
  const res = await fetch(`${url}-/user/org.couchdb.user:release-test`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "release-test", password: "release-test-password" }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as { token?: string };
  if (!res.ok || typeof body.token !== "string")
    throw new Error(`verdaccio refused the user: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

/** SIGTERM, then SIGKILL after 5 s: stopping never hangs. */
function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
