/**
 * A fast-check arbitrary of valid Smithy 2.0 JSON AST models as AWS publishes them (flattened, no
 * mixins): one service of a JSON protocol with sigv4 and aws.api#service, operations (some bound
 * through a resource), errors, restJson1 HTTP bindings, streaming blobs and event streams,
 * pagination (service-level too, nested paths, pages only), host prefixes, and the same shape name
 * in two namespaces told apart by the service's `rename`. Shapes come from model-shapes.ts.
 */
import fc from "fast-check";
import { Draw, Names, AWKWARD_SHAPE_NAMES } from "./model-names.js";
import { type Node, type Protocol, put, Shapes, type Target } from "./model-shapes.js";

export interface RandomModel {
  protocol: Protocol;
  serviceId: string;
  /** The JSON AST document. */
  model: { smithy: "2.0"; shapes: Record<string, Node> };
}

const PROTOCOL_TRAITS: Record<Protocol, string> = {
  restJson1: "aws.protocols#restJson1",
  awsJson1_0: "aws.protocols#awsJson1_0",
  awsJson1_1: "aws.protocols#awsJson1_1",
};
const OP_NAMES = [
  "ListThings",
  "GetObject",
  "Object",
  "Date",
  "Error",
  "Promise",
  "Map",
  "Record",
  "constructor",
  "toString",
  "String",
  "DescribeJobs",
  "Operations",
];
const HEADERS = [
  "x-amz-thing",
  "X-Custom-Header",
  "If-Match",
  "ETag",
  "Last-Modified",
  "x-amz-expected-bucket-owner",
  "Content-Language",
  "x-amz-list",
];
const QUERIES = ["nextToken", "max-results", "filter", "Type", "type", "a b", "x.y", "prefix"];
const TOKEN_NAMES = ["NextToken", "nextToken", "Marker", "ContinuationToken", "constructor"];
const SIZE_NAMES = ["MaxResults", "maxResults", "Limit", "PageSize"];

class ModelBuilder {
  readonly s: Shapes;
  readonly d: Draw;
  readonly ops: string[] = [];
  readonly errors: string[] = [];
  /** Pagination members: bound to the query or left in the body, never to a header or label. */
  readonly paging = new WeakSet<Node>();
  /** Service-level pagination names, when the service has the trait. */
  servicePaging?: { inputToken: string; outputToken: string; pageSize?: string };

  constructor(
    d: Draw,
    readonly protocol: Protocol,
  ) {
    this.d = d;
    const ns = d.pick(["com.amazonaws.thing", "example.weather", "aws.sample"]);
    this.s = new Shapes(d, ns, new Names(d), protocol);
  }

  build(): RandomModel {
    const { d, s } = this;
    const serviceName = s.names.next("Svc", AWKWARD_SHAPE_NAMES);
    for (let i = d.int(0, 4); i > 0; i--) s.simple();
    for (let i = d.int(0, 3); i > 0; i--) s.enumShape();
    for (let i = d.int(0, 3); i > 0; i--) s.structure();
    for (let i = d.int(0, 3); i > 0; i--) this.error();
    if (d.bool(30)) {
      const inputToken = d.pick(TOKEN_NAMES);
      this.servicePaging = { inputToken, outputToken: inputToken, ...(d.bool() && { pageSize: d.pick(SIZE_NAMES) }) };
    }
    for (let i = d.int(1, 4); i > 0; i--) this.operation();
    const rename = this.otherNamespace();
    const serviceId = s.id(serviceName);
    const bound = d.bool(30) && this.ops.length > 1 ? this.ops.slice(0, d.int(1, this.ops.length - 1)) : [];
    const resources: Node[] = [];
    if (bound.length > 0) {
      const resource = s.id(s.names.next("Resource", AWKWARD_SHAPE_NAMES));
      s.add(resource, { type: "resource", operations: bound.map((target) => ({ target })) });
      resources.push({ target: resource });
    }
    const sdkId = d.pick(["Thing", "ACM PCA", "codestar notifications", "SageMaker Runtime", "IoT Data Plane"]);
    const protocolValue =
      this.protocol === "restJson1" && d.bool() ? { http: ["h2", "http/1.1"], eventStreamHttp: ["h2"] } : {};
    s.add(serviceId, {
      type: "service",
      version: d.pick(["2020-01-01", "2014-03-28"]),
      operations: this.ops.filter((o) => !bound.includes(o)).map((target) => ({ target })),
      ...(resources.length > 0 && { resources }),
      ...(d.bool(30) && this.errors.length > 0 && { errors: [{ target: this.errors[0] }] }),
      ...(rename && { rename }),
      traits: {
        "aws.api#service": { sdkId, arnNamespace: "thing", cloudFormationName: "Thing", endpointPrefix: "thing" },
        "aws.auth#sigv4": { name: d.pick(["thing", "execute-api", "s3"]) },
        [PROTOCOL_TRAITS[this.protocol]]: protocolValue,
        "smithy.api#title": "Thing Service",
        ...(d.bool(20) && { "smithy.api#auth": ["aws.auth#sigv4"] }),
        ...s.doc(60),
        ...(this.servicePaging && { "smithy.api#paginated": this.servicePaging }),
      },
    });
    return { protocol: this.protocol, serviceId, model: { smithy: "2.0", shapes: s.shapes } };
  }

