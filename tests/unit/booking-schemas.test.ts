import { describe, expect, it } from "vitest";
import { slotsQuerySchema } from "@/lib/booking/schemas";

describe("the free-slot search", () => {
  it("takes real dates the calendar math and PostgreSQL can hold", () => {
    expect(slotsQuerySchema.safeParse({ from: "2026-12-01", to: "2026-12-31" }).success).toBe(true);
    expect(slotsQuerySchema.safeParse({ from: "2000-01-01", to: "9998-12-31" }).success).toBe(true);
  });

  it("refuses dates whose margins would reach year 0 or past 9999", () => {
    for (const [from, to] of [
      ["0001-01-01", "0001-01-02"],
      ["0000-01-01", "0000-01-02"],
      ["1999-12-31", "2000-01-02"],
      ["9999-12-30", "9999-12-31"],
      ["2026-02-30", "2026-03-01"],
    ]) {
      const parsed = slotsQuerySchema.safeParse({ from, to });
      expect(parsed.success, `${from}..${to}`).toBe(false);
    }
  });
});
