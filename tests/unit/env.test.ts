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

  it("refuses a malformed DATABASE_URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrow(/DATABASE_URL must look like postgres:\/\//);
    expect(parseEnv({ DATABASE_URL: "postgres://u@h:5432/d" }).DATABASE_URL).toBe("postgres://u@h:5432/d");
  });

  it("hides the dev mailbox in production unless DEV_MAILBOX=1", () => {
    expect(devMailboxEnabled(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x" }))).toBe(false);
    expect(devMailboxEnabled(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x", DEV_MAILBOX: "1" }))).toBe(true);
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", RESEND_API_KEY: " " })).toMatchObject({ DATABASE_URL: undefined, RESEND_API_KEY: undefined });
  });
});
