/**
 * The intermediate representation: plain JSON, every node tagged with a `kind`, shapes sorted by id,
 * names resolved and documentation normalised once. Emitters read only this.
 */
export interface Ir {
  /** Spec files it was built from, as shown in generated headers. */
  sources: string[];
  service: IrService;
  /** Selected operations, sorted by name. */
  operations: IrOperation[];
  /** The closure of the selected operations, sorted by id. */
  shapes: IrShape[];
}

export interface IrService {
  id: string;
  name: string;
  version: string;
  protocol: "restJson1";
  documentation?: string;
  /** `aws.api#service` sdkId, where the service is an AWS one: names its AWS SDK v3 package and client. */
  sdkId?: string;
}

export interface IrOperation {
  kind: "operation";
  id: string;
  name: string;
  /** Shape id of the input structure, or undefined for smithy.api#Unit. */
  input?: string;
  output?: string;
  /** Error shape ids: the operation's, then the service's (which apply to every operation). */
  errors: string[];
  http?: { method: string; uri: string; code: number };
  readonly: boolean;
  pagination?: IrPagination;
  documentation?: string;
}

/** The operation's `smithy.api#paginated` trait, merged with the service's. Paths are member names split on ".". */
export interface IrPagination {
  inputToken?: string;
  outputToken?: string[];
  items?: string[];
  pageSize?: string;
}

export interface IrMember {
  /** Member name as in the model; also the TypeScript property name. */
  name: string;
  target: string;
  /** The name on the wire (jsonName, or the member name). */
  jsonName: string;
  required: boolean;
  documentation?: string;
  deprecated?: boolean;
  default?: unknown;
  /** HTTP binding of an input member, where there is one. */
  http?: { location: "query" | "header" | "label" | "payload"; name?: string };
  /** Timestamp wire format, resolved from member, target and protocol defaults (only for timestamp targets). */
  timestampFormat?: IrTimestampFormat;
  constraints: IrConstraints;
}

export type IrTimestampFormat = "date-time" | "epoch-seconds" | "http-date";

export interface IrConstraints {
  length?: { min?: number; max?: number };
  range?: { min?: number; max?: number };
  pattern?: string;
  uniqueItems?: boolean;
}

interface IrShapeBase {
  id: string;
  /** The TypeScript name (from the naming module). */
  name: string;
  documentation?: string;
  deprecated?: boolean;
  constraints: IrConstraints;
}

export type NumberType = "byte" | "short" | "integer" | "long" | "float" | "double" | "bigInteger" | "bigDecimal";

export interface IrStructure extends IrShapeBase {
  kind: "structure";
  members: IrMember[];
  error?: "client" | "server";
}
export interface IrUnion extends IrShapeBase {
  kind: "union";
  members: IrMember[];
}
export interface IrList extends IrShapeBase {
  kind: "list";
  member: IrMember;
  sparse: boolean;
}
export interface IrMap extends IrShapeBase {
  kind: "map";
  key: IrMember;
  value: IrMember;
  sparse: boolean;
}
export interface IrEnumValue {
  key: string;
  value: string;
  documentation?: string;
  deprecated?: boolean;
}
export interface IrEnum extends IrShapeBase {
  kind: "enum";
  values: IrEnumValue[];
}
export interface IrIntEnum extends IrShapeBase {
  kind: "intEnum";
  values: { key: string; value: number; documentation?: string }[];
}
export interface IrString extends IrShapeBase {
  kind: "string";
}
export interface IrNumber extends IrShapeBase {
  kind: "number";
  type: NumberType;
}
export interface IrBoolean extends IrShapeBase {
  kind: "boolean";
}
export interface IrBlob extends IrShapeBase {
  kind: "blob";
}
export interface IrDocument extends IrShapeBase {
  kind: "document";
}
/** `format` is the shape's own timestampFormat trait; members carry the resolved wire format. */
export interface IrTimestamp extends IrShapeBase {
  kind: "timestamp";
  format?: IrTimestampFormat;
}
/** smithy.api#Unit, as a union member or operation input/output. */
export interface IrUnit extends IrShapeBase {
  kind: "unit";
}

export type IrShape =
  | IrStructure
  | IrUnion
  | IrList
  | IrMap
  | IrEnum
  | IrIntEnum
  | IrString
  | IrNumber
  | IrBoolean
  | IrBlob
  | IrDocument
  | IrTimestamp
  | IrUnit;
