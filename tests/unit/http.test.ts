import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/return-path";
import { contentSecurityPolicy, createNonce, isDecodablePath, isStaticPage, PRERENDERED_PAGE_SOURCES } from "@/lib/http/csp";

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
    // next.config.ts's sources name every static page (/artikel/:slug and /artikel/seite/:n cover the articles and list pages).
    expect(PRERENDERED_PAGE_SOURCES).toEqual(
      expect.arrayContaining([
        "/",
        "/artikel",
        "/artikel/seite/:n",
        "/artikel/:slug",
        "/selbsttest",
        "/erstgespraech",
        "/impressum",
        "/datenschutz",
      ]),
    );
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
