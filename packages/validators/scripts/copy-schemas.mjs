// tsc compiles only code: the generated JSON Schemas are copied into dist as they are.
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const to = join(root, "dist/generated/schemas");
mkdirSync(to, { recursive: true });
cpSync(join(root, "src/generated/schemas"), to, { recursive: true });
