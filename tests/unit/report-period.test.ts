import { describe, expect, it } from "vitest";
import { reportPeriod } from "@/lib/report/period";

const q = (query: string) => new URLSearchParams(query);
const today = "2026-06-15";

describe("the report's period", () => {
  it("is the last 12 weeks up to today by default", () => {
    expect(reportPeriod(q(""), today)).toEqual({ from: "2026-03-24", to: "2026-06-15" });
  });

  it("takes von and bis, or 12 weeks before bis, or von up to today", () => {
    expect(reportPeriod(q("von=2026-01-01&bis=2026-02-28"), today)).toEqual({ from: "2026-01-01", to: "2026-02-28" });
    expect(reportPeriod(q("bis=2026-03-01"), today)).toEqual({ from: "2025-12-08", to: "2026-03-01" });
    expect(reportPeriod(q("von=2026-06-01"), today)).toEqual({ from: "2026-06-01", to: "2026-06-15" });
  });

  it("allows two years (731 days) and no more", () => {
    expect(reportPeriod(q("von=2024-06-15&bis=2026-06-15"), today)).toEqual({ from: "2024-06-15", to: "2026-06-15" });
    expect(() => reportPeriod(q("von=2024-06-14&bis=2026-06-15"), today)).toThrow("Ein Bericht umfasst höchstens zwei Jahre.");
  });

  it("refuses impossible dates, the future, a reversed range and repeated parameters with German messages", () => {
    expect(() => reportPeriod(q("von=2026-02-30"), today)).toThrow(/JJJJ-MM-TT/);
    expect(() => reportPeriod(q("von=15.06.2026"), today)).toThrow(/JJJJ-MM-TT/);
    expect(() => reportPeriod(q("bis=2026-06-16"), today)).toThrow("Der Zeitraum darf nicht in der Zukunft enden.");
    expect(() => reportPeriod(q("von=2026-05-02&bis=2026-05-01"), today)).toThrow("„von“ muss vor „bis“ liegen.");
    expect(() => reportPeriod(q("von=2026-05-01&von=2026-05-02"), today)).toThrow(/je einmal/);
  });

  it("ignores other parameters (an id of someone else does nothing)", () => {
    expect(reportPeriod(q("clientId=x&von=2026-06-01"), today)).toEqual({ from: "2026-06-01", to: "2026-06-15" });
  });
});
