// The generated modules' documentation comments (one line each, before every public function) are
// for editors, which read them in the .d.ts files; the JavaScript beside them drops them, a fifth of
// validators.gen.js. Only whole lines that are one `/** … */` comment are removed.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = join(dirname(fileURLToPath(import.meta.url)), "../dist/generated");
for (const name of readdirSync(dir)) {
  if (!name.endsWith(".gen.js")) continue;
  const file = join(dir, name);
  const code = readFileSync(file, "utf8");
  writeFileSync(file, code.replace(/^[ \t]*\/\*\*(?:(?!\*\/).)*\*\/\n/gm, ""));
}
