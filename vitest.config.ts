import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    environment: "node",
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    setupFiles: ["tests/setup.ts"],
    // next-auth's ESM imports "next/server" without an extension, which Node cannot resolve in a
    // package without an exports map; through Vite's resolver (inlined) it loads as in Next.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 60_000, // PGlite (WebAssembly) starts slowly when the machine is busy
    hookTimeout: 60_000,
  },
});
