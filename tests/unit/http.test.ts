import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { contentSecurityPolicy, createNonce, isDecodablePath, isStaticPage, PRERENDERED_PAGE_SOURCES } from "@/lib/http/csp";
import nextConfig from "../../next.config";

describe("content security policy", () => {
  it("allows scripts only with the nonce in production and forbids framing", () => {
    const csp = contentSecurityPolicy({ nonce: "abc" }, { dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("lets the client area's service worker and the web manifest come from our own origin only", () => {
    for (const scripts of [{ nonce: "abc" }, "own-files", "prerendered"] as const) {
      const csp = contentSecurityPolicy(scripts, { dev: false });
      expect(csp).toContain("worker-src 'self';");
      expect(csp).toContain("manifest-src 'self';");
    }
  });

  it("falls back to scripts from our own files only, and allows inline scripts only for prerendered pages", () => {
    const fallback = contentSecurityPolicy("own-files", { dev: false });
    expect(fallback).toMatch(/script-src 'self'; /);
    expect(fallback).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("prerendered", { dev: false })).toMatch(/script-src 'self' 'unsafe-inline'; /);
  });

  it("knows the prerendered pages by the same paths as next.config.ts's fallback", () => {
    for (const path of ["/", "/artikel", "/artikel/seite/3", "/artikel/warum-schmerz-bleibt", "/impressum", "/bench/statisch"])
      expect(isStaticPage(path), path).toBe(true);
    for (const path of ["/artikel/seite/0", "/artikel/x/opengraph-image", "/login", "/bench/statisch/x"])
      expect(isStaticPage(path), path).toBe(false);
    // next.config.ts's sources name every static page (/artikel/([^/]+) and /artikel/seite/([^/]+) cover the articles and list pages).
    expect(PRERENDERED_PAGE_SOURCES).toEqual(
      expect.arrayContaining([
        "/",
        "/artikel",
        "/artikel/seite/([^/]+)",
        "/artikel/([^/]+)",
        "/selbsttest",
        "/erstgespraech",
        "/impressum",
        "/datenschutz",
      ]),
    );
  });

  it("gives every response its headers without a parameter from the path (Next compiles header values per request where a source names one)", async () => {
    const rules = (await nextConfig.headers!()) as { source: string; headers: { key: string; value: string }[] }[];
    const policies = (path: string) =>
      rules.flatMap((rule) => {
        // As Next matches a header rule (next/dist/server/lib/router-utils/filesystem.js, buildCustomRoute).
        const params = getPathMatch(rule.source, { strict: true, removeUnnamedParams: true })(path);
        if (!params) return [];
        expect(params, `${rule.source} on ${path}`).toEqual({});
        return rule.headers.filter((h) => h.key === "Content-Security-Policy").map((h) => h.value);
      });
    for (const path of [
      "/",
      "/artikel/warum-schmerz-bleibt",
      "/artikel/seite/2",
      "/impressum",
      "/dashboard/rechnungen/abc",
      "/sw.js",
      "/api/slots",
    ]) {
      const found = policies(path);
      expect(found.length, path).toBeGreaterThan(0);
      // The later rule wins: inline scripts only on the prerendered pages' paths.
      expect(/script-src[^;]*'unsafe-inline'/.test(found.at(-1)!), path).toBe(isStaticPage(path));
    }
  });

  it("tells paths Next cannot decode", () => {
    expect(isDecodablePath("/artikel/%C3%BCber")).toBe(true);
    for (const path of ["/artikel/%ZZ", "/api/journal/%", "/termin/%E0%A4%A"]) expect(isDecodablePath(path), path).toBe(false);
  });

  it("makes a fresh nonce each time", () => {
    expect(createNonce()).not.toBe(createNonce());
    expect(createNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("return path after sign-in", () => {
  it("keeps paths on this site and refuses everything else", () => {
    expect(safeReturnPath("/dashboard?x=1")).toBe("/dashboard?x=1");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined, "/a\nb"]) {
      expect(safeReturnPath(bad)).toBe("/login/weiter");
    }
  });
});
