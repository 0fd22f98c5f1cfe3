import { BUMP_OF, type Change, type Severity } from "./changes.js";
import type { PackageImpact } from "./packages.js";

export interface DiffResult {
  /** Where the old and new specs came from, for the report's first line. */
  from: string;
  to: string;
  changes: Change[];
  packages: PackageImpact[];
}

const HEADINGS: Readonly<Record<Severity, string>> = {
  breaking: "Breaking changes",
  additive: "Additive changes",
  documentation: "Documentation-only changes",
};

/** The human-readable report: changes grouped by severity, then the bump of each affected package. */
export function formatReport(r: DiffResult): string {
  const lines = [`dx-gen diff: ${r.from} → ${r.to}`, ""];
  if (r.changes.length === 0) lines.push("No change that a consumer of the generated packages can notice.", "");
  for (const severity of ["breaking", "additive", "documentation"] as const) {
    const group = r.changes.filter((c) => c.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${HEADINGS[severity]} (${BUMP_OF[severity]}): ${group.length}`);
    const ruleWidth = Math.max(...group.map((c) => c.rule.length));
    for (const c of group) lines.push(`  ${c.rule.padEnd(ruleWidth)}  ${c.subject}: ${c.message}`);
    lines.push("");
  }
  if (r.packages.length === 0) lines.push("Packages: none affected (generated output is identical).");
  else {
    lines.push("Packages:");
    const nameWidth = Math.max(...r.packages.map((p) => p.name.length));
    for (const p of r.packages)
      lines.push(`  ${p.name.padEnd(nameWidth)}  ${p.bump.padEnd(5)}  ${p.files.length} generated file(s) differ`);
  }
  return `${lines.join("\n")}\n`;
}

/** A changeset (frontmatter of package bumps, then a summary) for the affected packages. */
export function formatChangeset(r: DiffResult): string {
  const front = r.packages.map((p) => `"${p.name}": ${p.bump}`);
  const counts = (["breaking", "additive", "documentation"] as const)
    .map((s) => [s, r.changes.filter((c) => c.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const summary = counts.length > 0 ? counts.join(", ") : "generated output changed";
  const bullets = r.changes.map((c) => `- ${c.severity}: \`${c.subject}\` ${c.message} (${c.rule})`);
  return [
    "---",
    ...front,
    "---",
    "",
    `Spec update (${summary}), written by \`dx-gen diff --changeset\`.`,
    "",
    ...bullets,
    "",
  ].join("\n");
}
