import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium";

const port = process.env.E2E_PORT ?? "3100";
// Use localhost throughout: magic links carry the host the server saw (see STACK.md).
const baseURL = `http://localhost:${port}`;

// The system's Chromium where there is one (browser downloads do not work here), Playwright's own
// elsewhere (`npm run test:e2e` downloads it first when missing: scripts/ensure-browser.ts).
const launchOptions = chromiumLaunchOptions();

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
    // A service worker would hide requests from page.route; only the offline journey allows it.
    serviceWorkers: "block",
    screenshot: "only-on-failure",
  },
  projects: [
    // The coach's first sign-in: registers the passkey (virtual authenticator) and keeps the
    // signed-in state for every spec (tests/e2e/support/coach.ts).
    { name: "setup", testMatch: /coach\.setup\.ts/, use: { ...devices["Desktop Chrome"], launchOptions } },
    {
      name: "chromium",
      testIgnore: [/account-deletion/, /\.mobile\.spec\.ts$/],
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    // Journeys written for a phone (390 × 844): only the specs named *.mobile.spec.ts, not the whole suite twice.
    {
      name: "mobile",
      testMatch: /\.mobile\.spec\.ts$/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, launchOptions },
    },
    // Deletes a demo account, so it runs after every other journey.
    {
      name: "destructive",
      testMatch: /account-deletion/,
      dependencies: ["chromium", "mobile"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    // next build runs inside this wait: ~1 min on a quiet 2-core machine, four times that under load.
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
