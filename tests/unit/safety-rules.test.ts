import { describe, expect, it } from "vitest";
import { areaComesAndGoes, movementHelped, painChangesSide, painFollowsStress, suggest, type RuleEntry } from "@/lib/safety/rules";

const entry = (n: number, fields: Partial<RuleEntry> = {}): RuleEntry => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  entryDate: `2026-10-${String(n).padStart(2, "0")}`,
  pain: 5,
  stress: 5,
  bodyAreas: ["unterer Rücken"],
  helped: [],
  ...fields,
});

describe("movement helped", () => {
  it("finds a day with pain 3 or less whose helped list names movement, in any case", () => {
    const found = movementHelped.find([
      entry(1, { pain: 3, helped: ["Atmen", "langer SPAZIERGANG"] }),
      entry(2, { pain: 2, helped: ["Yoga am Morgen"] }),
      entry(3, { pain: 4, helped: ["Wandern"] }), // pain too high
      entry(4, { pain: 1, helped: ["Somatic Tracking"] }), // no movement
    ]);
    expect(found.map((s) => [s.evidenceKey, s.observedOn])).toEqual([
      [entry(1).id, "2026-10-01"],
      [entry(2).id, "2026-10-02"],
    ]);
    expect(found[0]!.journalEntryId).toBe(entry(1).id);
    expect(found[0]!.clientText).toBe(
      "Am 1. Oktober 2026 hat dir „langer SPAZIERGANG“ gutgetan, und dein Schmerz lag bei 3 von 10. Dein Körper hat die Bewegung gut vertragen.",
    );
  });

  it("does not read the notes, only what helped", () => {
    expect(movementHelped.find([entry(1, { pain: 1, helped: ["Pause"] })])).toEqual([]);
  });
});

describe("pain follows stress", () => {
  // Pain rises and falls with stress: 14 entries, r clearly above 0.5.
  const stress = [2, 8, 3, 7, 1, 9, 4, 6, 2, 8, 3, 7, 5, 5];
  const pain = [3, 7, 3, 6, 2, 8, 4, 5, 3, 7, 4, 6, 5, 4];
  const following = stress.map((s, i) => entry(i + 1, { stress: s, pain: pain[i] }));

  it("fires at 14 entries with a correlation of at least 0.5, keyed by the month of the last entry", () => {
    const [found, ...rest] = painFollowsStress.find(following);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ rule: "pain_follows_stress", evidenceKey: "2026-10", observedOn: "2026-10-14", journalEntryId: null });
    expect(found!.clientText).toContain("(14 Einträge)");
  });

  it("stays quiet with 13 entries, however strong the pattern", () => {
    expect(painFollowsStress.find(following.slice(0, 13))).toEqual([]);
  });

  it("stays quiet when pain goes against stress", () => {
    const against = stress.map((s, i) => entry(i + 1, { stress: s, pain: 10 - s }));
    expect(painFollowsStress.find(against)).toEqual([]);
  });
});

describe("a body area that comes and goes", () => {
  const tenWithNeck = (neckDays: number) =>
    Array.from({ length: 10 }, (_, i) => entry(i + 1, { bodyAreas: i < neckDays ? ["unterer Rücken", "Nacken"] : ["unterer Rücken"] }));

  it("names an area in fewer than 30 % of at least 10 entries, once per area", () => {
    const found = areaComesAndGoes.find(tenWithNeck(2));
    expect(found.map((s) => [s.evidenceKey, s.observedOn])).toEqual([["nacken", "2026-10-02"]]);
    expect(found[0]!.clientText).toContain("„Nacken“ hat sich in 2 von 10 Einträgen gemeldet");
  });

  it("does not count an area in 3 of 10 entries (30 %), nor anything below 10 entries", () => {
    expect(areaComesAndGoes.find(tenWithNeck(3))).toEqual([]);
    expect(areaComesAndGoes.find(tenWithNeck(2).slice(0, 9))).toEqual([]);
  });
});

describe("pain changes side", () => {
  it("fires when areas on the left and on the right both appear", () => {
    const found = painChangesSide.find([entry(1, { bodyAreas: ["Hüfte links"] }), entry(5, { bodyAreas: ["Schulter rechts"] })]);
    expect(found.map((s) => s.evidenceKey)).toEqual(["2026-10"]);
    expect(painChangesSide.find([entry(1, { bodyAreas: ["Hüfte links"] }), entry(5, { bodyAreas: ["Hüfte links"] })])).toEqual([]);
  });
});

describe("suggest", () => {
  it("looks at the last 60 days only and leaves out what the coach decided", () => {
    const old = { ...entry(1, { pain: 1, helped: ["Radfahren"] }), entryDate: "2026-08-01" };
    const recent = entry(20, { pain: 2, helped: ["Tanzen"] });
    const dismissed = entry(21, { pain: 2, helped: ["Schwimmen"] });
    const found = suggest([old, recent, dismissed], "2026-10-25", [{ rule: "movement_helped", evidenceKey: dismissed.id }]);
    expect(found.map((s) => s.evidenceKey)).toEqual([recent.id]);
  });

  it("ignores entries after today", () => {
    expect(suggest([entry(26, { pain: 0, helped: ["Yoga"] })], "2026-10-25", [])).toEqual([]);
  });
});
