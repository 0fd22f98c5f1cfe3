/**
 * `@dx/paginator/signed` on Node (the `node` export condition): the same API as `signed.ts`, whose
 * client sends with `node:http`/`https` (keep-alive) and hashes with `node:crypto` unless given a `fetch`.
 */
import { nodePlatform } from "./runtime/signed/node.js";
import { SignedClient as PortableSignedClient, type SignedClientOptions } from "./runtime/signed/client.js";
import type { SignedPlatform } from "./runtime/signed/http.js";

export * from "./signed.js";
export { nodeHttpHandler, NodeSha256, type NodeHttpOptions } from "./runtime/signed/node.js";

/** A signing, retrying sender for one service endpoint; on Node it sends with `node:http`/`https`. */
export class SignedClient extends PortableSignedClient {
  constructor(options: SignedClientOptions, platform: SignedPlatform = nodePlatform()) {
    super(options, platform);
  }
}

/** A signing, retrying client for `@dx/paginator/signed`'s bindings (on Node: `node:http`/`https`, keep-alive). */
export function signedClient(options: SignedClientOptions): SignedClient {
  return new SignedClient(options);
}
