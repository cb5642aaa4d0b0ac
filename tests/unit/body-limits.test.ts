import { describe, expect, it } from "vitest";
import { bodyLimitFor } from "@/server/limits.mjs";

const MB = 1024 * 1024;

describe("bodyLimitFor", () => {
  it("gives the two uploads their own limits, for POST only, whatever the query string", () => {
    expect(bodyLimitFor("POST", "/api/audio")).toBe(30 * MB);
    expect(bodyLimitFor("POST", "/api/audio?x=1")).toBe(30 * MB);
    expect(bodyLimitFor("POST", "/api/images")).toBe(10 * MB);
    expect(bodyLimitFor("PUT", "/api/audio")).toBe(1 * MB);
    expect(bodyLimitFor("POST", "/api/audio/x")).toBe(1 * MB);
    expect(bodyLimitFor("POST", "/audio/x")).toBe(1 * MB);
    expect(bodyLimitFor("POST", "/dashboard/uebungen")).toBe(1 * MB);
  });
});