  /** The same name in a second namespace, both referenced from an output; the service renames one. */
  otherNamespace(): Node | undefined {
    const { s, d } = this;
    const structure = s.structures[0];
    const holder = this.ops
      .map((op) => (s.shapes[op] as Node)["output"]?.target as string | undefined)
      .map((id) => (id === undefined ? undefined : (s.shapes[id] as Node)))
      .find(
        (o) =>
          o !== undefined && !Object.values(o["members"] as Node).some((m) => m.traits?.["smithy.api#httpPayload"]),
      );
    if (!d.bool(30) || structure === undefined || holder === undefined) return undefined;
    const name = structure.split("#")[1] as string;
    const other = s.id(name, "other.ns");
    const type = d.pick(["string", "integer", "structure"]);
    s.add(other, { type, ...(type === "structure" && { members: { Inner: { target: "smithy.api#String" } } }) });
    s.addMember(holder, { id: structure, type: "structure" }, false);
    s.addMember(holder, { id: other, type }, false);
    return { [other]: s.names.next("Other", AWKWARD_SHAPE_NAMES) };
  }

  error(): string {
    const { s, d } = this;
    const kind = d.pick(["client", "server"] as const);
    const traits: Node = { "smithy.api#error": kind };
    if (this.protocol === "restJson1")
      traits["smithy.api#httpError"] = kind === "client" ? d.pick([400, 403, 404, 409, 429]) : d.pick([500, 503]);
    if (d.bool(20)) traits["smithy.api#retryable"] = {};
    const id = s.id(s.names.next("", ["Error", "Exception", "ValidationError", "ServiceException", "Object", "Date"]));
    const node: Node = { type: "structure", members: {}, traits: { ...traits, ...s.doc(30) } };
    s.add(id, node);
    s.addMember(node, s.lookup("smithy.api#String"), false, {}, d.pick(["message", "Message"]));
    s.fill(node, d.int(0, 2), 1);
    if (this.protocol === "restJson1" && d.bool(20))
      s.addMember(node, s.lookup("smithy.api#Integer"), false, { "smithy.api#httpHeader": "Retry-After" });
    this.errors.push(id);
    return id;
  }

