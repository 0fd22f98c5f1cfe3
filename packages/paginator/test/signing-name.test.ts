/**
 * The SigV4 service name and the default host are two things: Connect Contact Lens signs as "connect"
 * at contact-lens.<region>.amazonaws.com, Route 53 Recovery Cluster as "route53-recovery-cluster" (its
 * sdkId without spaces, "route53recoverycluster", is neither). A binding's `signingName` signs and its
 * `endpointPrefix`, when given, names the host; without it the host is the signing name, as before.
 */
import { describe, expect, it } from "vitest";
import type { HttpBinding } from "../src/runtime/signed/binding.js";
import { SignedClient } from "../src/runtime/signed/client.js";
import { captureFetch } from "./support/capture-fetch.js";

const binding = (extra: Partial<HttpBinding>): HttpBinding => ({
  protocol: "restJson1",
  signingName: "connect",
  method: "POST",
  uri: "/realtime-contact-analysis/analysis-segments",
  members: { InstanceId: ["body", "InstanceId"] },
  ...extra,
});

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

describe("the signing name and the endpoint prefix", () => {
  it("signs with signingName and sends to the endpointPrefix host", async () => {
    const { fetch, seen } = captureFetch();
    const client = new SignedClient({ region: "eu-west-2", credentials, fetch });
    await client.send(binding({ endpointPrefix: "contact-lens" }), { InstanceId: "i" });
    expect(seen).toHaveLength(1);
    expect(new URL(seen[0]?.url ?? "").host).toBe("contact-lens.eu-west-2.amazonaws.com");
    expect(seen[0]?.headers.get("authorization")).toMatch(
      /Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/connect\/aws4_request/,
    );
  });

  it("without a prefix, the host is the signing name; an explicit endpoint and signingName win", async () => {
    const { fetch, seen } = captureFetch();
    await new SignedClient({ region: "us-east-1", credentials, fetch }).send(binding({}), {});
    expect(new URL(seen[0]?.url ?? "").host).toBe("connect.us-east-1.amazonaws.com");
    await new SignedClient({
      region: "us-east-1",
      credentials,
      fetch,
      endpoint: "https://example.test",
      signingName: "other",
    }).send(binding({ endpointPrefix: "contact-lens" }), {});
    expect(new URL(seen[1]?.url ?? "").host).toBe("example.test");
    expect(seen[1]?.headers.get("authorization")).toContain("/us-east-1/other/aws4_request");
  });
});
