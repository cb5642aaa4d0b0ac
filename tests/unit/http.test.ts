import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/return-path";
import { contentSecurityPolicy, createNonce } from "@/lib/http/csp";

describe("content security policy", () => {
  it("allows scripts only with the nonce in production and forbids framing", () => {
    const csp = contentSecurityPolicy("abc", { dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
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
