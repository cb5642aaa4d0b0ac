import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeIdentifier } from "@/lib/auth/identifier";
// Auth.js's default rule, which its package does not export: read from the installed file, so that
// an upgrade that changes it fails here instead of opening a gap between the limit and the link.
import { defaultNormalizer } from "../../node_modules/@auth/core/lib/actions/signin/send-token.js";

const outcome = (normalize: (email: string) => string, email: string) => {
  try {
    return { ok: normalize(email) };
  } catch {
    return { refused: true };
  }
};

describe("the sign-in identifier", () => {
  it("reads the spellings of one address as that address", () => {
    for (const spelling of ["ben@example.com", " Ben@Example.COM ", "ben@example.com,x1", "ben@example.com,evil.com", "ｂｅｎ@example.com", "ben＠example.com"]) {
      expect(normalizeIdentifier(spelling), spelling).toBe("ben@example.com");
    }
  });

  it("refuses quotes, a second @ and an empty part", () => {
    for (const bad of ['"ben"@example.com', "ben@evil.com@example.com", "ben@", "@example.com", "ben@,x", "", "ben＠evil.com@example.com"]) {
      expect(() => normalizeIdentifier(bad), bad).toThrow();
    }
  });

  it("decides every address as Auth.js's default normaliser does", () => {
    const odd = fc.constantFrom("@", "＠", ",", '"', " ", "Ａ", "ß", "İ", "\u0301", "ﬁ", ".", "a", "B", "1", "\u00a0", "\u2003");
    fc.assert(
      fc.property(fc.array(fc.oneof(odd, fc.string({ maxLength: 3 })), { maxLength: 12 }), (parts) => {
        const email = parts.join("");
        expect(outcome(normalizeIdentifier, email)).toEqual(outcome(defaultNormalizer, email));
      }),
      { numRuns: 2000 },
    );
  });
});
