// The staleness gate: fails (exit 1), naming each file, when a generated file differs from what
// spec/ produces, in the working tree OR in the commit (HEAD). The commit is checked too because a
// build regenerates the working tree: a stale or hand-edited file that was committed would
// otherwise pass whenever the gate runs after `pnpm main`. Needs the generator built.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const cli = join(root, "generator", "dist", "cli.js");

/** 1. The working tree, by the generator's own check mode. */
const worktree = spawnSync(process.execPath, [cli, "--check"], { cwd: root, stdio: "inherit" });
let failed = worktree.status !== 0;

/** 2. The commit: generate into a scratch root, compare with the blobs HEAD holds. */
const inGit = spawnSync("git", ["rev-parse", "--verify", "-q", "HEAD"], { cwd: root }).status === 0;
if (inGit) {
  const scratch = mkdtempSync(join(tmpdir(), "dx-check-generated-"));
  try {
    const gen = spawnSync(process.execPath, [cli, "--out", scratch], { cwd: root, encoding: "utf8" });
    if (gen.status !== 0) {
      process.stderr.write(gen.stderr);
      process.exit(gen.status ?? 1);
    }
    const produced = new Map(listFiles(scratch).map((f) => [relative(scratch, f), readFileSync(f)]));
    const folders = [...new Set([...produced.keys()].map(generatedFolder))];
    const committed = committedFiles(folders);
    const problems = [];
    for (const [path, bytes] of produced) {
      const blob = committed.get(path);
      if (blob === undefined) problems.push(`not committed: ${path}`);
      else if (!blob.equals(bytes)) problems.push(`stale in HEAD: ${path}`);
    }
    for (const path of committed.keys()) if (!produced.has(path)) problems.push(`orphaned in HEAD: ${path}`);
    for (const p of problems.sort()) process.stderr.write(`${p}\n`);
    if (problems.length > 0) {
      process.stderr.write(
        `check:generated: ${problems.length} committed generated file(s) differ from what spec/ produces; ` +
          "run `pnpm generate` and commit the result (never edit src/generated/ by hand).\n",
      );
      failed = true;
    } else process.stdout.write("check:generated: the committed generated files are what spec/ produces.\n");
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** The generated folder a produced file belongs to: the path up to and including `src/generated`. */
function generatedFolder(path) {
  const at = path.split("/").indexOf("generated");
  return path
    .split("/")
    .slice(0, at + 1)
    .join("/");
}

/** Path → bytes of every file HEAD holds under the given folders. */
function committedFiles(folders) {
  const listing = execFileSync("git", ["ls-tree", "-r", "-z", "HEAD", "--", ...folders], { cwd: root })
    .toString("utf8")
    .split("\0")
    .filter(Boolean)
    .map((line) => line.split("\t"));
  const files = new Map();
  for (const [meta, path] of listing) {
    const blob = meta.split(" ")[2];
    files.set(path, execFileSync("git", ["cat-file", "blob", blob], { cwd: root, maxBuffer: 256 * 1024 * 1024 }));
  }
  return files;
}
