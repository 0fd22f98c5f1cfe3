/**
 * spec/ held against the reference: every shape, member and enum value of boto3's response syntax
 * exists in spec/ spelled exactly (so a typo cannot pass), with the reference's descriptions; and
 * the facts of the official model (aws-listjobs-facts.md, aws-listjobs-closure.json) hold.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describeWithReference } from "@dx/test-support";
import { expect, it } from "vitest";
import {
  BOTO3_PAGE,
  boto3Page,
  CLOSURE,
  FACTS,
  factEnums,
  factsText,
  officialClosure,
  parseResponseSyntax,
  requestParameters,
  responseDescriptions,
  type SyntaxNode,
} from "./reference.js";
import { repoRoot } from "./support.js";

type Node = Record<string, any>;
const NS = "com.amazonaws.dataexchange#";
const spec = JSON.parse(readFileSync(join(repoRoot, "spec/dataexchange-listjobs.json"), "utf8")) as {
  smithy: string;
  shapes: Record<string, Node>;
};
const shapes = spec.shapes;
const op = shapes[`${NS}ListJobs`] as Node;
const paginated = op["traits"]["smithy.api#paginated"] as Record<string, string>;

/** The prelude shapes the reference's closure targets, by type. */
const PRELUDE: Record<string, Node> = { "smithy.api#String": { type: "string" } };
const shape = (id: string): Node => {
  const s = shapes[id] ?? PRELUDE[id];
  if (!s) throw new Error(`spec/ has no shape ${id}`);
  return s;
};
const enumValues = (s: Node): string[] | undefined =>
  s["type"] === "enum"
    ? Object.entries(s["members"] as Record<string, Node>).map(
        ([name, m]) => (m["traits"]?.["smithy.api#enumValue"] as string | undefined) ?? name,
      )
    : (s["traits"]?.["smithy.api#enum"] as { value: string }[] | undefined)?.map((d) => d.value);

/**
 * Walks the response syntax beside the spec from `id`, returning every difference as text.
 * `skip` names members the paginator leaves out of its pages (the output token).
 */
function compare(node: SyntaxNode, id: string, path: string, skip: ReadonlySet<string> = new Set()): string[] {
  const s = shape(id);
  const type = s["type"] as string;
  const at = `${path} (${id})`;
  switch (node.kind) {
    case "dict": {
      if (type !== "structure" && type !== "union") return [`${at}: the reference has a dict, spec/ a ${type}`];
      const members = s["members"] as Record<string, Node>;
      const problems: string[] = [];
      const specNames = Object.keys(members).filter((n) => !skip.has(n));
      const refNames = node.members.map(([n]) => n);
      if (JSON.stringify(specNames) !== JSON.stringify(refNames))
        problems.push(
          `${at}: members ${JSON.stringify(specNames)} differ from the reference's ${JSON.stringify(refNames)}`,
        );
      for (const [name, child] of node.members) {
        const m = members[name];
        if (m) problems.push(...compare(child, m["target"] as string, `${path}/${name}`));
      }
      return problems;
    }
    case "list":
      if (type !== "list") return [`${at}: the reference has a list, spec/ a ${type}`];
      return compare(node.item, s["member"]["target"] as string, `${path}/[]`);
    case "enum": {
      const values = enumValues(s);
      return JSON.stringify(values) === JSON.stringify(node.values)
        ? []
        : [`${at}: enum values ${JSON.stringify(values)} differ from the reference's ${JSON.stringify(node.values)}`];
    }
    case "string":
      return type === "string" && enumValues(s) === undefined
        ? []
        : [`${at}: the reference has a free string, spec/ a ${type}${enumValues(s) ? " enum" : ""}`];
    case "datetime":
      return type === "timestamp" ? [] : [`${at}: the reference has a datetime, spec/ a ${type}`];
    case "float":
      return type === "double" || type === "float" ? [] : [`${at}: the reference has a float, spec/ a ${type}`];
    case "integer":
      return ["byte", "short", "integer", "long"].includes(type)
        ? []
        : [`${at}: the reference has an integer, spec/ a ${type}`];
  }
}

