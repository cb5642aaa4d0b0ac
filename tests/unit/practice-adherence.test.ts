import { describe, expect, it } from "vitest";
import { activeDaysInWeek, expectedInWeek, practiceShift, weeklyAdherence } from "@/lib/practice/adherence";

describe("expectedInWeek", () => {
  it.each([
    ["daily", 7, 7],
    ["daily", 3, 3],
    ["daily", 0, 0],
    ["three_per_week", 7, 3],
    ["three_per_week", 5, 3], // 15/7 → 3
    ["three_per_week", 3, 2], // 9/7 → 2
    ["three_per_week", 1, 1],
    ["three_per_week", 0, 0],
    ["weekly", 7, 1],
    ["weekly", 1, 1],
    ["weekly", 0, 0],
  ] as const)("%s with %i active days asks for %i", (frequency, days, expected) => {
    expect(expectedInWeek(frequency, days)).toBe(expected);
  });
});

describe("activeDaysInWeek (the week of Monday 2026-11-16)", () => {
  it("counts from the start day and up to the day before the end", () => {
    expect(activeDaysInWeek("2026-11-16", "2026-11-01", null)).toBe(7);
    expect(activeDaysInWeek("2026-11-16", "2026-11-20", null)).toBe(3); // Fri, Sat, Sun
    expect(activeDaysInWeek("2026-11-16", "2026-11-01", "2026-11-18")).toBe(2); // Mon, Tue
    expect(activeDaysInWeek("2026-11-16", "2026-11-23", null)).toBe(0);
    expect(activeDaysInWeek("2026-11-16", "2026-11-17", "2026-11-17")).toBe(0);
  });
});

describe("weeklyAdherence", () => {
  it("lists each week from the start to today's week, newest first, with done and expected", () => {
    // 3× a week from Thursday 2026-11-12; today is Wednesday 2026-11-25.
    const weeks = weeklyAdherence(
      { frequency: "three_per_week", startsOn: "2026-11-12", endedOn: null },
      ["2026-11-12", "2026-11-14", "2026-11-16", "2026-11-18", "2026-11-19", "2026-11-22", "2026-11-24"],
      "2026-11-25",
    );
    expect(weeks).toEqual([
      { monday: "2026-11-23", done: 1, expected: 3, current: true },
      { monday: "2026-11-16", done: 4, expected: 3, current: false },
      { monday: "2026-11-09", done: 2, expected: 2, current: false }, // Thu-Sun: 4 days → 12/7 → 2
    ]);
  });

  it("stops at the week the assignment ended in", () => {
    const weeks = weeklyAdherence({ frequency: "daily", startsOn: "2026-11-02", endedOn: "2026-11-11" }, ["2026-11-10"], "2026-11-25");
    expect(weeks).toEqual([
      { monday: "2026-11-09", done: 1, expected: 2, current: false }, // Mon 9, Tue 10
      { monday: "2026-11-02", done: 0, expected: 7, current: false },
    ]);
  });
});

describe("practiceShift", () => {
  it("averages before and after and says fear fell first when it fell more than intensity", () => {
    const shift = practiceShift([
      { fearBefore: 6, fearAfter: 3, intensityBefore: 5, intensityAfter: 4 },
      { fearBefore: 7, fearAfter: 4, intensityBefore: 6, intensityAfter: 5 },
      { fearBefore: 5, fearAfter: 4, intensityBefore: 5, intensityAfter: 3 },
    ]);
    expect(shift).toEqual({
      n: 3,
      fearBefore: 6,
      fearAfter: 3.7,
      intensityBefore: 5.3,
      intensityAfter: 4,
      fearFallsFirst: true,
      fearFellMore: 2,
    });
  });

  it("does not say so when intensity fell as much, and is null without practices", () => {
    expect(practiceShift([{ fearBefore: 5, fearAfter: 3, intensityBefore: 6, intensityAfter: 4 }])?.fearFallsFirst).toBe(false);
    expect(practiceShift([])).toBeNull();
  });
});
