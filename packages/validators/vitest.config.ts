import { defineConfig } from "vitest/config";

// Property tests over the whole closure and the any-model tests (which generate and compile validators
// for the official models) take seconds; under turbo's parallel tasks on 2 cores, many seconds.
export default defineConfig({
  test: { include: ["test/**/*.test.ts", "src/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 180_000 },
});
