/**
 * The service's endpoint rules (`smithy.rules#endpointRuleSet`, or the compiled
 * `smithy.rules#endpointBdd`) and the traits that bind their parameters
 * (`smithy.rules#clientContextParams`, `staticContextParams`, `contextParam`,
 * `operationContextParams`): the `/signed` bindings evaluate them at run time with
 * `@smithy/util-endpoints`, so each fault that would make that evaluation fail or misread the rules is
 * reported here, where it is written, instead.
 */
import { pointer, type Diagnostic } from "../diagnostics.js";
import { memberRefs, shapeName, traitsOf } from "../load/ast.js";
import { isObject, whereIn, type LoadedModel, type LoadedShape } from "../load/load.js";
import { decodeBddNodes, type Selection } from "../load/model.js";

/** The functions the engine knows: the standard library and `@aws-sdk/util-endpoints`' `aws.*` ones, by argument count. */
const FUNCTIONS: Record<string, readonly [min: number, max: number]> = {
  booleanEquals: [2, 2],
  coalesce: [1, Number.POSITIVE_INFINITY],
  getAttr: [2, 2],
  isSet: [1, 1],
  isValidHostLabel: [2, 2],
  ite: [3, 3],
  not: [1, 1],
  parseURL: [1, 1],
  split: [3, 3],
  stringEquals: [2, 2],
  substring: [4, 4],
  uriEncode: [1, 1],
  "aws.isVirtualHostableS3Bucket": [2, 2],
  "aws.parseArn": [1, 1],
  "aws.partition": [1, 1],
};

const PARAMETER_TYPES = new Set(["String", "string", "Boolean", "boolean", "stringArray", "StringArray"]);

/** The BDD's reference to its first result (`results[ref - RESULT]`, result 0 being "no match"). */
export const BDD_RESULT = 100_000_000;

type Report = (at: string, message: string) => void;

/** Checks the service's rule set or BDD, and every operation's and input member's parameter bindings. */
export function checkEndpointRules(model: LoadedModel, sel: Selection, out: Diagnostic[]): void {
  const service = sel.service;
  const traits = traitsOf(service.node);
  const report =
    (shape: LoadedShape, base: string): Report =>
    (at, message) =>
      out.push({ ...whereIn(shape, base + at), message: `${shapeName(shape.id)}: ${message}` });
  let parameters: Set<string> | undefined;
  if ("smithy.rules#endpointRuleSet" in traits) {
    const at = pointer("traits", "smithy.rules#endpointRuleSet");
    parameters = checkRuleSet(traits["smithy.rules#endpointRuleSet"], report(service, at));
  }
  if ("smithy.rules#endpointBdd" in traits) {
    const at = pointer("traits", "smithy.rules#endpointBdd");
    parameters = checkBdd(traits["smithy.rules#endpointBdd"], report(service, at));
  }
  const known = (name: unknown): boolean => parameters === undefined || parameters.has(name as string);
  const clientParams = traits["smithy.rules#clientContextParams"];
  if (clientParams !== undefined) {
    const say = report(service, pointer("traits", "smithy.rules#clientContextParams"));
    if (!isObject(clientParams)) say("", 'expected an object {"Name": {"type": "string" | "boolean", ...}}');
    else
      for (const [name, def] of Object.entries(clientParams))
        if (!isObject(def) || !["string", "boolean", "stringArray"].includes(def["type"] as string))
          say(pointer(name), `client context parameter ${name} needs a "type" of "string", "boolean" or "stringArray"`);
  }
  for (const id of sel.operations) {
    const op = model.shapes.get(id) as LoadedShape;
    const opTraits = traitsOf(op.node);
    const statics = opTraits["smithy.rules#staticContextParams"];
    if (statics !== undefined) {
      const say = report(op, pointer("traits", "smithy.rules#staticContextParams"));
      if (!isObject(statics)) say("", 'expected an object {"Name": {"value": string | boolean}}');
      else
        for (const [name, def] of Object.entries(statics)) {
          const value = isObject(def) ? def["value"] : undefined;
          if (!(typeof value === "string" || typeof value === "boolean" || isStringArray(value)))
            say(
              pointer(name),
              `static context parameter ${name} needs a "value" (a string, a boolean or a list of strings)`,
            );
          else if (!known(name))
            say(pointer(name), `static context parameter ${name} is not a parameter of the endpoint rules`);
        }
    }
    const paths = opTraits["smithy.rules#operationContextParams"];
    if (paths !== undefined) {
      const say = report(op, pointer("traits", "smithy.rules#operationContextParams"));
      if (!isObject(paths)) say("", 'expected an object {"Name": {"path": JMESPath expression}}');
      else
        for (const [name, def] of Object.entries(paths)) {
          const path = isObject(def) ? def["path"] : undefined;
          if (typeof path !== "string" || path === "")
            say(
              pointer(name),
              `operation context parameter ${name} needs a "path" (a JMESPath expression into the input)`,
            );
          else if (!known(name))
            say(pointer(name), `operation context parameter ${name} is not a parameter of the endpoint rules`);
        }
    }
    const input = isObject(op.node["input"]) ? model.shapes.get(op.node["input"]["target"] as string) : undefined;
    for (const ref of input === undefined ? [] : memberRefs(input.node)) {
      const param = ref.traits["smithy.rules#contextParam"];
      if (param === undefined) continue;
      const say = report(input as LoadedShape, `${ref.at}${pointer("traits", "smithy.rules#contextParam")}`);
      const name = isObject(param) ? param["name"] : undefined;
      if (typeof name !== "string" || name === "")
        say("", `member ${ref.member}: expected an object {"name": the endpoint rules' parameter}`);
      else if (!known(name))
        say("", `member ${ref.member}: context parameter ${name} is not a parameter of the endpoint rules`);
    }
  }
}

