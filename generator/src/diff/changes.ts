/**
 * What a spec change means for the people who depend on the generated packages. The three levels
 * follow semver, and the rules that pick one (in compare.ts) follow Smithy's own diff tool
 * (smithy-diff): its ERROR events are `breaking`, its NOTE events for new shapes, members, enum
 * values and operations are `additive`, and changes that alter only documentation are `documentation`.
 */
export type Severity = "breaking" | "additive" | "documentation";

export interface Change {
  severity: Severity;
  /** Named as smithy-diff names the event where it has one (RemovedShape, ChangedMemberTarget, ...). */
  rule: string;
  /** Shape id, `shape$member` or `shape$member` of an enum value. */
  subject: string;
  message: string;
}

/** The changesets bump each severity asks for. */
export type Bump = "major" | "minor" | "patch";

export const BUMP_OF: Readonly<Record<Severity, Bump>> = {
  breaking: "major",
  additive: "minor",
  documentation: "patch",
};

const RANK: Readonly<Record<Severity, number>> = { documentation: 0, additive: 1, breaking: 2 };
const BUMP_RANK: Readonly<Record<Bump, number>> = { patch: 0, minor: 1, major: 2 };

/** The most severe of the given changes, or undefined for none. */
export function worstSeverity(changes: readonly { severity: Severity }[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const c of changes) if (worst === undefined || RANK[c.severity] > RANK[worst]) worst = c.severity;
  return worst;
}

export function bumpCovers(given: Bump, needed: Bump): boolean {
  return BUMP_RANK[given] >= BUMP_RANK[needed];
}

/** Breaking first, then additive, then documentation; by subject and rule within a level. */
export function sortChanges(changes: readonly Change[]): Change[] {
  return [...changes].sort(
    (a, b) =>
      RANK[b.severity] - RANK[a.severity] ||
      cmp(a.subject, b.subject) ||
      cmp(a.rule, b.rule) ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
