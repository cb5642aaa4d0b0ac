import { render } from "@react-email/components";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import SecurityNoticeEmail, { securityEvents, securityNoticeSubject } from "@/emails/security-notice";
import { sessionForAuth } from "@/lib/auth/session-adapter";
import { secondFactorStatus } from "@/lib/second-factor/policy";
import { hashRecoveryCode, newRecoveryCode, normalizeRecoveryCode } from "@/lib/second-factor/recovery-codes";
import { describeUserAgent } from "@/lib/second-factor/sessions";

describe("who must prove a second factor", () => {
  const none = { verified: false, enrolled: false };
  const enrolled = { verified: false, enrolled: true };
  const verified = { verified: true, enrolled: true };

  it("the coach in production: always, with or without a passkey yet", () => {
    expect(secondFactorStatus("coach", none, true)).toBe("pending");
    expect(secondFactorStatus("coach", enrolled, true)).toBe("pending");
    expect(secondFactorStatus("coach", verified, true)).toBe("verified");
  });

  it("the coach in development: may skip it", () => {
    expect(secondFactorStatus("coach", none, false)).toBe("skipped");
    expect(secondFactorStatus("coach", enrolled, false)).toBe("skipped");
    expect(secondFactorStatus("coach", verified, false)).toBe("verified");
  });

  it("a client: only once they added a passkey, in production and development alike", () => {
    for (const production of [true, false]) {
      expect(secondFactorStatus("client", none, production)).toBe("off");
      expect(secondFactorStatus("client", enrolled, production)).toBe("pending");
      expect(secondFactorStatus("client", verified, production)).toBe("verified");
    }
  });
});

describe("recovery codes", () => {
  it("are ten characters of an alphabet without 0, O, 1 and I, in two groups", () => {
    const codes = Array.from({ length: 200 }, newRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    expect(new Set(codes).size).toBe(200);
  });

  it("are accepted as typed: lower case, spaces, hyphens of any kind", () => {
    expect(normalizeRecoveryCode("k7qx2-mp9rt")).toBe("K7QX2MP9RT");
    expect(normalizeRecoveryCode(" K7QX2 MP9RT ")).toBe("K7QX2MP9RT");
    expect(normalizeRecoveryCode("K7QX2–MP9RT")).toBe("K7QX2MP9RT");
    expect(normalizeRecoveryCode("Ｋ7QX2MP9RT")).toBe("K7QX2MP9RT"); // full-width letter
  });

  it("refuse what cannot be one", () => {
    for (const input of ["", "K7QX2", "K7QX2-MP9RT2", "K7QX0-MP9RT", "K7QX2-MP9R\u0000", "' or 1=1 --", "K7QX2-MP9RÜ"]) {
      expect(normalizeRecoveryCode(input), input).toBeNull();
    }
  });

  it("are stored as a keyed hash that is neither the code nor its plain SHA-256", async () => {
    const { createHash } = await import("node:crypto");
    const hash = hashRecoveryCode("K7QX2MP9RT");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toBe(createHash("sha256").update("K7QX2MP9RT").digest("hex"));
    expect(hashRecoveryCode("K7QX2MP9RT")).toBe(hash);
    expect(hashRecoveryCode("K7QX2MP9RU")).not.toBe(hash);
  });
});

describe("devices in the session list", () => {
  it("are named by browser and system", () => {
    expect(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")).toBe("Chrome unter Linux");
    expect(describeUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15")).toBe("Safari unter macOS");
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe("Firefox unter Windows");
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36 Edg/131.0")).toBe("Edge unter Windows");
    expect(describeUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/131.0 Mobile Safari/537.36")).toBe("Chrome unter Android");
    expect(describeUserAgent(null)).toBe("Unbekanntes Gerät");
    expect(describeUserAgent("curl/8.5.0")).toBe("Browser");
  });
});

describe("the security email", () => {
  it("renders for every event, says what happened and where to look, and carries no sign-in link", async () => {
    for (const event of securityEvents) {
      const props = { event, name: "Mara", practiceName: "Rückenwind Coaching", at: "3. Dezember 2026, 09:12", settingsUrl: "https://praxis.example/coach/einstellungen#anmeldung", remainingCodes: 7 };
      const text = await render(createElement(SecurityNoticeEmail, props), { plainText: true });
      const html = await render(createElement(SecurityNoticeEmail, props));
      expect(text).toContain("Hallo Mara,");
      expect(text).toContain("3. Dezember 2026, 09:12");
      expect(text).toContain("https://praxis.example/coach/einstellungen#anmeldung");
      expect(`${text}${html}`).not.toMatch(/callback|token=|\/api\/auth/);
      expect(securityNoticeSubject(event, "Rückenwind Coaching")).toMatch(/\(Rückenwind Coaching\)$/);
      if (event === "recovery-code-used") expect(text).toContain("noch 7 unbenutzte Codes");
    }
  });
});

describe("the session answer", () => {
  it("carries the second-factor facts as two booleans, not the session row's token, browser and times", () => {
    const row = {
      sessionToken: "3f2a9c5e-secret-session-token",
      userId: "u",
      expires: new Date(),
      id: "5c1e…",
      createdAt: new Date(),
      lastSeenAt: new Date(),
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0",
      secondFactorAt: new Date(),
      passkeyEnrolled: true,
    };
    const user = { id: "u", role: "coach" as const, name: "Clara", email: "coach@example.com", emailVerified: new Date(), image: null };
    const answer = sessionForAuth(row, user);
    expect(answer.secondFactor).toEqual({ verified: true, enrolled: true });
    expect(Object.keys(answer).sort()).toEqual(["expires", "secondFactor", "user"]);
    expect(Object.keys(answer.user).sort()).toEqual(["email", "id", "name", "role"]);
    expect(JSON.stringify(answer)).not.toMatch(/secret-session-token|Mozilla|5c1e/);
    expect(sessionForAuth({ expires: new Date(), secondFactorAt: null } as { expires: Date }, { id: "u" }).secondFactor).toEqual({
      verified: false,
      enrolled: false,
    });
  });
});
