// Before the browser tests: download Playwright's Chromium when there is no browser to launch
// (a newcomer's laptop), so `npm test` works on a fresh clone. The rule is in scripts/chromium.ts.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { browserDecision, playwrightHeadlessShell } from "./chromium";

const decision = browserDecision(process.env, existsSync, playwrightHeadlessShell);

if (decision.action === "fail") {
  console.error(`PLAYWRIGHT_CHROMIUM_PATH is ${decision.path}, which does not exist: point it at a Chromium binary, or unset it.`);
  process.exit(1);
}

if (decision.action === "install") {
  console.log("No Chromium found for the browser tests: downloading Playwright's own once (npx playwright install chromium; a few minutes) …");
  const cli = createRequire(import.meta.url).resolve("@playwright/test/cli");
  // Its output on failure is a screenful of stack traces and retries: keep it for the one line below.
  const result = spawnSync(process.execPath, [cli, "install", "chromium"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    const cause = `${result.stderr}\n${result.stdout}`.match(/^Error: (.+)$/m)?.[1] ?? result.error?.message ?? "unknown error";
    console.error(
      `Could not download Playwright's Chromium (${cause}): install one with \`sudo apt-get install chromium\`, or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary, then run the tests again.`,
    );
    process.exit(1);
  }
  console.log(`Chromium ready: ${playwrightHeadlessShell()}`);
}