  operation(): void {
    const { s, d } = this;
    const rest = this.protocol === "restJson1";
    const name = s.names.next("Op", OP_NAMES);
    const id = s.id(name);
    const traits: Node = { ...s.doc(50) };
    const paged = d.bool(40);
    const stream =
      !paged && d.bool(15) ? d.pick(["eventIn", "eventOut", ...(rest ? ["blobIn", "blobOut"] : [])]) : undefined;
    // awsJson: an input or output may be a structure used elsewhere too (older models share them).
    const shared = (): string | undefined =>
      !rest && !paged && !stream && s.structures.length > 0 && d.bool(15)
        ? s.structures[d.int(0, s.structures.length - 1)]
        : undefined;
    const input = shared() ?? (paged || stream || d.bool(80) ? this.io(name, "Request", "input") : undefined);
    const output = shared() ?? (paged || stream || d.bool(80) ? this.io(name, "Response", "output") : undefined);
    const inNode = input && (s.shapes[input] as Node);
    const outNode = output && (s.shapes[output] as Node);
    if (paged && inNode && outNode) traits["smithy.api#paginated"] = this.paginate(inNode, outNode);
    if (stream && inNode && outNode) this.stream(stream, stream.endsWith("In") ? inNode : outNode);
    if (inNode && d.bool(15)) {
      const member = s.addMember(
        inNode,
        s.lookup("smithy.api#String"),
        false,
        { "smithy.api#idempotencyToken": {} },
        "ClientToken",
      );
      delete (inNode["members"] as Node)[member]?.traits?.["smithy.api#required"];
    }
    if (rest && !paged && !stream && d.bool(15)) {
      const holder = d.bool() ? inNode : outNode;
      const payload = s.d.pick(
        s.targets.filter((t) => ["structure", "union", "string", "blob", "document"].includes(t.type)),
      );
      if (holder) s.addMember(holder, payload, false, { "smithy.api#httpPayload": {} });
    }
    const inPayload =
      inNode && Object.values(inNode["members"] as Node).some((m) => m.traits?.["smithy.api#httpPayload"]);
    if (inNode && !inPayload && d.bool(15)) {
      const label = d.bool()
        ? s.addMember(
            inNode,
            s.lookup("smithy.api#String"),
            false,
            { "smithy.api#hostLabel": {}, "smithy.api#required": {} },
            "AccountId",
          )
        : undefined;
      traits["smithy.api#endpoint"] = { hostPrefix: label ? `{${label}}.` : d.pick(["data-", "api."]) };
    }
    // An operation that may go unsigned, or is never signed (an empty @auth, as the SSO portal's).
    const auth = d.int(1, 10);
    if (auth === 1) traits["smithy.api#optionalAuth"] = {};
    if (auth === 2) traits["smithy.api#auth"] = [];
    let uri = `/${name.toLowerCase()}-${this.ops.length}`;
    if (rest) {
      if (inNode) uri = this.bindInput(inNode, uri);
      if (outNode) this.bindOutput(outNode);
      const bodyless = !inNode || Object.values(inNode["members"] as Node).every((m) => this.isBound(m));
      const method = bodyless ? d.pick(["GET", "DELETE", "POST"]) : d.pick(["POST", "PUT", "PATCH"]);
      traits["smithy.api#http"] = { method, uri, ...(d.bool(20) && { code: d.pick([200, 201, 202]) }) };
      if (method === "GET" && d.bool(50)) traits["smithy.api#readonly"] = {};
    }
    const errors = this.errors.filter(() => d.bool(40)).map((target) => ({ target }));
    s.add(id, {
      type: "operation",
      ...(input && { input: { target: input } }),
      ...(output && { output: { target: output } }),
      ...(errors.length > 0 && { errors }),
      ...s.withTraits(traits),
    });
    this.ops.push(id);
  }

  io(op: string, suffix: string, role: "input" | "output"): string {
    const { s, d } = this;
    const id = s.id(s.names.next(`${op}${suffix}`, []));
    const node: Node = { type: "structure", members: {}, traits: { [`smithy.api#${role}`]: {} } };
    s.add(id, node);
    s.fill(node, d.int(0, 4), 1);
    return id;
  }

  isBound(m: Node): boolean {
    const t = m.traits ?? {};
    return [
      "httpLabel",
      "httpQuery",
      "httpQueryParams",
      "httpHeader",
      "httpPrefixHeaders",
      "httpPayload",
      "httpResponseCode",
    ].some((k) => `smithy.api#${k}` in t);
  }

