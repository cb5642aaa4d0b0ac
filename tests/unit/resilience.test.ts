import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/http/errors";
import { parseRetryAfter } from "@/lib/email/transport";
import { retryDelayMs } from "@/lib/email/backoff";

describe("isDatabaseUnavailable", () => {
  it("recognises lost connections and shutdown codes, also wrapped in drizzle's cause", () => {
    for (const code of ["ECONNREFUSED", "CONNECTION_ENDED", "CONNECTION_CLOSED", "CONNECT_TIMEOUT", "57P01", "57P03", "08006", "53300"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code }))).toBe(true);
      expect(isDatabaseUnavailable(new Error("Failed query", { cause: Object.assign(new Error("y"), { code }) }))).toBe(true);
    }
  });
  it("leaves query errors alone", () => {
    for (const code of ["23505", "23P01", "22P02", "42P01"])
      expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("plain"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("retryDelayMs with a lowered first delay", () => {
  it("doubles from the given base", () => {
    expect([1, 2, 3].map((a) => retryDelayMs(a, () => 0, 1000))).toEqual([1000, 2000, 4000]);
  });
});
