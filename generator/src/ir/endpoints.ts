/**
 * How AWS reaches the service and its operations, read from the service's and operations' traits:
 * signing name and endpoint prefix, the endpoint rules and the bindings of their parameters, auth
 * schemes, endpoint discovery, host prefixes, unsigned operations, the SDK id.
 */
import { memberRefs, shapeName, traitsOf } from "../load/ast.js";
import { isObject, type LoadedModel, type LoadedShape } from "../load/load.js";
import { decodeBddNodes } from "../load/model.js";
import type { IrEndpointParameter, IrEndpointRules, IrOperation, IrService } from "./types.js";

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

/** A copy of a rule set's value without its `documentation` strings (the engine never reads them). */
function withoutDocs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDocs);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (key !== "documentation") out[key] = withoutDocs(v);
  return out;
}

/** The parameters as the engine reads them: type, builtIn, required and default (no documentation or deprecation). */
function parametersOf(value: unknown): Record<string, IrEndpointParameter> {
  const out: Record<string, IrEndpointParameter> = {};
  for (const [name, def] of Object.entries(isObject(value) ? value : {})) {
    const d = def as Record<string, unknown>;
    out[name] = {
      type: d["type"] as string,
      ...(typeof d["builtIn"] === "string" && { builtIn: d["builtIn"] }),
      ...(d["required"] === true && { required: true }),
      ...(d["default"] !== undefined && { default: d["default"] as NonNullable<IrEndpointParameter["default"]> }),
    };
  }
  return out;
}

/**
 * The service's endpoint rules as the `/signed` bindings evaluate them with `@smithy/util-endpoints`:
 * the BDD (`smithy.rules#endpointBdd`, which the SDKs prefer where a model has both) in the engine's
 * form (conditions as `[fn, argv, assign?]`, results as `[url, properties, headers]` or `[-1, error]`
 * after the "no match" result 0, nodes decoded), else the rule set (`smithy.rules#endpointRuleSet`)
 * without its documentation; with the client context parameters (`smithy.rules#clientContextParams`).
 */
export function endpointRules(traits: Record<string, unknown>): { endpointRules?: IrEndpointRules } {
  const bdd = traits["smithy.rules#endpointBdd"];
  const ruleSet = traits["smithy.rules#endpointRuleSet"];
  const client = traits["smithy.rules#clientContextParams"];
  const clientContextParams = isObject(client)
    ? Object.fromEntries(Object.entries(client).map(([name, def]) => [name, (def as { type: string }).type]))
    : undefined;
  const extra = clientContextParams === undefined ? {} : { clientContextParams };
  if (isObject(bdd)) {
    const conditions = (bdd["conditions"] as Record<string, unknown>[]).map((c) => [
      c["fn"],
      withoutDocs(c["argv"]),
      ...(typeof c["assign"] === "string" ? [c["assign"]] : []),
    ]);
    const results = (bdd["results"] as Record<string, unknown>[]).map((r) => {
      if (r["type"] === "error") return [-1, withoutDocs(r["error"])];
      const e = r["endpoint"] as Record<string, unknown>;
      return [withoutDocs(e["url"]), withoutDocs(e["properties"] ?? {}), withoutDocs(e["headers"] ?? {})];
    });
    return {
      endpointRules: {
        parameters: parametersOf(bdd["parameters"]),
        bdd: {
          conditions,
          results: [[-1], ...results],
          root: bdd["root"] as number,
          nodes: decodeBddNodes(bdd["nodes"]) as number[],
        },
        ...extra,
      },
    };
  }
  if (isObject(ruleSet))
    return {
      endpointRules: {
        parameters: parametersOf(ruleSet["parameters"]),
        ruleSet: { version: ruleSet["version"] as string, rules: withoutDocs(ruleSet["rules"]) as unknown[] },
        ...extra,
      },
    };
  return {};
}

/**
 * How the operation binds the rules' parameters, as the SDKs bind them: fixed values
 * (`smithy.rules#staticContextParams`), input members (`smithy.rules#contextParam`, by the member's
 * name) and JMESPath paths into the input (`smithy.rules#operationContextParams`).
 */
export function endpointParams(model: LoadedModel, op: LoadedShape): Pick<IrOperation, "endpointParams"> {
  const traits = traitsOf(op.node);
  const statics = traits["smithy.rules#staticContextParams"];
  const paths = traits["smithy.rules#operationContextParams"];
  const inputRef = op.node["input"];
  const input = isObject(inputRef) ? model.shapes.get(inputRef["target"] as string) : undefined;
  const context: Record<string, string> = {};
  for (const ref of input === undefined ? [] : memberRefs(input.node)) {
    const param = ref.traits["smithy.rules#contextParam"];
    if (isObject(param) && typeof param["name"] === "string") context[param["name"]] = ref.member as string;
  }
  const params: NonNullable<IrOperation["endpointParams"]> = {
    ...(isObject(statics) && {
      staticParams: Object.fromEntries(
        Object.entries(statics).map(([name, def]) => [name, (def as { value: string | boolean | string[] }).value]),
      ),
    }),
    ...(Object.keys(context).length > 0 && { contextParams: context }),
    ...(isObject(paths) && {
      operationParams: Object.fromEntries(
        Object.entries(paths).map(([name, def]) => [name, (def as { path: string }).path]),
      ),
    }),
  };
  return Object.keys(params).length === 0 ? {} : { endpointParams: params };
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