  /** Adds pagination members (maybe nested in the output) and returns the operation's trait. */
  paginate(input: Node, output: Node): Node {
    const { s, d } = this;
    const p = this.servicePaging;
    if (p) for (const n of [p.inputToken, p.pageSize]) if (n) dropMember(input, n);
    const inputToken = s.addMember(
      input,
      s.lookup("smithy.api#String"),
      false,
      {},
      p?.inputToken ?? d.pick(TOKEN_NAMES),
    );
    const sizeName = p ? p.pageSize : d.bool(70) ? d.pick(SIZE_NAMES) : undefined;
    const pageSize =
      sizeName && s.addMember(input, s.lookup(d.pick(["smithy.api#Integer", "smithy.api#Long"])), false, {}, sizeName);
    strip(input, inputToken, pageSize);
    for (const m of [inputToken, pageSize]) if (m) this.paging.add((input["members"] as Node)[m]);
    // Nested: the token and items sit in a structure of the output (`Page.Token`).
    const nested = !p && d.bool(30);
    let holder = output;
    let prefix = "";
    // One or two levels down (`Page.Token`, `Result.Page.Token`).
    for (let level = nested ? d.int(1, 2) : 0; level > 0; level--) {
      const page = s.structure(2);
      prefix += `${s.addMember(holder, { id: page, type: "structure" }, false)}.`;
      holder = s.shapes[page] as Node;
    }
    if (p) dropMember(holder, p.outputToken);
    const outputToken = s.addMember(
      holder,
      s.lookup("smithy.api#String"),
      false,
      {},
      p?.outputToken ?? d.pick(TOKEN_NAMES),
    );
    strip(holder, outputToken);
    this.paging.add((holder["members"] as Node)[outputToken]);
    const trait: Node = {};
    if (!p) Object.assign(trait, { inputToken, outputToken: prefix + outputToken, ...(pageSize && { pageSize }) });
    if (d.bool(80)) {
      const itemsShape = d.bool(80) ? s.list(s.target(2).id) : s.map(s.target(2).id);
      const items = s.addMember(holder, s.lookup(itemsShape), false);
      trait["items"] = prefix + items;
    }
    if (p && p.outputToken !== outputToken) throw new Error("service-level token name taken");
    return trait;
  }

  stream(kind: string, holder: Node): void {
    const { s, d } = this;
    const rest = this.protocol === "restJson1";
    if (kind.startsWith("event")) {
      const members: Node = {};
      const names = new Names(d);
      for (let i = d.int(1, 3); i > 0; i--) put(members, names.next("Event", []), { target: s.structure(2) });
      const fault = this.errors.find((e) => !JSON.stringify(s.shapes[e]).includes("httpHeader"));
      if (d.bool(30) && fault) put(members, names.next("Fault", []), { target: fault });
      const union = s.id(s.names.next("EventStream", []));
      s.add(union, { type: "union", members, traits: { "smithy.api#streaming": {} } });
      if (!rest) (holder["members"] as Node) = {};
      s.addMember(holder, { id: union, type: "event" }, false, rest ? { "smithy.api#httpPayload": {} } : {}, "stream");
      return;
    }
    const blob = s.id(s.names.next("Stream", []));
    s.add(blob, {
      type: "blob",
      traits: { "smithy.api#streaming": {}, ...(d.bool(30) && { "smithy.api#requiresLength": {} }) },
    });
    const presence = d.bool() ? { "smithy.api#required": {} } : { "smithy.api#default": "" };
    s.addMember(holder, { id: blob, type: "blob" }, false, { "smithy.api#httpPayload": {}, ...presence }, "Body");
  }

