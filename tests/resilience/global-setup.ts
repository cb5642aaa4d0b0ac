import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";

/** One production build for every scenario; E2E_SKIP_BUILD=1 reuses an existing .next. */
export default function setup() {
  rmSync(".test-results/resilience.json", { force: true });
  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID")) return;
  const started = Date.now();
  const build = spawnSync("./node_modules/.bin/next", ["build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: "resilience-build", AUTH_URL: "http://127.0.0.1:3000" },
  });
  if (build.status !== 0) throw new Error(`next build failed (${build.status})`);
  console.log(`[resilience] next build took ${Math.round((Date.now() - started) / 1000)} s`);
}
