/** A fake `fetch` that records each request (URL and headers) and answers 200 with `body`. */
export function captureFetch(body = "{}"): { fetch: typeof fetch; seen: { url: string; headers: Headers }[] } {
  const seen: { url: string; headers: Headers }[] = [];
  const fake = (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(url), headers: new Headers(init?.headers) });
    return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { fetch: fake, seen };
}
