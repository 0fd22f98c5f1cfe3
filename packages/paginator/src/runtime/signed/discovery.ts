/**
 * Endpoint discovery as the AWS SDKs do it (`aws.api#clientEndpointDiscovery`, Timestream): an
 * operation served only at a discovered host is sent there, after the service's discovery operation
 * answered it; the answer is kept for its `CachePeriodInMinutes` and forgotten on the trait's error.
 */
import { describeValue } from "../describe.js";
import type { EndpointDiscovery, HttpBinding } from "./binding.js";
import { EndpointDiscoveryError } from "./errors.js";
import { isHttpUrl } from "./http.js";

/** A discovered endpoint: its URL, and when it expires (ms since the epoch). */
interface Discovered {
  url: string;
  expires: number;
}

/** Sends the discovery operation (empty input) and resolves to its wire body. */
export type AskDiscovery = (describe: HttpBinding) => Promise<unknown>;

/** The cache key of a discovery: one answer per signing name, regional host and discovery operation. */
export function discoveryKey(discovery: EndpointDiscovery, signingName: string, regional: string): string {
  return `${signingName} ${regional} ${discovery.target ?? `${discovery.method} ${discovery.uri}`}`;
}

/** Discovered hosts by key: the answer (pending while it is asked, so concurrent requests ask once), and its expiry. */
export class DiscoveredEndpoints {
  private readonly cache = new Map<string, { found: Promise<Discovered>; expires?: number }>();

  /** The URL to send `binding`'s request to: cached, else asked for once with `ask`. */
  async url(binding: HttpBinding, key: string, ask: AskDiscovery): Promise<string> {
    const cached = this.cache.get(key);
    if (cached !== undefined && (cached.expires === undefined || cached.expires > Date.now()))
      return (await cached.found).url;
    const discovery = binding.discovery as EndpointDiscovery;
    const entry: { found: Promise<Discovered>; expires?: number } = {
      found: ask(describeBinding(binding, discovery)).then((body) => endpointOf(body, discovery)),
    };
    this.cache.set(key, entry);
    entry.found.then(
      (found) => {
        entry.expires = found.expires;
      },
      () => {
        // A failed discovery is not kept: the next request asks again.
        if (this.cache.get(key) === entry) this.cache.delete(key);
      },
    );
    return (await entry.found).url;
  }

  /** The service no longer serves the operation at the discovered host: the next request discovers again. */
  forget(key: string): void {
    this.cache.delete(key);
  }
}

/** The discovery operation's binding: its input is empty; the regional host, signature and retries are the operation's. */
function describeBinding(binding: HttpBinding, discovery: EndpointDiscovery): HttpBinding {
  const { target, method = "POST", uri = "/" } = discovery;
  return {
    protocol: binding.protocol,
    signingName: binding.signingName,
    ...(binding.endpointPrefix !== undefined && { endpointPrefix: binding.endpointPrefix }),
    ...(binding.dualStackOnly !== undefined && { dualStackOnly: binding.dualStackOnly }),
    // The service's endpoint rules, without the operation's parameters (the discovery operation binds none).
    ...(binding.endpointRules !== undefined && { endpointRules: binding.endpointRules }),
    ...(binding.auth !== undefined && { auth: binding.auth }),
    ...(binding.queryCompatible !== undefined && { queryCompatible: binding.queryCompatible }),
    method,
    uri,
    ...(target !== undefined && { target }),
    members: {},
  };
}

/** The first endpoint of the discovery operation's answer, as the SDKs read it, or an EndpointDiscoveryError. */
function endpointOf(body: unknown, discovery: EndpointDiscovery): Discovered {
  const what = discovery.target ?? `${discovery.method ?? "POST"} ${discovery.uri ?? "/"}`;
  const endpoints = (body as { Endpoints?: unknown } | null)?.Endpoints;
  const first = Array.isArray(endpoints) ? (endpoints[0] as Record<string, unknown> | undefined) : undefined;
  const address = first?.["Address"];
  if (typeof address !== "string" || address === "")
    throw new EndpointDiscoveryError(
      `signedClient: the endpoint discovery (${what}) answered no endpoint: ${
        !Array.isArray(endpoints)
          ? `Endpoints is ${describeValue(endpoints)}`
          : endpoints.length === 0
            ? "Endpoints is empty"
            : `the first endpoint's Address is ${describeValue(address)}`
      }`,
    );
  const url = /^https?:\/\//i.test(address) ? address : `https://${address}`;
  if (!isHttpUrl(url))
    throw new EndpointDiscoveryError(
      `signedClient: the endpoint discovery (${what}) answered an Address that is not a host, got ${describeValue(address)}`,
    );
  const minutes = first?.["CachePeriodInMinutes"];
  return { url, expires: Date.now() + (typeof minutes === "number" && minutes > 0 ? minutes * 60_000 : 0) };
}
