// Which requests run proxy.ts, decided by Next's own compilation of its matcher (the same function
// the build uses), held against the list of public pages in lib/http/csp.ts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isStaticPage } from "@/lib/http/csp";
import { inlineScriptsOnlyFromCache, policyFor } from "../../server/prerender-csp.mjs";
import { config } from "../../proxy";

const require = createRequire(import.meta.url);
type Condition = { type: string; key: string; value?: string };
type Matcher = { regexp: string; has?: Condition[]; missing?: Condition[] };
const { getMiddlewareMatchers } = require("next/dist/build/analysis/get-page-static-info.js") as {
  getMiddlewareMatchers: (matcher: unknown, config: object) => Matcher[];
};
const matchers = getMiddlewareMatchers(config.matcher, {});

/** Whether the proxy runs for a plain GET of `path` (no prefetch header), with the query `query`. */
function runsProxy(path: string, query: Record<string, string> = {}) {
  return matchers.some(
    (m) =>
      new RegExp(m.regexp).test(path) &&
      (m.has ?? []).every((c) => c.type === "query" && c.key in query) &&
      !(m.has ?? []).some((c) => c.type !== "query"),
  );
}

const publicPages = [
  "/",
  "/artikel",
  "/artikel/seite/2",
  "/artikel/seite/9999",
  "/artikel/warum-schmerz-bleibt",
  `/artikel/${"a".repeat(80)}`,
  "/selbsttest",
  "/erstgespraech",
  "/impressum",
  "/datenschutz",
  "/bench/statisch",
];
const otherAddresses = [
  "/login",
  "/dashboard",
  "/dashboard/tagebuch",
  "/coach",
  "/coach/klienten",
  "/termin/abc",
  "/erinnerung/abmelden",
  "/gibt-es-nicht",
  "/selbsttest/x",
  "/impressumx",
  "/artikel/seite/0",
  "/artikel/seite/12345",
  "/artikel/seite/02",
  "/artikel/ZQ7X_Gross",
  "/artikel/zq7x%3Cscript%3E",
  `/artikel/${"a".repeat(81)}`,
  "/artikel/x/opengraph-image",
  "/api/journal/%ZZ",
];

describe("the proxy's matcher", () => {
  it("skips exactly the public pages served from the prerender cache", () => {
    for (const path of publicPages) {
      expect(isStaticPage(path), path).toBe(true);
      expect(runsProxy(path), path).toBe(false);
    }
    for (const path of otherAddresses) {
      expect(isStaticPage(path), path).toBe(false);
      expect(runsProxy(path), path).toBe(true);
    }
  });

  it("still sees the list's old page addresses, to move them to the path", () => {
    expect(runsProxy("/artikel", { seite: "2" })).toBe(true);
  });

  it("skips API routes and files unless their path holds a percent sign", () => {
    for (const path of ["/api/slots", "/bilder/abc", "/_next/static/chunks/a.js", "/robots.txt"]) expect(runsProxy(path), path).toBe(false);
    expect(runsProxy("/bilder/%ZZ")).toBe(true);
  });
});

describe("inline scripts only on answers from the prerender cache (server/prerender-csp.mjs)", () => {
  const inline = "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
  it("keeps them on a cached answer and takes them away from one rendered for the request", () => {
    expect(policyFor(inline, true)).toBe(inline);
    expect(policyFor(inline, false)).toBe("default-src 'self'; script-src 'self'; frame-ancestors 'none'");
  });
  it("leaves a nonce policy alone", () => {
    const nonce = "script-src 'self' 'nonce-abc' 'strict-dynamic'";
    expect(policyFor(nonce, false)).toBe(nonce);
  });
});

describe("the production server applies it to every answer (server/start.mjs)", () => {
  const inline = "default-src 'self'; script-src 'self' 'unsafe-inline'";
  async function answer(headers: Record<string, string>, viaWriteHead: boolean, init: RequestInit = {}) {
    const server = http.createServer((req, res) => {
      inlineScriptsOnlyFromCache(req, res);
      if (viaWriteHead) res.writeHead(200, headers).end("x");
      else {
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
        res.end("x");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, init);
      return response.headers.get("content-security-policy");
    } finally {
      server.close();
    }
  }
  for (const viaWriteHead of [false, true]) {
    it(`an answer rendered for the request loses 'unsafe-inline', a cached one keeps it (headers ${viaWriteHead ? "in writeHead" : "set one by one"})`, async () => {
      expect(await answer({ "content-security-policy": inline }, viaWriteHead)).toBe("default-src 'self'; script-src 'self'");
      expect(await answer({ "content-security-policy": inline, "x-nextjs-cache": "HIT" }, viaWriteHead)).toBe(inline);
    });
  }
  it("a Server Action's answer loses it even where Next marks it HIT (it is rendered for the request)", async () => {
    const cached = { "content-security-policy": inline, "x-nextjs-cache": "HIT" };
    const own = "default-src 'self'; script-src 'self'";
    expect(await answer(cached, false, { method: "POST", body: "x" })).toBe(own);
    expect(await answer(cached, false, { headers: { "next-action": "0".repeat(42) } })).toBe(own);
  });
});
