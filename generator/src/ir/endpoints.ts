/**
 * How AWS reaches the service and its operations, read from the service's and operations' traits:
 * signing name and endpoint prefix, auth schemes, fixed hosts of the endpoint rules per partition,
 * endpoint discovery, host prefixes, unsigned operations, the SDK id.
 */
import { shapeName, traitsOf } from "../load/ast.js";
import { isObject, type LoadedModel } from "../load/load.js";
import type { IrOperation, IrService } from "./types.js";

/**
 * How AWS reaches the service: the SigV4 signing name (`aws.auth#sigv4` name) and the endpoint prefix
 * (`aws.api#service` endpointPrefix), which may differ from each other and from the sdkId (Contact
 * Lens signs as "connect" at contact-lens.<region>; CloudWatch Logs signs as "logs"), and whether its
 * hosts are dual-stack only (`aws.endpoints#dualStackOnlyEndpoints`).
 */
export function signing(traits: Record<string, unknown>): {
  signingName?: string;
  endpointPrefix?: string;
  dualStackOnly?: true;
} {
  const sigv4 = traits["aws.auth#sigv4"];
  const service = traits["aws.api#service"];
  const prefix = isObject(service) ? service["endpointPrefix"] : undefined;
  return {
    ...(isObject(sigv4) && typeof sigv4["name"] === "string" && { signingName: sigv4["name"] }),
    ...(typeof prefix === "string" && prefix !== "" && { endpointPrefix: prefix }),
    // Its endpoint rules resolve to the partition's dual-stack domain only (Aurora DSQL: dsql.<region>.api.aws).
    ...("aws.endpoints#dualStackOnlyEndpoints" in traits && { dualStackOnly: true as const }),
  };
}

/**
 * The auth schemes other than SigV4 that the service's endpoint rules (`smithy.rules#endpointRuleSet`,
 * `smithy.rules#endpointBdd`) give their endpoints (`properties.authSchemes[].name`), as CloudFront
 * KeyValueStore's `sigv4a`; sorted, absent when there are none.
 */
export function endpointAuthSchemes(traits: Record<string, unknown>): { endpointAuthSchemes?: string[] } {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (isObject(node))
      for (const [key, value] of Object.entries(node)) {
        if (key === "authSchemes" && Array.isArray(value))
          for (const scheme of value)
            if (isObject(scheme) && typeof scheme["name"] === "string" && scheme["name"] !== "sigv4")
              names.add(scheme["name"]);
        walk(value);
      }
  };
  walk(traits["smithy.rules#endpointRuleSet"]);
  walk(traits["smithy.rules#endpointBdd"]);
  return names.size === 0 ? {} : { endpointAuthSchemes: [...names].sort() };
}

