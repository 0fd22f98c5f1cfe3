import { defineConfig } from "vitest/config";

// These tests start a registry, copy the workspace and run turbo, npm and tsc: minutes, not milliseconds.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    // One file at a time: both files run heavy child processes on a 2-core machine.
    fileParallelism: false,
  },
});
