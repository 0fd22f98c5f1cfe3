import { defineConfig } from "vitest/config";

// test/fixtures/ holds cases the tests run in child processes (with that folder as root), never directly.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], exclude: ["test/fixtures/**"], testTimeout: 60_000 },
});
