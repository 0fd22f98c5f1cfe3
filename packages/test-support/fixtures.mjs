// Writes fixtures/reference/: the facts of ../shared/reference (shapes, members, traits, enum values)
// without AWS's documentation prose, so a clone that stands alone still runs the tests that read
// official models. `--check` fails when the committed copies differ from what the originals give.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fixtureReferenceDir, sharedReferenceDir } from "./paths.js";

/** Traits that carry prose, not facts. */
const PROSE = new Set(["smithy.api#documentation", "smithy.api#examples", "smithy.api#externalDocumentation"]);

/** @param {unknown} value @returns {unknown} */
export function factsOf(value) {
  if (Array.isArray(value)) return value.map(factsOf);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !PROSE.has(key))
      .map(([key, v]) => [key, factsOf(v)]),
  );
}

/** @param {string} original */
export function fixtureText(original) {
  return `${JSON.stringify(factsOf(JSON.parse(original)))}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes("--check");
  const from = join(sharedReferenceDir, "aws-models");
  const to = join(fixtureReferenceDir, "aws-models");
  if (!existsSync(from)) {
    console.error(`reference-fixtures: ${from} is not beside this clone`);
    process.exit(1);
  }
  mkdirSync(to, { recursive: true });
  const files = readdirSync(from)
    .filter((f) => f.endsWith(".json"))
    .map((f) => `aws-models/${f}`)
    .concat("aws-listjobs-closure.json");
  let stale = 0;
  for (const file of files) {
    const text = fixtureText(readFileSync(join(sharedReferenceDir, file), "utf8"));
    const target = join(fixtureReferenceDir, file);
    if (existsSync(target) && readFileSync(target, "utf8") === text) continue;
    stale++;
    if (check) console.error(`stale: fixtures/reference/${file}`);
    else writeFileSync(target, text);
  }
  if (check && stale > 0) process.exit(1);
}
