/** What the stages of mixin flattening share. */
import type { Origin } from "../load.js";

export const MIXIN_TRAIT = "smithy.api#mixin";

/**
 * Traits `apply` gives to members a shape does not define itself, by shape id and member name:
 * they are the shape's own traits of members it inherits, so they wait for the flattening.
 */
export type InheritedApplies = Map<string, PendingApplies>;
/** The traits applied to one shape's inherited members, by member name, with where each was applied. */
export type PendingApplies = Map<
  string,
  { traits: Record<string, unknown>; origins: Map<string, Origin>; apply: Origin }
>;

/** Reports a fault where it was written. */
export type Report = (where: Origin, message: string) => void;
