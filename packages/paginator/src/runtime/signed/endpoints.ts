/**
 * Endpoint resolution as the AWS SDKs do it: the service's Smithy endpoint rules (generated into
 * `endpointRules.gen.ts`, a rule set or its BDD) evaluated by `@smithy/util-endpoints`, with the AWS
 * functions (`aws.partition`, `aws.parseArn`, `aws.isVirtualHostableS3Bucket`) of
 * `@aws-sdk/util-endpoints`, over the parameters the SDKs bind: the client's builtIns, its client
 * context parameters, and the operation's static, context and operation context parameters.
 */
import { awsEndpointFunctions } from "@aws-sdk/util-endpoints";
import {
  customEndpointFunctions,
  decideEndpoint,
  type EndpointParams,
  resolveEndpoint,
  type RuleSetObject,
} from "@smithy/util-endpoints";
import { describeValue } from "../describe.js";
import { search } from "../jmespath.js";
import { EndpointResolutionError } from "./errors.js";

/** A value of an endpoint parameter. */
export type EndpointParamValue = string | boolean | readonly string[];

/** A parameter of the rules: its type, where the client fills it from (`AWS::Region`, …), whether it is required, its default. */
export interface EndpointParameter {
  type: string;
  builtIn?: string;
  required?: boolean;
  default?: EndpointParamValue;
}

/** The service's endpoint rules as generated: a rule set (`version`, `rules`) or a BDD, with their parameters. */
export interface EndpointRules {
  parameters: Readonly<Record<string, EndpointParameter>>;
  version?: string;
  rules?: readonly unknown[];
  /** The BDD in `decideEndpoint`'s form: conditions `[fn, argv, assign?]`, results, root, nodes. */
  bdd?: {
    conditions: readonly (readonly unknown[])[];
    results: readonly (readonly unknown[])[];
    root: number;
    nodes: readonly number[];
  };
  /** `smithy.rules#clientContextParams`: the parameters a client's `clientContextParams` may set, with their types. */
  clientContextParams?: Readonly<Record<string, string>>;
}

/** How an operation binds the rules' parameters (see the IR's `IrEndpointParams`). */
export interface OperationEndpointParams {
  staticParams?: Readonly<Record<string, EndpointParamValue>>;
  contextParams?: Readonly<Record<string, string>>;
  operationParams?: Readonly<Record<string, string>>;
}

/** What the client's settings give the rules' builtIn parameters. */
export interface EndpointSettings {
  region: string;
  useFipsEndpoint: boolean;
  useDualstackEndpoint: boolean;
  endpoint?: string | undefined;
  clientContextParams?: Readonly<Record<string, EndpointParamValue>> | undefined;
}

/** What the engine gives (smithy's `EndpointV2`, declared here so that this package's types need no `@smithy/types`). */
export interface RulesEndpoint {
  url: URL;
  properties?: Record<string, unknown>;
  headers?: Record<string, string[]>;
}

/** An endpoint the rules resolved: its URL, the headers it adds, and how requests to it are signed. */
export interface ResolvedEndpoint {
  url: string;
  headers: Record<string, string>;
  /** SigV4's service name and region from the endpoint's `authSchemes`, where it names them. */
  signingName?: string;
  signingRegion?: string;
}

/** The builtIns the client fills, by name; others (`AWS::Auth::AccountId`, …) stay unset, as the SDKs leave them when unknown. */
function builtIn(name: string | undefined, settings: EndpointSettings): EndpointParamValue | undefined {
  switch (name) {
    case "AWS::Region":
      return settings.region;
    case "AWS::UseFIPS":
      return settings.useFipsEndpoint;
    case "AWS::UseDualStack":
      return settings.useDualstackEndpoint;
    case "SDK::Endpoint":
      return settings.endpoint;
    default:
      return undefined;
  }
}

/** Whether the rules take the client's `endpoint` (a parameter bound to `SDK::Endpoint`). */
export function takesEndpoint(rules: EndpointRules): boolean {
  return Object.values(rules.parameters).some((p) => p.builtIn === "SDK::Endpoint");
}

/**
 * The parameters of one request, as the SDKs bind them: builtIns and client context parameters from
 * the client's settings, then the operation's static parameters, its input members
 * (`contextParams`) and JMESPath paths into its input (`operationParams`); unset ones left out.
 */