describeWithReference(
  "spec/ against boto3's ListJobs paginator page",
  [BOTO3_PAGE],
  () => {
    const page = boto3Page();

    it("has every shape, member and enum value of the response syntax, spelled and ordered as there", () => {
      const syntax = parseResponseSyntax(page);
      // The paginator's pages carry the items; the output token is consumed by the paginator.
      expect(compare(syntax, op["output"]["target"], "", new Set([paginated["outputToken"] as string]))).toEqual([]);
    });

    it("would catch a typo (the comparison is not vacuous)", () => {
      const syntax = parseResponseSyntax(page);
      const job = (
        (syntax as Extract<SyntaxNode, { kind: "dict" }>).members[0]![1] as Extract<SyntaxNode, { kind: "list" }>
      ).item as Extract<SyntaxNode, { kind: "dict" }>;
      const typo: SyntaxNode = {
        ...job,
        members: job.members.map(([n, v]) => [
          n === "UpdatedAt" ? "UpdateAt" : n,
          v.kind === "enum" ? { kind: "enum", values: v.values.map((x) => (x === "TIMED_OUT" ? "TIMEDOUT" : x)) } : v,
        ]),
      };
      expect(compare(typo, `${NS}JobEntry`, "Jobs/[]")).toHaveLength(2);
    });

    it("has the request parameters, and the paginator's token and page size as the trait says", () => {
      const input = shape(op["input"]["target"]);
      const params = requestParameters(page).filter((p) => p !== "PaginationConfig");
      expect(params).toEqual(["DataSetId", "RevisionId"]);
      expect(Object.keys(input["members"]).sort()).toEqual(
        [...params, paginated["inputToken"], paginated["pageSize"]].sort(),
      );
    });

    it("carries the reference's descriptions as documentation", () => {
      const output = shape(op["output"]["target"]);
      const mismatches: string[] = [];
      const descriptions = responseDescriptions(page);
      expect(descriptions.size).toBeGreaterThan(100);
      for (const [path, description] of descriptions) {
        // Resolve the path: a member's description is the member's documentation; an item's ("[]") its structure's.
        let holder: Node = output;
        let docs: unknown;
        for (const segment of path.split("/")) {
          if (segment === "[]") {
            holder = shape(holder["member"]["target"]);
            docs = holder["traits"]?.["smithy.api#documentation"];
          } else {
            const member = holder["members"][segment] as Node;
            docs = member["traits"]?.["smithy.api#documentation"];
            holder = shape(member["target"]);
          }
        }
        // rst markup aside: ``code`` and `text <url>`__ links read as their text.
        const plain = (t: unknown): string =>
          String(t)
            .replace(/`([^`<]+?) <[^>]+>`__/g, "$1")
            .replace(/``/g, "")
            .replace(/\s+/g, " ")
            .trim();
        if (plain(docs) !== plain(description))
          mismatches.push(`${path}: ${JSON.stringify(docs)} != ${JSON.stringify(description)}`);
      }
      expect(mismatches).toEqual([]);
    });
  },
  { factsOnly: false },
);

describeWithReference(
  "spec/ against the facts of the official model",
  [FACTS, CLOSURE],
  () => {
    const facts = factsText();

    it("has every shape of the official closure, with the same type, members, targets and traits (documentation aside)", () => {
      /** Documentation present either way counts as equal; an empty traits object as no traits. */
      const normal = (node: Node): unknown =>
        JSON.parse(
          JSON.stringify(node, (key, v: unknown) => {
            if (key === "smithy.api#documentation") return true;
            if (key === "traits" && typeof v === "object" && v !== null && Object.keys(v).length === 0)
              return undefined;
            if ((key === "input" || key === "output") && typeof v === "string") return { target: v };
            if (key === "errors" && Array.isArray(v)) return v.map((e) => (typeof e === "string" ? { target: e } : e));
            return v;
          }),
        );
      const closure = officialClosure();
      const ids = Object.keys(closure).filter((id) => !id.startsWith("smithy.api#"));
      expect(ids.length).toBeGreaterThan(60);
      for (const id of ids) expect(normal(shape(id)), id).toEqual(normal(closure[id] as Node));
      // And nothing beyond it but the service.
      expect(Object.keys(shapes).filter((id) => !(id in closure))).toEqual([`${NS}DataExchange`]);
    });

    it("has the enum values of the facts, in model order", () => {
      const enums = factEnums(facts);
      expect(enums.size).toBe(11);
      for (const [name, values] of enums) expect(enumValues(shape(`${NS}${name}`)), name).toEqual(values);
    });

    it("is the 2017-07-25 restJson1 service, in Smithy 2.0", () => {
      expect(spec.smithy).toBe("2.0");
      expect(facts).toContain('`"version": "2017-07-25"`, `"smithy": "2.0"`');
      const service = shape(`${NS}DataExchange`);
      expect(service["version"]).toBe("2017-07-25");
      expect(service["traits"]["aws.protocols#restJson1"]).toEqual({});
      expect(service["traits"]["aws.auth#sigv4"]).toEqual({ name: "dataexchange" });
      expect(service["operations"]).toEqual([{ target: `${NS}ListJobs` }]);
    });

    it("binds ListJobs as the facts say: http, readonly, paginated, and the errors in order", () => {
      const line = (prefix: string): unknown =>
        JSON.parse((new RegExp(`${prefix}: (\\{.*?\\})\``).exec(facts) as RegExpExecArray)[1] as string);
      expect(op["traits"]["smithy.api#http"]).toEqual(line("`smithy.api#http"));
      expect(op["traits"]["smithy.api#paginated"]).toEqual(line("`smithy.api#paginated"));
      expect(op["traits"]["smithy.api#readonly"]).toEqual({});
      const errors = /`errors`, in this order: (.*?)\. There is/s
        .exec(facts)?.[1]
        ?.match(/`(\w+)`/g)
        ?.map((e) => `${NS}${e.slice(1, -1)}`);
      expect(errors).toHaveLength(4);
      expect(op["errors"].map((e: Node) => e["target"])).toEqual(errors);
    });

    it("binds the request members to the query string, with MaxResults' default and range", () => {
      const members = shape(`${NS}ListJobsRequest`)["members"] as Record<string, Node>;
      const table = [...facts.matchAll(/^\| `(\w+)` \| `(\w+)`.*?\| .*?httpQuery: "(\w+)"`/gm)].map((m) => [
        m[1],
        m[3],
      ]);
      expect(table).toHaveLength(4);
      for (const [name, query] of table)
        expect(members[name as string]?.["traits"]["smithy.api#httpQuery"], name).toBe(query);
      expect(members["MaxResults"]?.["traits"]["smithy.api#default"]).toBe(0);
      expect(shape(`${NS}MaxResults`)["traits"]["smithy.api#range"]).toEqual({ min: 1, max: 200 });
    });

    it("marks exactly the required members of the facts", () => {
      const required = (id: string): string[] =>
        Object.entries(shape(`${NS}${id}`)["members"] as Record<string, Node>)
          .filter(([, m]) => m["traits"]?.["smithy.api#required"] !== undefined)
          .map(([n]) => n)
          .sort();
      // Quoted from aws-listjobs-facts.md ("Required members").
      expect(facts).toContain("`JobEntry`: Arn, CreatedAt, Details, Id, State, Type, UpdatedAt. `Errors` is optional.");
      expect(required("JobEntry")).toEqual(["Arn", "CreatedAt", "Details", "Id", "State", "Type", "UpdatedAt"]);
      expect(facts).toContain("`JobError`: Code, Message.");
      expect(required("JobError")).toEqual(["Code", "Message"]);
      expect(required("ListJobsRequest")).toEqual([]);
      expect(required("ListJobsResponse")).toEqual([]);
      expect(required("ResponseDetails")).toEqual([]);
      expect(required("Details")).toEqual([]);
    });

    it("sends every timestamp as date-time, through the one Timestamp shape", () => {
      expect(facts).toContain('**`smithy.api#timestampFormat: "date-time"`**');
      expect(shape(`${NS}Timestamp`)).toEqual({
        type: "timestamp",
        traits: { "smithy.api#timestampFormat": "date-time" },
      });
      const timestampMembers = Object.entries(shapes).flatMap(([id, s]) =>
        Object.entries((s["members"] ?? {}) as Record<string, Node>)
          .filter(([, m]) => shape(m["target"])["type"] === "timestamp")
          .map(([name, m]) => `${id.slice(NS.length)}.${name}->${m["target"]}`),
      );
      const listed = (
        /The five members are ((?:`[\w.]+`(?:,\s*|\s+and\s+)?)+)/s.exec(facts)?.[1]?.match(/`([\w.]+)`/g) ?? []
      ).map((m) => `${m.slice(1, -1)}->${NS}Timestamp`);
      expect(listed).toHaveLength(5);
      expect(timestampMembers.sort()).toEqual(listed.sort());
    });

    it("keeps the constraints of the facts", () => {
      expect(shape(`${NS}Id`)["traits"]["smithy.api#pattern"]).toBe("^[a-zA-Z0-9]{30,40}$");
      expect(shape(`${NS}AwsAccountId`)["traits"]).toEqual({
        "smithy.api#length": { min: 12, max: 12 },
        "smithy.api#pattern": "/^[\\d]{12}$/",
      });
      expect(shape(`${NS}KmsKeyArn`)["traits"]["smithy.api#length"]).toEqual({ min: 1, max: 2048 });
      expect(shape(`${NS}ListOfKmsKeysToGrant`)["traits"]).toEqual({
        "smithy.api#length": { min: 1, max: 10 },
        "smithy.api#uniqueItems": {},
      });
    });
  },
  { factsOnly: false },
);
