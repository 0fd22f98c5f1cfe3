/// <reference lib="dom" />
/**
 * A real browser: a page bundled from the built packages runs in headless Chromium (Debian's chromium,
 * driven by playwright-core over CDP) against the local endpoint on another origin (so CORS is used),
 * lists with PageSize + MaxItems, resumes from each resume token, and shows what it got.
 * Outside CI the test is skipped (loudly) when /usr/bin/chromium is missing; `.ci/run` installs it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeJobs, startLocalEndpoint, toWire, type LocalEndpoint } from "@dx/local-endpoint";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, packageDir, withoutSdkOrNode } from "./support/bundle.js";

const CHROMIUM = process.env["DX_CHROMIUM"] ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && process.env["CI"] === undefined)
  console.warn(`SKIPPED: the browser test needs ${CHROMIUM} (apt-get install -y chromium)`);

const JOBS = makeJobs(47, 11);

describe.runIf(available || process.env["CI"] !== undefined)("in headless Chromium", () => {
  let endpoint: LocalEndpoint;
  let site: Server;
  let siteUrl: string;
  let browser: BrowserContext;
  const profile = mkdtempSync(join(tmpdir(), "dx-chromium-"));

  beforeAll(async () => {
    endpoint = await startLocalEndpoint({ jobs: toWire(JOBS) });
    // The page's own text is the entry: a bare import of it would be dropped ("sideEffects": false).
    const pageDir = join(packageDir, "test", "browser");
    const script = await bundle(readFileSync(join(pageDir, "page.ts"), "utf8"), [withoutSdkOrNode], "iife", pageDir);
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>listing</title></head><body><ol id="jobs"></ol><pre id="result"></pre><script src="/page.js"></script></body></html>`;
    site = createServer((req, res) => {
      if (req.url?.startsWith("/page.js")) res.writeHead(200, { "content-type": "text/javascript" }).end(script.code);
      else res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    // A fresh profile (--user-data-dir) per run: playwright takes it as launchPersistentContext's argument.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    await endpoint?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it("lists every job once with PageSize + MaxItems, resuming from each token, across origins", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("requestfailed", (r) => errors.push(`${r.url()}: ${r.failure()?.errorText ?? "failed"}`));
    await page.goto(`${siteUrl}/?endpoint=${encodeURIComponent(endpoint.url)}`);
    await page
      .waitForFunction(() => document.title === "done", undefined, { timeout: 30_000 })
      .catch(async (e: unknown) =>
        errors.push(
          `the page did not finish (${String(e)}): title ${await page.title()}, ${endpoint.requests.length} requests, ${(await page.content()).slice(0, 300)}`,
        ),
      );
    expect(errors).toEqual([]);
    const result = JSON.parse((await page.textContent("#result")) || "{}") as {
      ids?: string[];
      runs?: number;
      tokens?: string[];
      dates?: number;
      error?: string;
    };
    expect(errors).toEqual([]);
    expect(result.error).toBeUndefined();
    expect(result.ids).toEqual(JOBS.map((j) => j.Id)); // in order: no losses, no duplicates
    expect(new Set(result.ids).size).toBe(JOBS.length);
    expect(result.runs).toBe(5); // 47 jobs, 10 a run
    expect(result.tokens?.length).toBe(4);
    expect(result.dates).toBe(JOBS.length); // timestamps became Dates in the browser
    // What the page shows is what it got.
    expect(await page.locator("#jobs li").allTextContents()).toEqual(JOBS.map((j) => j.Id));
    // The requests came from the page's origin, with PageSize as maxResults.
    expect(endpoint.requests.every((r) => r.origin === siteUrl && r.query["maxResults"] === "7")).toBe(true);
    await page.close();
  }, 60_000);
});
