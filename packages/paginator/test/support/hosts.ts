import { generatedSigned } from "./generated-signed.js";

const generated = new Map<string, Promise<Record<string, unknown>>>();
type Paginate = (client: unknown, params: object) => AsyncIterable<Record<string, unknown>>;

/** A request of a run: where it went and the SigV4 credential scope it was signed with (`<region>/<service>/aws4_request`). */
export interface SentTo {
  url: string;
  scope: string | undefined;
}

/**
 * Runs `paginate<operation>` of the `/signed` binding generated for `model` (under `out/name`, generated
 * once) from `region` over a fake service answering `pages` in order; returns the page objects and where
 * each request went. `endpoint` is passed to `signedClient()` where given.
 */
export async function sentTo(options: {
  out: string;
  name: string;
  model: object;
  operation: string;
  input: object;
  pages: readonly object[];
  region: string;
  endpoint?: string;
  /** Other options of `signedClient()` (`useFipsEndpoint`, `useDualstackEndpoint`, `disableHostPrefix`, …). */
  options?: object;
}): Promise<{ sent: SentTo[]; pages: Record<string, unknown>[] }> {
  const key = `${options.out}/${options.name}`;
  let api = generated.get(key);
  if (api === undefined) generated.set(key, (api = generatedSigned(options.out, options.name, options.model)));
  const m = await api;
  let page = 0;
  const sent: SentTo[] = [];
  const fake = (async (url: string | URL | Request, init?: RequestInit) => {
    const authorization = new Headers(init?.headers).get("authorization") ?? "";
    sent.push({ url: String(url), scope: /Credential=[^/]+\/\d{8}\/([^,]+)/.exec(authorization)?.[1] });
    return new Response(JSON.stringify(options.pages[page++] ?? {}), {
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;
  const client = (m["signedClient"] as (o: object) => unknown)({
    region: options.region,
    credentials: { accessKeyId: "AKIDHOSTS", secretAccessKey: "hosts-secret" },
    fetch: fake,
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...options.options,
  });
  const pages: Record<string, unknown>[] = [];
  for await (const p of (m[`paginate${options.operation}`] as Paginate)(client, options.input)) pages.push(p);
  return { sent, pages };
}
