// Runs a node script (the CLI) in this process and, at exit, writes its peak resident set size in KB
// (worker threads included) to the file named by DX_BENCH_RSS_FILE. Used by generate.bench.mjs.
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on("exit", () => {
  if (process.env.DX_BENCH_RSS_FILE)
    writeFileSync(process.env.DX_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
await import(pathToFileURL(script).href);
