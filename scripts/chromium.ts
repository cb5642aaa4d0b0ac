// Which Chromium the browser tests launch, and whether Playwright's own must be downloaded first.
// The one home of that rule: playwright.config.ts, tests/resilience/db-restart.test.ts and
// scripts/ensure-browser.ts all ask here.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

/** Where a system Chromium is looked for when PLAYWRIGHT_CHROMIUM_PATH is not set (Debian's package). */
export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** Without the background-networking flags Chromium floods a closed network (see STACK.md). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

type Env = Record<string, string | undefined>;

/** The system browser to launch: PLAYWRIGHT_CHROMIUM_PATH, else Debian's where it exists; undefined = Playwright's own. */
export function systemChromium(env: Env = process.env, exists: (path: string) => boolean = existsSync): string | undefined {
  if (env.PLAYWRIGHT_CHROMIUM_PATH) return env.PLAYWRIGHT_CHROMIUM_PATH;
  return exists(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}

/** Launch options for Playwright's chromium: the system browser if there is one, and the flags above. */
export function chromiumLaunchOptions(env: Env = process.env) {
  return { executablePath: systemChromium(env), args: CHROMIUM_ARGS };
}

export type BrowserDecision =
  | { action: "skip"; reason: "ci" }
  | { action: "skip"; reason: "system"; path: string }
  | { action: "skip"; reason: "playwright"; path: string }
  | { action: "fail"; reason: "configured-missing"; path: string }
  | { action: "install" };

/**
 * Whether the browser tests need Playwright's own Chromium downloaded first. CI brings Debian's
 * chromium itself (.ci/run), so nothing is downloaded there. A PLAYWRIGHT_CHROMIUM_PATH that
 * points nowhere is a mistake a download would not fix. `playwrightShell` tells where Playwright
 * keeps the headless shell it launches when no executable path is given (asked only when needed:
 * its registry is a 3.5 MB bundle).
 */
export function browserDecision(env: Env, exists: (path: string) => boolean, playwrightShell: () => string): BrowserDecision {
  if (env.CI && env.CI !== "false" && env.CI !== "0") return { action: "skip", reason: "ci" };
  const system = systemChromium(env, exists);
  if (system) return exists(system) ? { action: "skip", reason: "system", path: system } : { action: "fail", reason: "configured-missing", path: system };
  const shell = playwrightShell();
  if (shell && exists(shell)) return { action: "skip", reason: "playwright", path: shell };
  return { action: "install" };
}

/** Where Playwright's registry keeps its headless Chromium (it honours PLAYWRIGHT_BROWSERS_PATH). */
export function playwrightHeadlessShell(): string {
  // playwright-core bundles its registry; the headless shell is what a headless launch without
  // an executable path uses (and what `playwright install chromium` downloads with it).
  const { registry } = createRequire(import.meta.url)("playwright-core/lib/coreBundle") as {
    registry: { registry: { findExecutable(name: string): { executablePath(): string | undefined } | undefined } };
  };
  return registry.registry.findExecutable("chromium-headless-shell")?.executablePath() ?? "";
}