/** The AWS partitions (`aws.partition` names) the endpoint rules are evaluated for. */
const PARTITION_NAMES = ["aws", "aws-cn", "aws-us-gov", "aws-eusc", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f"];

/**
 * The partitions whose regions the service's endpoint rules send to one fixed host (AWS Budgets:
 * `https://budgets.amazonaws.com`, signed for `us-east-1`; Free Tier: `https://freetier.us-east-1.api.aws`),
 * found by evaluating the rules (`smithy.rules#endpointRuleSet`) as the SDKs do for a region of that
 * partition with FIPS and dual-stack off and no endpoint given. A partition is left out where the
 * rules reach a templated URL (`{Region}`: the regional host), an error, or a condition that depends
 * on more than the partition (a region's name); absent when no partition has such a host.
 */
export function partitionEndpoints(traits: Record<string, unknown>): {
  partitionEndpoints?: Record<string, { url: string; signingRegion?: string }>;
} {
  const ruleSet = traits["smithy.rules#endpointRuleSet"];
  if (!isObject(ruleSet) || !Array.isArray(ruleSet["rules"])) return {};
  const found: Record<string, { url: string; signingRegion?: string }> = {};
  for (const partition of PARTITION_NAMES) {
    const url = evaluateRules(ruleSet["rules"], partition);
    if (url !== undefined) found[partition] = url;
  }
  return Object.keys(found).length === 0 ? {} : { partitionEndpoints: found };
}

/** A condition's value for a region of `partition`, FIPS and dual-stack off, no endpoint; undefined when it depends on more. */
function conditionHolds(c: unknown, partition: string): boolean | undefined {
  if (!isObject(c) || !Array.isArray(c["argv"])) return undefined;
  const argv = c["argv"] as unknown[];
  const ref = (x: unknown) => (isObject(x) && typeof x["ref"] === "string" ? x["ref"] : undefined);
  if (c["fn"] === "isSet" && ref(argv[0]) === "Endpoint") return false;
  if (c["fn"] === "isSet" && ref(argv[0]) === "Region") return true;
  if (c["fn"] === "aws.partition") return true;
  if (c["fn"] === "booleanEquals") {
    const flag = argv.find((x) => ref(x) === "UseFIPS" || ref(x) === "UseDualStack");
    const value = argv.find((x) => typeof x === "boolean");
    return flag === undefined || value === undefined ? undefined : value === false;
  }
  if (c["fn"] === "stringEquals") {
    const named = (x: unknown) =>
      isObject(x) && x["fn"] === "getAttr" && Array.isArray(x["argv"]) && (x["argv"] as unknown[])[1] === "name";
    const name = named(argv[0]) ? argv[1] : named(argv[1]) ? argv[0] : undefined;
    return typeof name === "string" ? name === partition : undefined;
  }
  return undefined;
}

/** The fixed endpoint the rules give a region of `partition` (first matching rule, trees entered), or undefined. */
function evaluateRules(rules: unknown[], partition: string): { url: string; signingRegion?: string } | undefined {
  for (const rule of rules) {
    if (!isObject(rule)) return undefined;
    const conditions = Array.isArray(rule["conditions"]) ? (rule["conditions"] as unknown[]) : [];
    let holds = true;
    for (const c of conditions) {
      const value = conditionHolds(c, partition);
      if (value === undefined) return undefined; // depends on the region's name or another input: no fixed host
      if (!value) {
        holds = false;
        break;
      }
    }
    if (!holds) continue;
    if (rule["type"] === "tree")
      return Array.isArray(rule["rules"]) ? evaluateRules(rule["rules"], partition) : undefined;
    const endpoint = rule["endpoint"];
    if (rule["type"] !== "endpoint" || !isObject(endpoint) || typeof endpoint["url"] !== "string") return undefined;
    if (endpoint["url"].includes("{")) return undefined; // the regional host (templated): the default
    const properties = endpoint["properties"];
    const schemes = isObject(properties) && Array.isArray(properties["authSchemes"]) ? properties["authSchemes"] : [];
    const sigv4 = (schemes as unknown[]).find((x) => isObject(x) && x["name"] === "sigv4");
    const region = isObject(sigv4) ? sigv4["signingRegion"] : undefined;
    return { url: endpoint["url"], ...(typeof region === "string" && { signingRegion: region }) };
  }
  return undefined;
}

/**
 * Whether the operation is sent unsigned: its effective `smithy.api#auth` (the operation's trait,
 * else the service's) lists schemes and SigV4 is not among them (`@auth([])` is Smithy's noAuth, as
 * the SSO portal's ListAccounts). Without either trait the operation is signed, as before.
 */
export function unsigned(opTraits: Record<string, unknown>, serviceTraits: Record<string, unknown>): boolean {
  const auth = opTraits["smithy.api#auth"] ?? serviceTraits["smithy.api#auth"];
  return Array.isArray(auth) && !auth.includes("aws.auth#sigv4");
}

/** The service's `aws.api#clientEndpointDiscovery`: its operation's name and HTTP binding, its error's name. */
export function endpointDiscovery(
  model: LoadedModel,
  traits: Record<string, unknown>,
): Pick<IrService, "endpointDiscovery"> {
  const trait = traits["aws.api#clientEndpointDiscovery"];
  if (!isObject(trait) || typeof trait["operation"] !== "string") return {};
  const op = model.shapes.get(trait["operation"]);
  const http = op === undefined ? undefined : traitsOf(op.node)["smithy.api#http"];
  const error = trait["error"];
  return {
    endpointDiscovery: {
      operation: shapeName(trait["operation"]),
      ...(isObject(http) && { http: { method: String(http["method"]), uri: String(http["uri"]) } }),
      ...(typeof error === "string" && { error: shapeName(error) }),
    },
  };
}

/** The operation's `aws.api#clientDiscoveredEndpoint`: whether it must be sent to a discovered host. */
export function discoveredEndpoint(traits: Record<string, unknown>): Pick<IrOperation, "discoveredEndpoint"> {
  const trait = traits["aws.api#clientDiscoveredEndpoint"];
  if (!isObject(trait)) return {};
  return { discoveredEndpoint: trait["required"] === true ? "required" : "optional" };
}

/** The operation's `smithy.api#endpoint` hostPrefix (`api.`, `{AccountId}.`), when it has one. */
export function hostPrefix(traits: Record<string, unknown>): { hostPrefix?: string } {
  const endpoint = traits["smithy.api#endpoint"];
  const prefix = isObject(endpoint) ? endpoint["hostPrefix"] : undefined;
  return typeof prefix === "string" && prefix !== "" ? { hostPrefix: prefix } : {};
}

/** The AWS SDK id from `aws.api#service`, when the service declares one. */
export function sdkId(traits: Record<string, unknown>): { sdkId?: string } {
  const service = traits["aws.api#service"];
  return isObject(service) && typeof service["sdkId"] === "string" ? { sdkId: service["sdkId"] } : {};
}