export function endpointParams(
  rules: EndpointRules,
  bound: OperationEndpointParams | undefined,
  settings: EndpointSettings,
  input: Record<string, unknown>,
): Record<string, EndpointParamValue> {
  const params: Record<string, EndpointParamValue> = {};
  const set = (name: string, value: unknown): void => {
    if (value !== undefined && value !== null && Object.hasOwn(rules.parameters, name))
      params[name] = value as EndpointParamValue;
  };
  for (const [name, p] of Object.entries(rules.parameters)) set(name, builtIn(p.builtIn, settings));
  const client = settings.clientContextParams;
  if (client !== undefined)
    for (const name of Object.keys(rules.clientContextParams ?? {}))
      if (Object.hasOwn(client, name)) set(name, client[name]);
  for (const [name, value] of Object.entries(bound?.staticParams ?? {})) set(name, value);
  for (const [name, member] of Object.entries(bound?.contextParams ?? {})) set(name, input[member]);
  for (const [name, path] of Object.entries(bound?.operationParams ?? {})) set(name, search(input, path));
  return params;
}

/** The AWS functions, registered once, when the first endpoint is resolved (nothing runs on import). */
function registerAwsFunctions(): void {
  if (customEndpointFunctions["aws"] === undefined)
    customEndpointFunctions["aws"] = awsEndpointFunctions as unknown as (typeof customEndpointFunctions)[string];
}

/**
 * Evaluates the rules for `params` (a copy: the engine fills in defaults): the endpoint, or an
 * EndpointResolutionError with the rules' own message (`Invalid Configuration: FIPS and custom
 * endpoint are not supported`). Defaults are applied and required parameters checked for both forms.
 */
export function evaluateRules(
  rules: EndpointRules,
  params: Readonly<Record<string, EndpointParamValue>>,
): RulesEndpoint {
  registerAwsFunctions();
  const endpointParams: Record<string, unknown> = { ...params };
  for (const [name, p] of Object.entries(rules.parameters)) {
    if (endpointParams[name] == null && p.default !== undefined) endpointParams[name] = p.default;
    if (endpointParams[name] == null && p.required === true)
      throw new EndpointResolutionError(`the endpoint rules need the parameter ${name}, which is not set`);
  }
  try {
    return rules.bdd !== undefined
      ? decideEndpoint(rules.bdd as unknown as Parameters<typeof decideEndpoint>[0], {
          endpointParams: endpointParams as EndpointParams,
        })
      : resolveEndpoint(rules as unknown as RuleSetObject, { endpointParams: endpointParams as EndpointParams });
  } catch (error) {
    throw new EndpointResolutionError(
      `the endpoint rules resolve no endpoint for ${describeParams(params)}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

function describeParams(params: Readonly<Record<string, EndpointParamValue>>): string {
  const entries = Object.entries(params).map(([k, v]) => `${k}=${describeValue(v)}`);
  return entries.length === 0 ? "no parameters" : entries.join(", ");
}

/** The SigV4 scheme among the endpoint's `authSchemes` (the first), or an EndpointResolutionError when it names only others (`sigv4a`). */
export function toResolved(endpoint: RulesEndpoint): ResolvedEndpoint {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(endpoint.headers ?? {})) headers[name.toLowerCase()] = values.join(",");
  const schemes = (endpoint.properties?.["authSchemes"] ?? []) as readonly Record<string, unknown>[];
  const resolved: ResolvedEndpoint = { url: endpoint.url.href, headers };
  if (!Array.isArray(schemes) || schemes.length === 0) return resolved;
  const sigv4 = schemes.find((s) => s?.["name"] === "sigv4");
  if (sigv4 === undefined)
    throw new EndpointResolutionError(
      `the endpoint rules give ${endpoint.url.href} the auth scheme(s) ${schemes.map((s) => s?.["name"]).join(", ")}; @dx/paginator/signed signs SigV4 only: use @dx/paginator/sdk (an AWS SDK client) for this service`,
    );
  if (typeof sigv4["signingName"] === "string") resolved.signingName = sigv4["signingName"];
  if (typeof sigv4["signingRegion"] === "string") resolved.signingRegion = sigv4["signingRegion"];
  return resolved;
}

/**
 * Resolved endpoints by parameter set, per rules object, as the SDKs' `EndpointCache` keeps them: a
 * request whose parameters did not change (the next page of a paginator) does not run the rules
 * again. At most `size` sets per rules; the oldest goes first.
 */
export class EndpointCache {
  private readonly byRules = new WeakMap<EndpointRules, Map<string, ResolvedEndpoint>>();
  constructor(private readonly size = 50) {}

  resolve(rules: EndpointRules, params: Readonly<Record<string, EndpointParamValue>>): ResolvedEndpoint {
    let cache = this.byRules.get(rules);
    if (cache === undefined) this.byRules.set(rules, (cache = new Map()));
    const key = JSON.stringify(params);
    let found = cache.get(key);
    if (found === undefined) {
      found = toResolved(evaluateRules(rules, params));
      if (cache.size >= this.size) cache.delete(cache.keys().next().value as string);
      cache.set(key, found);
    }
    return found;
  }
}
