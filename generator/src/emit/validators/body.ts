import type { IrMember, IrShape, IrStructure, IrUnion } from "../../ir/types.js";

/**
 * Which members are in the JSON body, i.e. in the wire form the validators check and build:
 * not a member bound elsewhere by HTTP (header, query, label, status code: restJson1 only), not a
 * streaming blob nor an event stream (neither is one JSON value). A member bound to the payload is
 * the body itself when it targets a JSON value (structure, union, list, map, document).
 */
export function inBody(m: IrMember, target: IrShape): boolean {
  if (m.http && m.http.location !== "payload") return false;
  return !unvalidated(target) && m.http?.location !== "payload";
}

/** Streaming blobs and event streams: typed in the models, never validated (the README says so). */
export function unvalidated(target: IrShape): boolean {
  return (
    (target.kind === "blob" && target.streaming === true) || (target.kind === "union" && target.eventStream === true)
  );
}

/** The member whose value is the whole JSON body (`@httpPayload` on a JSON shape), if any. */
export function payloadMember(s: IrStructure | IrUnion, target: (m: IrMember) => IrShape): IrMember | undefined {
  const m = s.members.find((x) => x.http?.location === "payload");
  if (!m) return undefined;
  const t = target(m);
  const json = ["structure", "union", "list", "map", "document"].includes(t.kind) && !unvalidated(t);
  return json ? m : undefined;
}
