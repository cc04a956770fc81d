import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Finds or starts a PostgreSQL server for the tests that run on both engines.
    globalSetup: ["test/support/pg-global-setup.ts"],
    // nodejieba loads ~240 MB of dictionaries per process and never frees them: use child processes, not threads.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
