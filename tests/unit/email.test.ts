import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryDelayMs } from "@/lib/email/backoff";
import { linksIn } from "@/lib/email/mailbox";

describe("retry backoff", () => {
  it("doubles from 30 seconds and stops at one hour", () => {
    const none = () => 0;
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, none))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(MAX_ATTEMPTS + 5, none)).toBe(3_600_000);
  });

  it("adds at most 20% jitter", () => {
    expect(retryDelayMs(1, () => 0.999)).toBeLessThanOrEqual(36_000);
    expect(retryDelayMs(1, () => 0.5)).toBe(33_000);
  });
});

describe("mailbox links", () => {
  it("finds web links once each and decodes ampersands", () => {
    const html = '<a href="http://x/cb?token=1&amp;email=a">a</a><a href="http://x/cb?token=1&amp;email=a">b</a><a href="mailto:x@y">m</a>';
    expect(linksIn(html)).toEqual(["http://x/cb?token=1&email=a"]);
  });
});
