import { describe, expect, it } from "vitest";
import { practiceOutcomes, median } from "@/lib/outcomes/aggregate";
import { phq4 } from "@/lib/outcomes/instruments";
import { lowPainSince, scorePhq4 } from "@/lib/outcomes/scoring";

describe("PHQ-4 scoring", () => {
  it("adds items 1+2 to PHQ-2 and 3+4 to GAD-2, and the four to the total", () => {
    expect(scorePhq4({ phq1: 1, phq2: 0, phq3: 3, phq4: 2 })).toEqual({ phq2: 1, gad2: 5, total: 6, elevated: true });
    expect(scorePhq4({ phq1: 0, phq2: 0, phq3: 0, phq4: 0 })).toEqual({ phq2: 0, gad2: 0, total: 0, elevated: false });
  });

  it("is elevated from 3 in either part, not at 2", () => {
    expect(scorePhq4({ phq1: 1, phq2: 1, phq3: 1, phq4: 1 }).elevated).toBe(false); // 2 and 2: total 4, still below
    expect(scorePhq4({ phq1: 2, phq2: 0, phq3: 2, phq4: 0 }).elevated).toBe(false);
    expect(scorePhq4({ phq1: 2, phq2: 1, phq3: 0, phq4: 0 }).elevated).toBe(true); // PHQ-2 = 3
    expect(scorePhq4({ phq1: 0, phq2: 0, phq3: 1, phq4: 2 }).elevated).toBe(true); // GAD-2 = 3
    expect(scorePhq4({ phq1: 0, phq2: 3, phq3: 0, phq4: 0 }).elevated).toBe(true);
  });

  it("keeps the published German wording with its formal 'Sie'", () => {
    expect(phq4.stem).toBe("Wie oft fühlten Sie sich im Verlauf der letzten 2 Wochen durch die folgenden Beschwerden beeinträchtigt?");
    expect(phq4.items.map((i) => i.text)).toEqual([
      "Wenig Interesse oder Freude an Ihren Tätigkeiten",
      "Niedergeschlagenheit, Schwermut oder Hoffnungslosigkeit",
      "Nervosität, Ängstlichkeit oder Anspannung",
      "Nicht in der Lage sein, Sorgen zu stoppen oder zu kontrollieren",
    ]);
    expect(phq4.answers).toEqual(["Überhaupt nicht", "An einzelnen Tagen", "An mehr als der Hälfte der Tage", "Beinahe jeden Tag"]);
  });
});

describe("since when the average pain stays at 0–1", () => {
  it("names the first day of the run that reaches the latest check-in", () => {
    const rows = [
      { date: "2026-09-01", averagePain: 6 },
      { date: "2026-09-08", averagePain: 1 },
      { date: "2026-09-15", averagePain: 3 },
      { date: "2026-09-22", averagePain: 1 },
      { date: "2026-09-29", averagePain: 0 },
    ];
    expect(lowPainSince(rows)).toBe("2026-09-22");
    expect(lowPainSince([...rows].reverse())).toBe("2026-09-22");
  });

  it("says nothing when the latest check-in is above 1", () => {
    expect(
      lowPainSince([
        { date: "2026-09-01", averagePain: 1 },
        { date: "2026-09-08", averagePain: 2 },
      ]),
    ).toBeNull();
    expect(lowPainSince([])).toBeNull();
  });
});

describe("the practice's outcomes", () => {
  it("shows no figure at all below 5 clients", () => {
    const four = [
      { baseline: 6, latest: 1 },
      { baseline: 5, latest: 0 },
      { baseline: 7, latest: 1 },
      { baseline: 4, latest: 1 },
    ];
    expect(practiceOutcomes(four)).toEqual({ n: 4, shown: false });
    expect(practiceOutcomes([])).toEqual({ n: 0, shown: false });
  });

  it("counts 2 of 5 (40 %) at 0–1, the median change and the IMMPACT shares by hand", () => {
    // At 0–1: the first two. Changes: −5, −4, −1, 0, −5 → sorted −5, −5, −4, −1, 0, median −4.
    // Reductions: 5/6 = 83 %, 4/5 = 80 %, 1/4 = 25 %, 0 %, 5/7 = 71 % → ≥ 30 %: 3 of 5; ≥ 50 %: 3 of 5.
    const pairs = [
      { baseline: 6, latest: 1 },
      { baseline: 5, latest: 1 },
      { baseline: 4, latest: 3 },
      { baseline: 3, latest: 3 },
      { baseline: 7, latest: 2 },
    ];
    expect(practiceOutcomes(pairs)).toEqual({
      n: 5,
      shown: true,
      lowPainShare: 0.4,
      medianChange: -4,
      reduced30Share: 0.6,
      reduced50Share: 0.6,
    });
  });

  it("counts exactly 30 % and exactly 50 % as reached, and a baseline of 0 as no reduction", () => {
    // 10 → 7 is 30 %, 10 → 5 is 50 %, 10 → 8 is 20 %, 0 → 0 nothing to reduce, 4 → 0 is 100 %; 6 clients.
    const pairs = [
      { baseline: 10, latest: 7 },
      { baseline: 10, latest: 5 },
      { baseline: 10, latest: 8 },
      { baseline: 0, latest: 0 },
      { baseline: 4, latest: 0 },
      { baseline: 2, latest: 3 },
    ];
    // Changes −3, −5, −2, 0, −4, +1 → sorted −5, −4, −3, −2, 0, 1 → median (−3 + −2) / 2 = −2.5.
    expect(practiceOutcomes(pairs)).toEqual({
      n: 6,
      shown: true,
      lowPainShare: 2 / 6,
      medianChange: -2.5,
      reduced30Share: 3 / 6,
      reduced50Share: 2 / 6,
    });
  });

  it("takes the middle of an odd list and the mean of the two middles of an even one", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("the check-in's input", () => {
  const valid = { averagePain: "6", worstPain: "8", interference: "5", damageBelief: "7", phq1: "0", phq2: "1", phq3: "3", phq4: "2" };
  it("takes whole answers in range and refuses a question left out, never reading it as 0", async () => {
    const { checkinSchema } = await import("@/lib/outcomes/schemas");
    expect(checkinSchema.parse(valid)).toEqual({
      averagePain: 6,
      worstPain: 8,
      interference: 5,
      damageBelief: 7,
      phq1: 0,
      phq2: 1,
      phq3: 3,
      phq4: 2,
    });
    expect(checkinSchema.safeParse({ ...valid, averagePain: "" }).success).toBe(false);
    expect(checkinSchema.safeParse({ ...valid, phq2: " " }).success).toBe(false);
    expect(checkinSchema.safeParse({ ...valid, averagePain: "11" }).success).toBe(false);
    expect(checkinSchema.safeParse({ ...valid, phq4: "4" }).success).toBe(false);
    expect(checkinSchema.safeParse({ ...valid, worstPain: "2.5" }).success).toBe(false);
  });
});
