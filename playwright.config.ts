import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3100";
// Use localhost throughout: magic links carry the host the server saw (see STACK.md).
const baseURL = `http://localhost:${port}`;

// The system's Chromium where there is one (browser downloads do not work here), Playwright's own elsewhere.
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const launchOptions = {
  executablePath: chromiumPath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000, // the longest journeys take ~25 s on an idle 2-core machine
  use: {
    baseURL,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // The coach's first sign-in: registers the passkey (virtual authenticator) and keeps the
    // signed-in state for every spec (tests/e2e/support/coach.ts).
    { name: "setup", testMatch: /coach\.setup\.ts/, use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "chromium", testIgnore: /account-deletion/, dependencies: ["setup"], use: { ...devices["Desktop Chrome"], launchOptions } },
    // Deletes a demo account, so it runs after every other journey.
    { name: "destructive", testMatch: /account-deletion/, dependencies: ["chromium"], use: { ...devices["Desktop Chrome"], launchOptions } },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
