import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:resilience`: the app as production runs it (one `next build`, then `npm start`
// per scenario) against throw-away PostgreSQL databases, with faults injected. One file at a time:
// each starts its own servers and the machine has few cores.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: ["tests/resilience/**/*.test.ts"],
    globalSetup: ["tests/resilience/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