function isStringArray(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

/** The parameters' names, after checking their definitions; undefined when they cannot be read. */
function checkParameters(value: unknown, say: Report): Set<string> {
  const names = new Set<string>();
  if (!isObject(value)) {
    say("/parameters", 'expected an object of parameters {"Region": {"type": "String", ...}}');
    return names;
  }
  for (const [name, def] of Object.entries(value)) {
    names.add(name);
    const at = pointer("parameters", name);
    if (!isObject(def)) {
      say(at, `parameter ${name}: expected an object {"type": "String" | "Boolean" | "stringArray", ...}`);
      continue;
    }
    const type = def["type"];
    if (typeof type !== "string" || !PARAMETER_TYPES.has(type)) {
      say(
        `${at}/type`,
        `parameter ${name}: "type" must be "String", "Boolean" or "stringArray", got ${JSON.stringify(type)}`,
      );
      continue;
    }
    const kind = type.toLowerCase();
    if ("builtIn" in def && typeof def["builtIn"] !== "string")
      say(`${at}/builtIn`, `parameter ${name}: "builtIn" must be a string (AWS::Region, SDK::Endpoint, ...)`);
    if ("required" in def && typeof def["required"] !== "boolean")
      say(`${at}/required`, `parameter ${name}: "required" must be a boolean`);
    if ("default" in def) {
      const d = def["default"];
      const fits =
        kind === "boolean" ? typeof d === "boolean" : kind === "string" ? typeof d === "string" : isStringArray(d);
      if (!fits) say(`${at}/default`, `parameter ${name}: the default ${JSON.stringify(d)} is not a ${type}`);
    }
  }
  return names;
}

/** `smithy.rules#endpointRuleSet`: version, parameters, and rules whose references all resolve. */
function checkRuleSet(value: unknown, say: Report): Set<string> | undefined {
  if (!isObject(value)) {
    say("", 'expected an object {"version", "parameters", "rules"}');
    return undefined;
  }
  if (typeof value["version"] !== "string") say("/version", 'expected "version", a string ("1.0")');
  const names = checkParameters(value["parameters"], say);
  if (!Array.isArray(value["rules"])) say("/rules", 'expected "rules", an array of rules');
  else checkRules(value["rules"], "/rules", new Set(names), say);
  return names;
}

function checkRules(rules: unknown[], at: string, scope: ReadonlySet<string>, say: Report): void {
  rules.forEach((rule, i) => checkRule(rule, `${at}/${i}`, scope, say, true));
}

/** One rule: its conditions in order (each `assign` in scope for the next and the rule's body), then its body. */
function checkRule(rule: unknown, at: string, outer: ReadonlySet<string>, say: Report, withConditions: boolean): void {
  if (!isObject(rule)) {
    say(at, 'a rule must be an object with a "type": endpoint, error or tree');
    return;
  }
  const scope = new Set(outer);
  if (withConditions) {
    if (!Array.isArray(rule["conditions"]))
      say(at, 'a rule needs "conditions", an array (empty when it always applies)');
    else rule["conditions"].forEach((c, i) => checkCondition(c, `${at}/conditions/${i}`, scope, say));
  } else if (Array.isArray(rule["conditions"]) && rule["conditions"].length > 0)
    say(`${at}/conditions`, "a result of a BDD has no conditions (they are the BDD's nodes)");
  switch (rule["type"]) {
    case "endpoint": {
      const endpoint = rule["endpoint"];
      if (!isObject(endpoint)) {
        say(at, 'an endpoint rule needs "endpoint", an object {"url", "properties"?, "headers"?}');
        break;
      }
      checkExpression(endpoint["url"], `${at}/endpoint/url`, scope, say, "the URL");
      if ("properties" in endpoint) {
        if (!isObject(endpoint["properties"])) say(`${at}/endpoint/properties`, '"properties" must be an object');
        else checkValues(endpoint["properties"], `${at}/endpoint/properties`, scope, say);
      }
      if ("headers" in endpoint) {
        const headers = endpoint["headers"];
        if (!isObject(headers)) say(`${at}/endpoint/headers`, '"headers" must be an object of lists of values');
        else
          for (const [name, values] of Object.entries(headers)) {
            if (!Array.isArray(values))
              say(at + pointer("endpoint", "headers", name), `header ${name}: expected a list of values`);
            else
              values.forEach((v, i) =>
                checkExpression(v, at + pointer("endpoint", "headers", name, i), scope, say, "a header value"),
              );
          }
      }
      break;
    }
    case "error":
      checkExpression(rule["error"], `${at}/error`, scope, say, "the error message");
      break;
    case "tree":
      if (!Array.isArray(rule["rules"])) say(at, 'a tree rule needs "rules", an array of rules');
      else checkRules(rule["rules"], `${at}/rules`, scope, say);
      break;
    default:
      say(`${at}/type`, `a rule's "type" must be "endpoint", "error" or "tree", got ${JSON.stringify(rule["type"])}`);
  }
}

/** A condition: a known function with its arguments, and an `assign` that names something new. */
function checkCondition(c: unknown, at: string, scope: Set<string>, say: Report): void {
  if (!isObject(c) || typeof c["fn"] !== "string") {
    say(at, 'a condition must be a function call {"fn": name, "argv": [...], "assign"?: name}');
    return;
  }
  checkCall(c, at, scope, say);
  const assign = c["assign"];
  if (assign !== undefined) {
    if (typeof assign !== "string" || assign === "") say(`${at}/assign`, '"assign" must be a non-empty name');
    else if (scope.has(assign))
      say(`${at}/assign`, `"assign" names ${assign}, which is already a parameter or assigned`);
    else scope.add(assign);
  }
}

function checkCall(c: Record<string, unknown>, at: string, scope: ReadonlySet<string>, say: Report): void {
  const fn = c["fn"] as string;
  const arity = FUNCTIONS[fn];
  const argv = c["argv"];
  if (arity === undefined)
    say(
      `${at}/fn`,
      `unknown function ${JSON.stringify(fn)} (the rules engine has ${Object.keys(FUNCTIONS).join(", ")})`,
    );
  if (!Array.isArray(argv)) {
    say(at, `${fn}: expected "argv", an array of arguments`);
    return;
  }
  if (arity !== undefined && (argv.length < arity[0] || argv.length > arity[1]))
    say(
      `${at}/argv`,
      `${fn} takes ${arity[0] === arity[1] ? arity[0] : `at least ${arity[0]}`} argument(s), got ${argv.length}`,
    );
  argv.forEach((arg, i) => checkExpression(arg, `${at}/argv/${i}`, scope, say, `argument ${i} of ${fn}`));
}

/** A value: a literal (a string template's `{Name}`s in scope), a `{"ref"}` in scope, or a function call. */
function checkExpression(e: unknown, at: string, scope: ReadonlySet<string>, say: Report, what: string): void {
  if (typeof e === "string") {
    for (const [, inner] of e.matchAll(/(?<!\{)\{([^{}]+)\}(?!\})/g)) {
      const name = (inner as string).split("#")[0] as string;
      if (!scope.has(name))
        say(at, `${what} refers to {${inner}}, but ${name} is not a parameter or assigned before it`);
    }
    return;
  }
  if (typeof e === "boolean" || typeof e === "number") return;
  if (Array.isArray(e)) {
    e.forEach((v, i) => checkExpression(v, `${at}/${i}`, scope, say, what));
    return;
  }
  if (!isObject(e)) {
    say(at, `${what} must be a string, a boolean, a {"ref"} or a function call, got ${JSON.stringify(e)}`);
    return;
  }
  if ("ref" in e) {
    if (typeof e["ref"] !== "string" || !scope.has(e["ref"]))
      say(at, `${what} refers to ${JSON.stringify(e["ref"])}, which is not a parameter or assigned before it`);
    return;
  }
  if ("fn" in e && typeof e["fn"] === "string") {
    checkCall(e, at, scope, say);
    return;
  }
  checkValues(e, at, scope, say);
}

/** An object of values (an endpoint's properties, as its `authSchemes`). */
function checkValues(o: Record<string, unknown>, at: string, scope: ReadonlySet<string>, say: Report): void {
  for (const [key, value] of Object.entries(o))
    checkExpression(value, at + pointer(key), scope, say, `property ${key}`);
}

/** `smithy.rules#endpointBdd`: parameters, conditions, results without conditions, and nodes that stay in range. */
function checkBdd(value: unknown, say: Report): Set<string> | undefined {
  if (!isObject(value)) {
    say("", 'expected an object {"version", "parameters", "conditions", "results", "root", "nodeCount", "nodes"}');
    return undefined;
  }
  if (typeof value["version"] !== "string") say("/version", 'expected "version", a string ("1.1")');
  const names = checkParameters(value["parameters"], say);
  const conditions = value["conditions"];
  const results = value["results"];
  // Conditions are evaluated in the order the nodes reach them; any may read what any other assigns.
  const scope = new Set(names);
  for (const c of Array.isArray(conditions) ? conditions : [])
    if (isObject(c) && typeof c["assign"] === "string") scope.add(c["assign"]);
  if (!Array.isArray(conditions)) say("/conditions", 'expected "conditions", an array of conditions');
  else
    conditions.forEach((c, i) => {
      const others = new Set(scope);
      if (isObject(c)) others.delete(c["assign"] as string);
      checkCondition(c, `/conditions/${i}`, others, say);
    });
  if (!Array.isArray(results)) say("/results", 'expected "results", an array of endpoint or error rules');
  else results.forEach((r, i) => checkRule(r, `/results/${i}`, scope, say, false));
  const count = value["nodeCount"];
  const root = value["root"];
  if (!Number.isInteger(count) || (count as number) < 1) {
    say("/nodeCount", `expected "nodeCount", a positive integer, got ${JSON.stringify(count)}`);
    return names;
  }
  const nodes = decodeBddNodes(value["nodes"]);
  if (nodes === undefined || nodes.length !== (count as number) * 3) {
    say(
      "/nodes",
      `expected "nodes", the base64 of ${count} nodes of three 32-bit integers (${(count as number) * 12} bytes)`,
    );
    return names;
  }
  const conditionCount = Array.isArray(conditions) ? conditions.length : 0;
  const resultCount = (Array.isArray(results) ? results.length : 0) + 1;
  const badRef = (ref: number): boolean =>
    ref >= BDD_RESULT ? ref - BDD_RESULT >= resultCount : ref === 0 || Math.abs(ref) > (count as number);
  if (!Number.isInteger(root) || badRef(root as number))
    say(
      "/root",
      `"root" must refer to a node (±1 to ±${count}) or a result (${BDD_RESULT} + index), got ${JSON.stringify(root)}`,
    );
  for (let i = 1; i < (count as number); i++) {
    const [condition, high, low] = nodes.slice(i * 3, i * 3 + 3) as [number, number, number];
    if (condition < 0 || condition >= conditionCount || badRef(high) || badRef(low)) {
      say(
        "/nodes",
        `node ${i} is [${condition}, ${high}, ${low}]: its condition must be one of the ${conditionCount} and its branches nodes or results`,
      );
      break;
    }
  }
  return names;
}
