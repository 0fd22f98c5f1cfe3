import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // Several tests spawn the CLI or run tsc over generated code: seconds alone, and several times
    // that while turbo runs the other packages' suites on the same 2 cores. A timeout is a hang guard.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
