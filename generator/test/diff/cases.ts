import type { Severity } from "../../src/diff/changes.js";
import { members, traits, type Spec } from "./fixture.js";

export const THING = "ex#Thing";
export const OP = "ex#ListThings";

/** A second operation, so that removing and adding one leaves a valid service. */
export function withGetThing(spec: Spec): void {
  (spec.shapes["ex#Svc"] as { operations: { target: string }[] }).operations.push({ target: "ex#GetThing" });
  spec.shapes["ex#GetThing"] = {
    type: "operation",
    input: { target: "ex#GetThingRequest" },
    output: { target: "ex#Thing" },
    traits: { "smithy.api#http": { method: "GET", uri: "/things/{Id}", code: 200 } },
  };
  spec.shapes["ex#GetThingRequest"] = {
    type: "structure",
    members: { Id: { target: "ex#Id", traits: { "smithy.api#required": {}, "smithy.api#httpLabel": {} } } },
  };
}

/** Each row: a rule, an edit of the base spec, and exactly the changes it must produce. */
export const CASES: [string, (s: Spec) => void, [Severity, string, string][]][] = [
  // --- breaking ---
  [
    "removed shape (and the member that used it)",
    (s) => {
      delete members(s, THING)["Tags"];
      delete s.shapes["ex#Tags"];
    },
    [
      ["breaking", "RemovedMember", "ex#Thing$Tags"],
      ["breaking", "RemovedShape", "ex#Tags"],
    ],
  ],
  ["removed member", (s) => void delete members(s, THING)["Name"], [["breaking", "RemovedMember", "ex#Thing$Name"]]],
  [
    "removed enum value",
    (s) => void delete members(s, "ex#Kind")["LARGE"],
    [["breaking", "RemovedEnumValue", "ex#Kind$LARGE"]],
  ],
  [
    "renamed enum constant, same value",
    (s) => {
      const kind = members(s, "ex#Kind");
      kind["BIG"] = kind["LARGE"] as { target: string };
      delete kind["LARGE"];
    },
    [["breaking", "ChangedEnumName", "ex#Kind$LARGE"]],
  ],
  [
    "member made required",
    (s) => void (traits(members(s, THING)["Name"]!)["smithy.api#required"] = {}),
    [["breaking", "AddedRequiredTrait", "ex#Thing$Name"]],
  ],
  [
    "member made optional without a default",
    (s) => void delete traits(members(s, THING)["Id"]!)["smithy.api#required"],
    [["breaking", "RemovedRequiredTrait", "ex#Thing$Id"]],
  ],
  [
    "required member added",
    (s) => void (members(s, THING)["Owner"] = { target: "smithy.api#String", traits: { "smithy.api#required": {} } }),
    [["breaking", "AddedRequiredMember", "ex#Thing$Owner"]],
  ],
  [
    "changed member target",
    (s) => void (members(s, THING)["Name"]!.target = "ex#Id"),
    [["breaking", "ChangedMemberTarget", "ex#Thing$Name"]],
  ],
  [
    "changed map value target",
    (s) => {
      (s.shapes["ex#Tags"] as { value: { target: string } }).value.target = "ex#Id";
    },
    [["breaking", "ChangedMemberTarget", "ex#Tags$value"]],
  ],
  [
    "changed shape type",
    (s) => void (s.shapes["ex#MaxResults"]!["type"] = "long"),
    [["breaking", "ChangedShapeType", "ex#MaxResults"]],
  ],
  [
    "narrowed length",
    (s) => void (traits(s.shapes["ex#Id"]!)["smithy.api#length"] = { min: 1, max: 32 }),
    [["breaking", "ChangedLengthTrait", "ex#Id"]],
  ],
  [
    "length added",
    (s) => void (traits(members(s, THING)["Name"]!)["smithy.api#length"] = { max: 10 }),
    [["breaking", "ChangedLengthTrait", "ex#Thing$Name"]],
  ],
  [
    "narrowed range",
    (s) => void (traits(s.shapes["ex#MaxResults"]!)["smithy.api#range"] = { min: 5, max: 100 }),
    [["breaking", "ChangedRangeTrait", "ex#MaxResults"]],
  ],
  [
    "range narrowed on one side, widened on the other",
    (s) => void (traits(s.shapes["ex#MaxResults"]!)["smithy.api#range"] = { min: 0, max: 50 }),
    [["breaking", "ChangedRangeTrait", "ex#MaxResults"]],
  ],
  [
    "changed pattern",
    (s) => void (traits(s.shapes["ex#Id"]!)["smithy.api#pattern"] = "^[a-z0-9]+$"),
    [["breaking", "ChangedPatternTrait", "ex#Id"]],
  ],
  [
    "uniqueItems added",
    (s) => void (traits(s.shapes["ex#Things"]!)["smithy.api#uniqueItems"] = {}),
    [["breaking", "ChangedUniqueItemsTrait", "ex#Things"]],
  ],
  [
    "sparse added",
    (s) => void (traits(s.shapes["ex#Tags"]!)["smithy.api#sparse"] = {}),
    [["breaking", "AddedSparseTrait", "ex#Tags"]],
  ],
  [
    "changed wire name",
    (s) => void (traits(members(s, THING)["Name"]!)["smithy.api#jsonName"] = "name"),
    [["breaking", "ChangedJsonName", "ex#Thing$Name"]],
  ],
  [
    "changed HTTP binding of a member",
    (s) => void (traits(members(s, "ex#ListThingsRequest")["Kind"]!)["smithy.api#httpQuery"] = "type"),
    [["breaking", "ChangedHttpBinding", "ex#ListThingsRequest$Kind"]],
  ],
  [
    "changed timestamp format",
    (s) => void (traits(members(s, THING)["CreatedAt"]!)["smithy.api#timestampFormat"] = "date-time"),
    [["breaking", "ChangedTimestampFormat", "ex#Thing$CreatedAt"]],
  ],
  [
    "changed default",
    (s) => {
      const name = traits(members(s, THING)["Name"]!);
      name["smithy.api#default"] = "x";
    },
    [["breaking", "ChangedDefault", "ex#Thing$Name"]],
  ],
  [
    "removed operation error",
    (s) => {
      delete (s.shapes[OP] as { errors?: unknown }).errors;
      delete s.shapes["ex#Oops"];
    },
    [
      ["breaking", "RemovedOperationError", OP],
      ["breaking", "RemovedShape", "ex#Oops"],
    ],
  ],
  [
    "changed operation output",
    (s) => {
      s.shapes["ex#ListThingsOutput"] = s.shapes["ex#ListThingsResponse"]!;
      delete s.shapes["ex#ListThingsResponse"];
      (s.shapes[OP] as { output: { target: string } }).output.target = "ex#ListThingsOutput";
    },
    [
      ["breaking", "ChangedOperationOutput", OP],
      ["breaking", "RemovedShape", "ex#ListThingsResponse"],
      ["additive", "AddedShape", "ex#ListThingsOutput"],
    ],
  ],
  [
    "changed HTTP trait",
    (s) =>
      void ((s.shapes[OP] as { traits: Record<string, unknown> }).traits["smithy.api#http"] = {
        method: "GET",
        uri: "/v2/things",
        code: 200,
      }),
    [["breaking", "ChangedHttpTrait", OP]],
  ],
  [
    "changed pagination",
    (s) => {
      const t = (s.shapes[OP] as { traits: Record<string, unknown> }).traits;
      t["smithy.api#paginated"] = { inputToken: "NextToken", outputToken: "NextToken", pageSize: "MaxResults" };
    },
    [["breaking", "ChangedPaginatedTrait", OP]],
  ],
  [
    "error kind changed",
    (s) => void ((s.shapes["ex#Oops"] as { traits: Record<string, unknown> }).traits["smithy.api#error"] = "server"),
    [["breaking", "ChangedErrorTrait", "ex#Oops"]],
  ],
  // --- additive ---
  [
    "optional member added",
    (s) => void (members(s, THING)["Color"] = { target: "smithy.api#String" }),
    [["additive", "AddedMember", "ex#Thing$Color"]],
  ],
  [
    "required member with a default added",
    (s) =>
      void (members(s, THING)["Count"] = {
        target: "smithy.api#Integer",
        traits: { "smithy.api#required": {}, "smithy.api#default": 0 },
      }),
    [
      ["additive", "AddedMember", "ex#Thing$Count"],
      ["additive", "AddedShape", "smithy.api#Integer"],
    ],
  ],
  [
    "enum value added",
    (s) =>
      void (members(s, "ex#Kind")["MEDIUM"] = {
        target: "smithy.api#Unit",
        traits: { "smithy.api#enumValue": "medium" },
      }),
    [["additive", "AddedEnumValue", "ex#Kind$MEDIUM"]],
  ],
  [
    "operation added",
    withGetThing,
    [
      ["additive", "AddedOperation", "ex#GetThing"],
      ["additive", "AddedShape", "ex#GetThingRequest"],
    ],
  ],
  [
    "operation error added",
    (s) => {
      (s.shapes[OP] as { errors: { target: string }[] }).errors.push({ target: "ex#Busy" });
      s.shapes["ex#Busy"] = { type: "structure", members: {}, traits: { "smithy.api#error": "server" } };
    },
    [
      ["additive", "AddedOperationError", OP],
      ["additive", "AddedShape", "ex#Busy"],
    ],
  ],
  [
    "widened length",
    (s) => void (traits(s.shapes["ex#Id"]!)["smithy.api#length"] = { min: 1, max: 128 }),
    [["additive", "ChangedLengthTrait", "ex#Id"]],
  ],
  [
    "range removed",
    (s) => void delete traits(s.shapes["ex#MaxResults"]!)["smithy.api#range"],
    [["additive", "ChangedRangeTrait", "ex#MaxResults"]],
  ],
  [
    "pattern removed",
    (s) => void delete traits(s.shapes["ex#Id"]!)["smithy.api#pattern"],
    [["additive", "ChangedPatternTrait", "ex#Id"]],
  ],
  [
    "required replaced by a default",
    (s) => {
      const id = traits(members(s, THING)["Id"]!);
      delete id["smithy.api#required"];
      id["smithy.api#default"] = "";
    },
    [["additive", "ChangedDefault", "ex#Thing$Id"]],
  ],
  // --- documentation only ---
  [
    "shape documentation",
    (s) => void (traits(s.shapes[THING]!)["smithy.api#documentation"] = "A thing, better explained."),
    [["documentation", "ChangedDocumentation", THING]],
  ],
  [
    "member documentation",
    (s) => void delete traits(members(s, THING)["Name"]!)["smithy.api#documentation"],
    [["documentation", "ChangedDocumentation", "ex#Thing$Name"]],
  ],
  [
    "enum value documentation",
    (s) => void (traits(members(s, "ex#Kind")["SMALL"]!)["smithy.api#documentation"] = "Small."),
    [["documentation", "ChangedDocumentation", "ex#Kind$SMALL"]],
  ],
  [
    "service documentation and version",
    (s) => {
      const svc = s.shapes["ex#Svc"] as { version: string; traits: Record<string, unknown> };
      svc.version = "2025-01-01";
      svc.traits["smithy.api#documentation"] = "The service.";
    },
    [
      ["documentation", "ChangedDocumentation", "ex#Svc"],
      ["documentation", "ChangedServiceVersion", "ex#Svc"],
    ],
  ],
  [
    "deprecated added",
    (s) => void (traits(members(s, THING)["Kind"]!)["smithy.api#deprecated"] = {}),
    [["documentation", "ChangedDeprecatedTrait", "ex#Thing$Kind"]],
  ],
  [
    "readonly removed",
    (s) => void delete (s.shapes[OP] as { traits: Record<string, unknown> }).traits["smithy.api#readonly"],
    [["documentation", "ChangedReadonlyTrait", OP]],
  ],
  // --- no change ---
  [
    "members and enum values reordered",
    (s) => {
      const thing = s.shapes[THING] as { members: Record<string, unknown> };
      thing.members = Object.fromEntries(Object.entries(thing.members).reverse());
      const kind = s.shapes["ex#Kind"] as { members: Record<string, unknown> };
      kind.members = Object.fromEntries(Object.entries(kind.members).reverse());
    },
    [],
  ],
];
