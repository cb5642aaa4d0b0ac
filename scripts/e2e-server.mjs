// Starts the app for Playwright as production runs it: `next build`, then `npm start` (server/start.mjs).
// Without TEST_DATABASE_URL the server gets a fresh embedded database of its own.
import { spawnSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";

const port = process.env.E2E_PORT ?? "3100";
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-000000000000",
  AUTH_URL: `http://localhost:${port}`,
  DEV_MAILBOX: "1",
  SEED_DEMO: "1",
  OUTBOX_POLL_SECONDS: "2",
  CRON_SECRET: process.env.CRON_SECRET ?? "e2e-cron-secret",
  // Every test signs in from 127.0.0.1, the coach and anna dozens of times: the sign-in limits
  // are proven in tests/integration/sign-in-limits.test.ts, so here they only stop a runaway loop.
  RATE_LIMIT_SIGNIN_PER_ADDRESS_PER_HOUR: process.env.RATE_LIMIT_SIGNIN_PER_ADDRESS_PER_HOUR ?? "100",
  RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR: process.env.RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR ?? "0",
};
delete env.RESEND_API_KEY;
if (process.env.TEST_DATABASE_URL) {
  env.DATABASE_URL = process.env.TEST_DATABASE_URL;
} else {
  delete env.DATABASE_URL;
  env.PGLITE_DIR = ".data/e2e";
  rmSync(".data/e2e", { recursive: true, force: true });
}

const next = "./node_modules/.bin/next";
if (!process.env.E2E_SKIP_BUILD) {
  // Built as a deployment is, without the mailbox switch: whether it is on is decided at start.
  const { DEV_MAILBOX: _atStartOnly, ...buildEnv } = env;
  const build = spawnSync(next, ["build"], { stdio: "inherit", env: { ...buildEnv, NODE_ENV: "production" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ["server/start.mjs", "-p", port, "-H", "localhost"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
