import { describe, expect, it } from "vitest";
import { browserDecision, playwrightHeadlessShell, systemChromium } from "@/scripts/chromium";

const SHELL_PATH = "/home/neu/.cache/ms-playwright/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell";
const shell = () => SHELL_PATH;
const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe("whether the browser tests download Playwright's Chromium first", () => {
  it("never in CI, which brings Debian's chromium itself", () => {
    expect(browserDecision({ CI: "true" }, only(), shell)).toEqual({ action: "skip", reason: "ci" });
    expect(browserDecision({ CI: "1" }, only(), shell)).toEqual({ action: "skip", reason: "ci" });
  });

  it("not when a system Chromium is there: the one PLAYWRIGHT_CHROMIUM_PATH names, or Debian's", () => {
    expect(browserDecision({ PLAYWRIGHT_CHROMIUM_PATH: "/opt/chromium/chrome" }, only("/opt/chromium/chrome"), shell)).toEqual({
      action: "skip",
      reason: "system",
      path: "/opt/chromium/chrome",
    });
    const notAsked = () => {
      throw new Error("Playwright's registry is not needed when a system browser is there");
    };
    expect(browserDecision({}, only("/usr/bin/chromium"), notAsked)).toEqual({ action: "skip", reason: "system", path: "/usr/bin/chromium" });
  });

  it("not when Playwright's own headless Chromium was downloaded before", () => {
    expect(browserDecision({}, only(SHELL_PATH), shell)).toEqual({ action: "skip", reason: "playwright", path: SHELL_PATH });
    expect(browserDecision({ CI: "false" }, only(SHELL_PATH), shell)).toEqual({ action: "skip", reason: "playwright", path: SHELL_PATH });
  });

  it("when nothing is there: a newcomer's laptop", () => {
    expect(browserDecision({}, only(), shell)).toEqual({ action: "install" });
    expect(browserDecision({ CI: "" }, only(), shell)).toEqual({ action: "install" });
    expect(browserDecision({}, only(""), () => "")).toEqual({ action: "install" });
  });

  it("stops when PLAYWRIGHT_CHROMIUM_PATH names a file that is not there, which a download would not fix", () => {
    expect(browserDecision({ PLAYWRIGHT_CHROMIUM_PATH: "/nicht/da" }, only("/usr/bin/chromium", SHELL_PATH), shell)).toEqual({
      action: "fail",
      reason: "configured-missing",
      path: "/nicht/da",
    });
  });
});

describe("which Chromium the browser tests launch", () => {
  it("PLAYWRIGHT_CHROMIUM_PATH first, then Debian's, else Playwright's own (undefined)", () => {
    expect(systemChromium({ PLAYWRIGHT_CHROMIUM_PATH: "/opt/chromium/chrome" }, only("/usr/bin/chromium"))).toBe("/opt/chromium/chrome");
    expect(systemChromium({}, only("/usr/bin/chromium"))).toBe("/usr/bin/chromium");
    expect(systemChromium({}, only())).toBeUndefined();
  });
});

describe("where Playwright keeps its own Chromium", () => {
  it("is read from playwright-core's registry (this fails if an upgrade moves that API)", () => {
    expect(playwrightHeadlessShell()).toMatch(/chromium_headless_shell-\d+.*chrome-headless-shell(\.exe)?$/);
  });
});
