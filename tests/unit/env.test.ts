import { describe, expect, it } from "vitest";
import { devMailboxEnabled, parseEnv } from "@/lib/env";

describe("environment", () => {
  it("runs in development with nothing set", () => {
    const e = parseEnv({});
    expect(e.NODE_ENV).toBe("development");
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.COACH_EMAIL).toBe("coach@example.com");
    expect(devMailboxEnabled(e)).toBe(true);
  });

  it("refuses a production start without AUTH_SECRET in one clear line", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/^Invalid environment: AUTH_SECRET is required in production/);
  });

  it("refuses a production start without AUTH_URL in one clear line", () => {
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x" })).toThrow(/^Invalid environment: AUTH_URL is required in production \(the site's public URL/);
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x", AUTH_URL: "https://praxis.example.de" }).AUTH_URL).toBe("https://praxis.example.de");
  });

  it("refuses proxy settings the server cannot follow, in one line", () => {
    expect(() => parseEnv({ TRUST_PROXY_HOPS: "all" })).toThrow(/^Invalid environment: TRUST_PROXY_HOPS must be a whole number/);
    expect(() => parseEnv({ CLIENT_IP_HEADER: "x real ip" })).toThrow(/^Invalid environment: CLIENT_IP_HEADER/);
  });

  it("refuses a malformed DATABASE_URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrow(/DATABASE_URL must look like postgres:\/\//);
    expect(parseEnv({ DATABASE_URL: "postgres://u@h:5432/d" }).DATABASE_URL).toBe("postgres://u@h:5432/d");
  });

  it("hides the dev mailbox in production unless DEV_MAILBOX=1", () => {
    expect(devMailboxEnabled(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x", AUTH_URL: "https://p.example" }))).toBe(false);
    expect(devMailboxEnabled(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x", AUTH_URL: "https://p.example", DEV_MAILBOX: "1" }))).toBe(true);
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", RESEND_API_KEY: " " })).toMatchObject({ DATABASE_URL: undefined, RESEND_API_KEY: undefined });
  });
});