  /** restJson1: labels in the URI, queries, headers and a payload of the input; returns the URI. */
  bindInput(input: Node, uri: string): string {
    const { s, d } = this;
    const members = input["members"] as Node;
    const hasPayload = Object.values(members).some((m) => m.traits?.["smithy.api#httpPayload"]);
    let path = uri;
    let query = "";
    const headers = new Set<string>();
    const queries = new Set<string>();
    for (const [name, m] of Object.entries(members)) {
      const t = s.shapes[m.target] ?? { type: s.lookup(m.target)?.type };
      const type = String(t.type);
      const traits = (m.traits ??= {});
      if (traits["smithy.api#hostLabel"] || traits["smithy.api#httpPayload"]) continue;
      const shape = s.shapes[m.target] as Node | undefined;
      const simple = [
        "string",
        "integer",
        "long",
        "boolean",
        "timestamp",
        "enum",
        "intEnum",
        "short",
        "byte",
        "double",
        "float",
      ].includes(type);
      const plain = simple && shape?.traits?.["smithy.api#mediaType"] === undefined;
      const item = shape?.["member"]?.target;
      const stringList = type === "list" && (item === "smithy.api#String" || item === "smithy.api#Timestamp");
      const paging = this.paging.has(m);
      const roll = d.int(1, 100);
      if (plain && !paging && roll <= 25 && !traits["smithy.api#default"]) {
        path += d.bool(20) && type === "string" && !path.includes("+") ? `/{${name}+}` : `/{${name}}`;
        if (path.includes("+}/")) path = path.replace(/\+\}/, "}");
        traits["smithy.api#httpLabel"] = {};
        traits["smithy.api#required"] = {};
        delete traits["smithy.api#clientOptional"];
      } else if ((plain || stringList) && (roll <= 55 || (paging && !hasPayload))) {
        traits["smithy.api#httpQuery"] = unique(d.pick(QUERIES), queries);
      } else if ((simple || stringList) && !paging && roll <= 80) {
        traits["smithy.api#httpHeader"] = unique(d.pick(HEADERS), headers);
      } else if (hasPayload) delete members[name];
      if (this.isBound(m)) delete traits["smithy.api#jsonName"];
      if (Object.keys(traits).length === 0) delete m.traits;
    }
    if (!hasPayload && d.bool(15)) {
      const map = s.map(d.bool() ? "smithy.api#String" : s.list("smithy.api#String"));
      (s.shapes[map] as Node)["key"] = { target: "smithy.api#String" };
      delete (s.shapes[map] as Node)["traits"];
      s.addMember(input, s.lookup(map), false, { "smithy.api#httpQueryParams": {} });
    }
    if (d.bool(10)) query = "?x-id=Thing";
    return path + query;
  }

  /** restJson1: headers, prefix headers, the status code and maybe a payload of the output. */
  bindOutput(output: Node): void {
    const { s, d } = this;
    const members = output["members"] as Node;
    const hasPayload = Object.values(members).some((m) => m.traits?.["smithy.api#httpPayload"]);
    const headers = new Set<string>();
    for (const [name, m] of Object.entries(members)) {
      const type = String((s.shapes[m.target] ?? { type: s.lookup(m.target)?.type }).type);
      if (m.traits?.["smithy.api#httpPayload"] || this.paging.has(m)) continue;
      const simple = ["string", "integer", "boolean", "timestamp", "enum"].includes(type);
      if (simple && (hasPayload || d.bool(25))) {
        m.traits = { ...m.traits, "smithy.api#httpHeader": unique(d.pick(HEADERS), headers) };
        delete m.traits["smithy.api#jsonName"];
      } else if (hasPayload) delete members[name];
    }
    if (d.bool(15))
      s.addMember(output, s.lookup("smithy.api#Integer"), false, { "smithy.api#httpResponseCode": {} }, "StatusCode");
    if (d.bool(10)) {
      const map = s.map("smithy.api#String");
      (s.shapes[map] as Node)["key"] = { target: "smithy.api#String" };
      delete (s.shapes[map] as Node)["traits"];
      s.addMember(output, s.lookup(map), false, { "smithy.api#httpPrefixHeaders": "x-amz-meta-" });
    }
  }
}

/** Pagination members are optional and carry nothing that would change their wire form. */
function strip(node: Node, ...names: (string | undefined)[]): void {
  for (const n of names) {
    const m = n === undefined ? undefined : (node["members"] as Node)[n];
    if (!m?.traits) continue;
    for (const t of ["required", "default", "jsonName", "range", "length"]) delete m.traits[`smithy.api#${t}`];
  }
}

/** Removes a member of this name (any case), and jsonNames equal to it, so the name can be taken. */
function dropMember(node: Node, name: string): void {
  const members = node["members"] as Node;
  for (const [m, v] of Object.entries(members)) {
    if (m.toLowerCase() === name.toLowerCase()) delete members[m];
    else if (v.traits?.["smithy.api#jsonName"] === name) delete v.traits["smithy.api#jsonName"];
  }
}

function unique(name: string, used: Set<string>): string {
  let n = name;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = `${name}${i}`;
  used.add(n.toLowerCase());
  return n;
}

/** Valid models of the three JSON protocols. */
export function randomModel(
  protocols: readonly Protocol[] = ["restJson1", "awsJson1_0", "awsJson1_1"],
): fc.Arbitrary<RandomModel> {
  return fc.gen().map((g) => {
    const d = new Draw(g);
    return new ModelBuilder(d, d.pick(protocols)).build();
  });
}

export type { Target };
