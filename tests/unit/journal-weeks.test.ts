import { describe, expect, it } from "vitest";
import { fillDays } from "@/lib/journal/progress";
import { weeklyAverages } from "@/lib/journal/weeks";

describe("weeklyAverages", () => {
  it("averages Monday-to-Sunday weeks, dates each by its first day in the range and leaves empty weeks as gaps", () => {
    // Wednesday 2026-11-04 to Sunday 2026-11-22: a partial week, an empty week, a full week.
    const days = fillDays(
      [
        { date: "2026-11-04", pain: 6, stress: 4, mood: 2 },
        { date: "2026-11-06", pain: 3, stress: 5, mood: null },
        { date: "2026-11-16", pain: 2, stress: 2, mood: 4 },
        { date: "2026-11-22", pain: 3, stress: 1, mood: 5 },
      ],
      "2026-11-04",
      "2026-11-22",
    );
    expect(weeklyAverages(days)).toEqual([
      { date: "2026-11-04", pain: 4.5, stress: 4.5, mood: 2 },
      { date: "2026-11-09", pain: null, stress: null, mood: null },
      { date: "2026-11-16", pain: 2.5, stress: 1.5, mood: 4.5 },
    ]);
  });
});
