import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // lib/metadata's query modules import "server-only" (Next resolves it per bundle); tests run on the server side.
  // "@/…" as tsconfig.json maps it, for tests that call the server actions themselves.
  resolve: {
    alias: {
      "server-only": "next/dist/compiled/server-only/empty.js",
      "@": fileURLToPath(new URL(".", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Each test file gets its own databases, so files run in parallel; the work is mostly waiting on PostgreSQL.
    pool: "forks",
    maxWorkers: 4,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
