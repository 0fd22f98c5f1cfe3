import { defineConfig } from "vitest/config";

// End-to-end tests talk HTTP to a local endpoint; a generous per-test timeout keeps a hung socket from hanging CI.
export default defineConfig({
  test: { include: ["test/**/*.test.ts", "src/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 120_000 },
});
