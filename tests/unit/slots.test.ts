import { describe, expect, it } from "vitest";
import {
  blockedRange,
  freeSlots,
  isSlotOffered,
  type AvailabilityRules,
  type BusyAppointment,
  type Slot,
  type TimeRange,
  type WeeklyHours,
} from "@/lib/booking/slots";
import { practiceDate } from "@/lib/time/zone";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";

const morning: TimeRange[] = [{ start: "09:00", end: "12:00" }];
/** Monday–Friday 09:00–12:00, weekend closed. */
const weekdays: WeeklyHours = { 1: morning, 2: morning, 3: morning, 4: morning, 5: morning };

function makeRules(patch: Partial<AvailabilityRules> = {}): AvailabilityRules {
  return {
    timeZone: BERLIN,
    weekly: weekdays,
    overrides: [],
    durationMinutes: 30,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
    minimumNoticeMinutes: 1440,
    horizonDays: 60,
    maxPerDay: null,
    slotIntervalMinutes: 30,
    ...patch,
  };
}

/** Only this date is open, with the given ranges (notice 0, long horizon) — for clock-change tests. */
function onlyDate(date: string, ranges: TimeRange[], patch: Partial<AvailabilityRules> = {}): AvailabilityRules {
  return makeRules({
    weekly: {},
    overrides: [{ date, ranges }],
    minimumNoticeMinutes: 0,
    horizonDays: 400,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    ...patch,
  });
}

function appt(start: string, end: string, patch: Partial<BusyAppointment> = {}): BusyAppointment {
  return {
    start: new Date(start),
    end: new Date(end),
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
    countsTowardDailyMax: true,
    ...patch,
  };
}

const starts = (slots: Slot[]) => slots.map((s) => s.start.toISOString());
const ends = (slots: Slot[]) => slots.map((s) => s.end.toISOString());
const day = (date: string) => ({ from: date, to: date });
const wallClock = (slots: Slot[], timeZone: string) => {
  const f = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return slots.map((s) => f.format(s.start));
};

/** Monday 2026-01-05 09:00 CET. With 24 h notice the first bookable instant is Tuesday 2026-01-06 09:00 CET. */
const NOW = new Date("2026-01-05T08:00:00Z");
/** Monday 2026-01-12, a plain winter weekday (CET, +01:00). */
const MON = "2026-01-12";
const MON_MORNING_UTC = [
  "2026-01-12T08:00:00.000Z",
  "2026-01-12T08:30:00.000Z",
  "2026-01-12T09:00:00.000Z",
  "2026-01-12T09:30:00.000Z",
  "2026-01-12T10:00:00.000Z",
  "2026-01-12T10:30:00.000Z",
];

describe("blockedRange", () => {
  it("extends the appointment by its own buffers", () => {
    const a = appt("2026-01-12T09:00:00Z", "2026-01-12T09:30:00Z");
    const r = blockedRange(a);
    expect(r.start.toISOString()).toBe("2026-01-12T08:50:00.000Z");
    expect(r.end.toISOString()).toBe("2026-01-12T09:40:00.000Z");
    // input untouched
    expect(a.start.toISOString()).toBe("2026-01-12T09:00:00.000Z");
  });

  it("equals the appointment without buffers", () => {
    const r = blockedRange(appt("2026-01-12T09:00:00Z", "2026-01-12T09:30:00Z", { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 }));
    expect(r.start.toISOString()).toBe("2026-01-12T09:00:00.000Z");
    expect(r.end.toISOString()).toBe("2026-01-12T09:30:00.000Z");
  });
});

describe("freeSlots: ordinary days", () => {
  it("winter weekday (CET, +01:00): 09:00–12:00 local gives six half-hour slots from 08:00Z", () => {
    const slots = freeSlots(makeRules(), [], day(MON), NOW);
    expect(starts(slots)).toEqual(MON_MORNING_UTC);
    expect(ends(slots)).toEqual([
      "2026-01-12T08:30:00.000Z",
      "2026-01-12T09:00:00.000Z",
      "2026-01-12T09:30:00.000Z",
      "2026-01-12T10:00:00.000Z",
      "2026-01-12T10:30:00.000Z",
      "2026-01-12T11:00:00.000Z",
    ]);
  });

  it("summer weekday (CEST, +02:00): the same local hours start at 07:00Z", () => {
    const slots = freeSlots(makeRules(), [], day("2026-07-06"), new Date("2026-07-01T06:00:00Z"));
    expect(starts(slots)).toEqual([
      "2026-07-06T07:00:00.000Z",
      "2026-07-06T07:30:00.000Z",
      "2026-07-06T08:00:00.000Z",
      "2026-07-06T08:30:00.000Z",
      "2026-07-06T09:00:00.000Z",
      "2026-07-06T09:30:00.000Z",
    ]);
  });

  it("several ranges on one day", () => {
    const rules = makeRules({
      weekly: {
        1: [
          { start: "09:00", end: "10:00" },
          { start: "14:00", end: "15:30" },
        ],
      },
    });
    expect(starts(freeSlots(rules, [], day(MON), NOW))).toEqual([
      "2026-01-12T08:00:00.000Z",
      "2026-01-12T08:30:00.000Z",
      "2026-01-12T13:00:00.000Z",
      "2026-01-12T13:30:00.000Z",
      "2026-01-12T14:00:00.000Z",
    ]);
  });

  it("deduplicates and sorts overlapping, unordered ranges", () => {
    const rules = makeRules({
      weekly: {
        1: [
          { start: "10:00", end: "11:00" },
          { start: "09:00", end: "10:30" },
        ],
      },
    });
    expect(starts(freeSlots(rules, [], day(MON), NOW))).toEqual([
      "2026-01-12T08:00:00.000Z",
      "2026-01-12T08:30:00.000Z",
      "2026-01-12T09:00:00.000Z",
      "2026-01-12T09:30:00.000Z",
    ]);
  });

  it("keeps only candidates that fit completely into the range", () => {
    const short = makeRules({ weekly: { 1: [{ start: "09:00", end: "10:15" }] } });
    expect(starts(freeSlots(short, [], day(MON), NOW))).toEqual(["2026-01-12T08:00:00.000Z", "2026-01-12T08:30:00.000Z"]);

    const long = makeRules({ durationMinutes: 45, weekly: { 1: [{ start: "09:00", end: "11:00" }] } });
    const slots = freeSlots(long, [], day(MON), NOW);
    expect(starts(slots)).toEqual(["2026-01-12T08:00:00.000Z", "2026-01-12T08:30:00.000Z", "2026-01-12T09:00:00.000Z"]);
    expect(slots.at(-1)?.end.toISOString()).toBe("2026-01-12T09:45:00.000Z");
  });

  it("steps by the slot interval, independent of the duration", () => {
    const rules = makeRules({ slotIntervalMinutes: 15, weekly: { 1: [{ start: "09:00", end: "10:00" }] } });
    expect(starts(freeSlots(rules, [], day(MON), NOW))).toEqual([
      "2026-01-12T08:00:00.000Z",
      "2026-01-12T08:15:00.000Z",
      "2026-01-12T08:30:00.000Z",
    ]);
  });

  it("closed weekdays (missing or empty) give no slots", () => {
    expect(freeSlots(makeRules(), [], { from: "2026-01-10", to: "2026-01-11" }, NOW)).toEqual([]);
    expect(freeSlots(makeRules({ weekly: { ...weekdays, 1: [] } }), [], day(MON), NOW)).toEqual([]);
  });

  it("covers a multi-day range in order, skipping the weekend", () => {
    const slots = freeSlots(makeRules(), [], { from: "2026-01-09", to: MON }, NOW);
    expect(slots).toHaveLength(12);
    expect(starts(slots).slice(0, 6)).toEqual(MON_MORNING_UTC.map((s) => s.replace("2026-01-12", "2026-01-09")));
    expect(starts(slots).slice(6)).toEqual(MON_MORNING_UTC);
  });

  it("returns nothing when from is after to", () => {
    expect(freeSlots(makeRules(), [], { from: "2026-01-13", to: MON }, NOW)).toEqual([]);
  });
});

describe("freeSlots: overrides", () => {
  const before = new Date("2025-12-20T08:00:00Z");

  it("an override with no ranges closes a holiday (Neujahr, a Thursday)", () => {
    const rules = makeRules({ overrides: [{ date: "2026-01-01", ranges: [] }] });
    const slots = freeSlots(rules, [], { from: "2026-01-01", to: "2026-01-02" }, before);
    expect(starts(slots)).toEqual(MON_MORNING_UTC.map((s) => s.replace("2026-01-12", "2026-01-02")));
  });

  it("an override replaces the weekly hours for its date only", () => {
    const rules = makeRules({ overrides: [{ date: MON, ranges: [{ start: "13:00", end: "14:00" }] }] });
    expect(starts(freeSlots(rules, [], day(MON), NOW))).toEqual(["2026-01-12T12:00:00.000Z", "2026-01-12T12:30:00.000Z"]);
    expect(freeSlots(rules, [], day("2026-01-19"), NOW)).toHaveLength(6);
  });

  it("an override can open a normally closed Saturday", () => {
    const rules = makeRules({ overrides: [{ date: "2026-01-10", ranges: [{ start: "10:00", end: "11:00" }] }] });
    expect(starts(freeSlots(rules, [], day("2026-01-10"), NOW))).toEqual(["2026-01-10T09:00:00.000Z", "2026-01-10T09:30:00.000Z"]);
  });
});

describe("freeSlots: busy appointments and buffers", () => {
  // 10:00–10:30 CET on Monday 2026-01-12 = 09:00Z–09:30Z; blocked 09:50–10:40 local.
  const consultation = appt("2026-01-12T09:00:00Z", "2026-01-12T09:30:00Z");

  it("an appointment 10:00–10:30 with 10/10 buffers blocks 09:30, 10:00 and 10:30", () => {
    // 09:30 → blocked 09:20–10:10 overlaps 09:50–10:40; 10:30 → 10:20–11:10 overlaps.
    // 09:00 → 08:50–09:40 and 11:00 → 10:50–11:40 do not.
    const slots = freeSlots(makeRules(), [consultation], day(MON), NOW);
    expect(starts(slots)).toEqual(["2026-01-12T08:00:00.000Z", "2026-01-12T10:00:00.000Z", "2026-01-12T10:30:00.000Z"]);
  });

  it("blocked ranges that only touch do not conflict (half-open)", () => {
    // With a 10-min grid: 09:10 → 09:00–09:50 ends where 09:50 begins; 10:50 → 10:40 starts where 10:40 ends.
    const slots = freeSlots(makeRules({ slotIntervalMinutes: 10 }), [consultation], day(MON), NOW);
    expect(wallClock(slots, BERLIN)).toEqual(["09:00", "09:10", "10:50", "11:00", "11:10", "11:20", "11:30"]);
    expect(starts(slots)).toEqual([
      "2026-01-12T08:00:00.000Z",
      "2026-01-12T08:10:00.000Z",
      "2026-01-12T09:50:00.000Z",
      "2026-01-12T10:00:00.000Z",
      "2026-01-12T10:10:00.000Z",
      "2026-01-12T10:20:00.000Z",
      "2026-01-12T10:30:00.000Z",
    ]);
  });

  it("without any buffers, back-to-back slots are free", () => {
    const rules = makeRules({ bufferBeforeMinutes: 0, bufferAfterMinutes: 0 });
    const busy = [appt("2026-01-12T09:00:00Z", "2026-01-12T09:30:00Z", { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 })];
    expect(wallClock(freeSlots(rules, busy, day(MON), NOW), BERLIN)).toEqual(["09:00", "09:30", "10:30", "11:00", "11:30"]);
  });

  it("uses the rules' buffers for the candidate and the appointment's own buffers for the appointment", () => {
    // Busy 10:00–10:30 local with 15/15 → blocked 09:45–10:45; candidates have no buffers.
    const rules = makeRules({ bufferBeforeMinutes: 0, bufferAfterMinutes: 0 });
    const busy = [appt("2026-01-12T09:00:00Z", "2026-01-12T09:30:00Z", { bufferBeforeMinutes: 15, bufferAfterMinutes: 15 })];
    expect(wallClock(freeSlots(rules, busy, day(MON), NOW), BERLIN)).toEqual(["09:00", "11:00", "11:30"]);
  });

  it("a coaching session blocks its time but does not count toward the daily max", () => {
    // Coaching 09:00–10:00 local (08:00Z–09:00Z), no own buffers; candidates keep 10/10.
    const coaching = appt("2026-01-12T08:00:00Z", "2026-01-12T09:00:00Z", {
      countsTowardDailyMax: false,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    });
    const slots = freeSlots(makeRules({ maxPerDay: 1 }), [coaching], day(MON), NOW);
    // 10:00 → blocked from 09:50, overlaps the session until 10:00; 10:30 is the first free start.
    expect(starts(slots)).toEqual(["2026-01-12T09:30:00.000Z", "2026-01-12T10:00:00.000Z", "2026-01-12T10:30:00.000Z"]);
  });

  it("reaching maxPerDay closes the whole practice date, other dates stay open", () => {
    const busy = [appt("2026-01-12T08:00:00Z", "2026-01-12T08:30:00Z")]; // 09:00–09:30 local
    const rules = makeRules({ maxPerDay: 1 });
    expect(freeSlots(rules, busy, day(MON), NOW)).toEqual([]);
    expect(freeSlots(rules, busy, day("2026-01-13"), NOW)).toHaveLength(6);

    // Below the max only the time itself (with buffers) is blocked.
    expect(starts(freeSlots(makeRules({ maxPerDay: 2 }), busy, day(MON), NOW))).toEqual([
      "2026-01-12T09:00:00.000Z",
      "2026-01-12T09:30:00.000Z",
      "2026-01-12T10:00:00.000Z",
      "2026-01-12T10:30:00.000Z",
    ]);
    const two = [...busy, appt("2026-01-12T13:00:00Z", "2026-01-12T13:30:00Z")];
    expect(freeSlots(makeRules({ maxPerDay: 2 }), two, day(MON), NOW)).toEqual([]);
  });

  it("maxPerDay 0 offers nothing, null means no limit", () => {
    expect(freeSlots(makeRules({ maxPerDay: 0 }), [], day(MON), NOW)).toEqual([]);
    const many = [0, 1, 2, 3].map((i) => appt(`2026-01-12T1${i + 2}:00:00Z`, `2026-01-12T1${i + 2}:30:00Z`));
    expect(freeSlots(makeRules({ maxPerDay: null }), many, day(MON), NOW)).toHaveLength(6);
  });
});

describe("freeSlots: minimum notice and horizon", () => {
  it("no slot starts earlier than now + 24 h; exactly now + 24 h is allowed", () => {
    const now = new Date("2026-01-12T08:30:00Z"); // Monday 09:30 CET
    expect(freeSlots(makeRules(), [], day(MON), now)).toEqual([]);
    expect(starts(freeSlots(makeRules(), [], day("2026-01-13"), now))).toEqual([
      "2026-01-13T08:30:00.000Z",
      "2026-01-13T09:00:00.000Z",
      "2026-01-13T09:30:00.000Z",
      "2026-01-13T10:00:00.000Z",
      "2026-01-13T10:30:00.000Z",
    ]);
  });

  it("with zero notice a slot starting right now is still offered", () => {
    const now = new Date("2026-01-12T08:30:00Z");
    expect(starts(freeSlots(makeRules({ minimumNoticeMinutes: 0 }), [], day(MON), now))).toEqual(MON_MORNING_UTC.slice(1));
  });

  it("no slot on a practice date after today + horizonDays", () => {
    const now = new Date("2026-01-12T08:30:00Z");
    const slots = freeSlots(makeRules({ horizonDays: 3 }), [], { from: MON, to: "2026-01-20" }, now);
    expect([...new Set(slots.map((s) => practiceDate(s.start, BERLIN)))]).toEqual(["2026-01-13", "2026-01-14", "2026-01-15"]);
    expect(slots).toHaveLength(5 + 6 + 6);
  });

  it("today is the practice-zone date of now, not the UTC date", () => {
    // 2026-01-11T23:30Z is already Monday 2026-01-12 00:30 in Berlin.
    const now = new Date("2026-01-11T23:30:00Z");
    const slots = freeSlots(makeRules({ horizonDays: 1, minimumNoticeMinutes: 0 }), [], { from: MON, to: "2026-01-14" }, now);
    expect([...new Set(slots.map((s) => practiceDate(s.start, BERLIN)))]).toEqual([MON, "2026-01-13"]);
    expect(freeSlots(makeRules({ horizonDays: 0, minimumNoticeMinutes: 0 }), [], { from: MON, to: "2026-01-14" }, now)).toHaveLength(6);
  });

  it("a huge requested range is clamped to the horizon (and terminates)", () => {
    const slots = freeSlots(makeRules(), [], { from: "2026-01-01", to: "9999-12-31" }, NOW);
    // Tue 2026-01-06 … Fri 2026-03-06 (= 2026-01-05 + 60): 44 weekdays × 6.
    expect(slots).toHaveLength(44 * 6);
    expect(slots[0]?.start.toISOString()).toBe("2026-01-06T08:00:00.000Z");
    expect(slots.at(-1)?.start.toISOString()).toBe("2026-03-06T10:30:00.000Z");
  });
});

describe("freeSlots: clock changes (absolute-time grid)", () => {
  const march = new Date("2026-03-20T00:00:00Z");
  const october = new Date("2026-10-01T00:00:00Z");

  it("2026-03-29 Europe/Berlin: 00:00–04:00 lasts 3 real hours → 6 slots, wall clock skips 02:xx", () => {
    const rules = makeRules({
      weekly: { 7: [{ start: "00:00", end: "04:00" }] },
      minimumNoticeMinutes: 0,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    });
    const slots = freeSlots(rules, [], day("2026-03-29"), march);
    expect(starts(slots)).toEqual([
      "2026-03-28T23:00:00.000Z",
      "2026-03-28T23:30:00.000Z",
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T00:30:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T01:30:00.000Z",
    ]);
    expect(wallClock(slots, BERLIN)).toEqual(["00:00", "00:30", "01:00", "01:30", "03:00", "03:30"]);
  });

  it("2026-03-29: a range crossing the gap and nonexistent bounds map to the instant after the gap", () => {
    const d = "2026-03-29";
    // 01:00 CET = 00:00Z … 03:30 CEST = 01:30Z: 1.5 real hours.
    expect(starts(freeSlots(onlyDate(d, [{ start: "01:00", end: "03:30" }]), [], day(d), march))).toEqual([
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T00:30:00.000Z",
      "2026-03-29T01:00:00.000Z",
    ]);
    // Nonexistent start 02:30 → 03:00 CEST = 01:00Z.
    expect(starts(freeSlots(onlyDate(d, [{ start: "02:30", end: "04:00" }]), [], day(d), march))).toEqual([
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T01:30:00.000Z",
    ]);
    // Nonexistent end 02:30 → 01:00Z as well.
    expect(starts(freeSlots(onlyDate(d, [{ start: "00:00", end: "02:30" }]), [], day(d), march))).toEqual([
      "2026-03-28T23:00:00.000Z",
      "2026-03-28T23:30:00.000Z",
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T00:30:00.000Z",
    ]);
    // A range entirely inside the gap is empty.
    expect(freeSlots(onlyDate(d, [{ start: "02:00", end: "03:00" }]), [], day(d), march)).toEqual([]);
    // A 60-minute consultation fits only once into 01:30–03:30 (one real hour).
    const hour = freeSlots(onlyDate(d, [{ start: "01:30", end: "03:30" }], { durationMinutes: 60 }), [], day(d), march);
    expect(starts(hour)).toEqual(["2026-03-29T00:30:00.000Z"]);
    expect(ends(hour)).toEqual(["2026-03-29T01:30:00.000Z"]);
  });

  it("2026-03-29: the 24 h notice is absolute time, i.e. 25 wall-clock hours across spring-forward", () => {
    const now = new Date("2026-03-28T09:00:00Z"); // Saturday 10:00 CET
    const rules = makeRules({ weekly: { 7: morning }, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 });
    // Sunday 09:00–12:00 CEST = 07:00Z–10:00Z; earliest start 2026-03-29T09:00Z (11:00 CEST).
    expect(starts(freeSlots(rules, [], day("2026-03-29"), now))).toEqual(["2026-03-29T09:00:00.000Z", "2026-03-29T09:30:00.000Z"]);
  });

  it("2026-10-25 Europe/Berlin: 00:00–04:00 lasts 5 real hours → 10 slots, 02:00 and 02:30 appear twice", () => {
    const rules = makeRules({
      weekly: { 7: [{ start: "00:00", end: "04:00" }] },
      minimumNoticeMinutes: 0,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    });
    const slots = freeSlots(rules, [], day("2026-10-25"), october);
    expect(starts(slots)).toEqual([
      "2026-10-24T22:00:00.000Z",
      "2026-10-24T22:30:00.000Z",
      "2026-10-24T23:00:00.000Z",
      "2026-10-24T23:30:00.000Z",
      "2026-10-25T00:00:00.000Z",
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T01:00:00.000Z",
      "2026-10-25T01:30:00.000Z",
      "2026-10-25T02:00:00.000Z",
      "2026-10-25T02:30:00.000Z",
    ]);
    expect(wallClock(slots, BERLIN)).toEqual(["00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "02:00", "02:30", "03:00", "03:30"]);
  });

  it("2026-10-25: ambiguous bounds map to their first occurrence", () => {
    const d = "2026-10-25";
    // 02:00 CEST = 00:00Z … 03:00 CET = 02:00Z: two real hours.
    expect(starts(freeSlots(onlyDate(d, [{ start: "02:00", end: "03:00" }]), [], day(d), october))).toEqual([
      "2026-10-25T00:00:00.000Z",
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T01:00:00.000Z",
      "2026-10-25T01:30:00.000Z",
    ]);
    // End 02:30 = first occurrence (CEST) = 00:30Z.
    expect(starts(freeSlots(onlyDate(d, [{ start: "01:00", end: "02:30" }]), [], day(d), october))).toEqual([
      "2026-10-24T23:00:00.000Z",
      "2026-10-24T23:30:00.000Z",
      "2026-10-25T00:00:00.000Z",
    ]);
    // Start 02:30 = first occurrence (CEST) = 00:30Z; end 04:00 CET = 03:00Z.
    expect(starts(freeSlots(onlyDate(d, [{ start: "02:30", end: "04:00" }]), [], day(d), october))).toEqual([
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T01:00:00.000Z",
      "2026-10-25T01:30:00.000Z",
      "2026-10-25T02:00:00.000Z",
      "2026-10-25T02:30:00.000Z",
    ]);
  });

  it("2026-10-25: an appointment in the second 02:00 blocks only that one", () => {
    const d = "2026-10-25";
    const busy = [appt("2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z", { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 })];
    expect(starts(freeSlots(onlyDate(d, [{ start: "02:00", end: "03:00" }]), busy, day(d), october))).toEqual([
      "2026-10-25T00:00:00.000Z",
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T01:30:00.000Z",
    ]);
  });

  it("2027-03-28 Europe/Berlin: spring-forward again; the days around it keep their wall-clock hours", () => {
    const now = new Date("2027-03-01T00:00:00Z");
    const rules = makeRules({
      weekly: { 1: morning, 6: morning },
      overrides: [{ date: "2027-03-28", ranges: [{ start: "00:00", end: "04:00" }] }],
      minimumNoticeMinutes: 0,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    });
    expect(starts(freeSlots(rules, [], day("2027-03-28"), now))).toEqual([
      "2027-03-27T23:00:00.000Z",
      "2027-03-27T23:30:00.000Z",
      "2027-03-28T00:00:00.000Z",
      "2027-03-28T00:30:00.000Z",
      "2027-03-28T01:00:00.000Z",
      "2027-03-28T01:30:00.000Z",
    ]);
    const around = freeSlots(rules, [], { from: "2027-03-27", to: "2027-03-29" }, now);
    expect(around).toHaveLength(6 + 6 + 6);
    expect(around[0]?.start.toISOString()).toBe("2027-03-27T08:00:00.000Z"); // Saturday 09:00 CET
    expect(around[12]?.start.toISOString()).toBe("2027-03-29T07:00:00.000Z"); // Monday 09:00 CEST

    const crossing = onlyDate("2027-03-28", [{ start: "01:30", end: "03:30" }]);
    expect(starts(freeSlots(crossing, [], day("2027-03-28"), now))).toEqual(["2027-03-28T00:30:00.000Z", "2027-03-28T01:00:00.000Z"]);
  });

  it("America/New_York 2026-11-01 (fall-back there, not in Berlin): the zone is respected", () => {
    const d = "2026-11-01";
    const ny = freeSlots(onlyDate(d, [{ start: "00:00", end: "03:00" }], { timeZone: NEW_YORK }), [], day(d), october);
    // 00:00 EDT = 04:00Z … 03:00 EST = 08:00Z: four real hours.
    expect(starts(ny)).toEqual([
      "2026-11-01T04:00:00.000Z",
      "2026-11-01T04:30:00.000Z",
      "2026-11-01T05:00:00.000Z",
      "2026-11-01T05:30:00.000Z",
      "2026-11-01T06:00:00.000Z",
      "2026-11-01T06:30:00.000Z",
      "2026-11-01T07:00:00.000Z",
      "2026-11-01T07:30:00.000Z",
    ]);
    expect(wallClock(ny, NEW_YORK)).toEqual(["00:00", "00:30", "01:00", "01:30", "01:00", "01:30", "02:00", "02:30"]);
    expect(starts(freeSlots(onlyDate(d, [{ start: "01:00", end: "02:00" }], { timeZone: NEW_YORK }), [], day(d), october))).toEqual([
      "2026-11-01T05:00:00.000Z",
      "2026-11-01T05:30:00.000Z",
      "2026-11-01T06:00:00.000Z",
      "2026-11-01T06:30:00.000Z",
    ]);

    // Same rules in Berlin (already CET since 2026-10-25): three real hours.
    const berlin = freeSlots(onlyDate(d, [{ start: "00:00", end: "03:00" }]), [], day(d), october);
    expect(starts(berlin)).toEqual([
      "2026-10-31T23:00:00.000Z",
      "2026-10-31T23:30:00.000Z",
      "2026-11-01T00:00:00.000Z",
      "2026-11-01T00:30:00.000Z",
      "2026-11-01T01:00:00.000Z",
      "2026-11-01T01:30:00.000Z",
    ]);
  });

  it("America/New_York: ordinary winter hours and its own spring-forward gap", () => {
    const rules = makeRules({ timeZone: NEW_YORK });
    expect(starts(freeSlots(rules, [], day(MON), NOW))).toEqual([
      "2026-01-12T14:00:00.000Z",
      "2026-01-12T14:30:00.000Z",
      "2026-01-12T15:00:00.000Z",
      "2026-01-12T15:30:00.000Z",
      "2026-01-12T16:00:00.000Z",
      "2026-01-12T16:30:00.000Z",
    ]);
    // 2026-03-08: 02:30 does not exist → 03:00 EDT = 07:00Z.
    const gap = onlyDate("2026-03-08", [{ start: "02:30", end: "04:00" }], { timeZone: NEW_YORK });
    expect(starts(freeSlots(gap, [], day("2026-03-08"), new Date("2026-03-01T00:00:00Z")))).toEqual([
      "2026-03-08T07:00:00.000Z",
      "2026-03-08T07:30:00.000Z",
    ]);
  });
});

describe("freeSlots: around midnight", () => {
  it('a range ending "24:00" allows the 23:30–24:00 slot', () => {
    const rules = makeRules({ weekly: { 1: [{ start: "22:00", end: "24:00" }] } });
    const slots = freeSlots(rules, [], day(MON), NOW);
    expect(starts(slots)).toEqual([
      "2026-01-12T21:00:00.000Z",
      "2026-01-12T21:30:00.000Z",
      "2026-01-12T22:00:00.000Z",
      "2026-01-12T22:30:00.000Z",
    ]);
    expect(wallClock(slots, BERLIN).at(-1)).toBe("23:30");
    expect(slots.at(-1)?.end.toISOString()).toBe("2026-01-12T23:00:00.000Z"); // 24:00 CET
    expect(practiceDate(slots.at(-1)!.start, BERLIN)).toBe(MON);
  });

  it("New Year's Eve in Berlin: practice dates, not UTC dates, decide", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const rules = makeRules({
      weekly: {},
      overrides: [
        { date: "2026-12-31", ranges: [{ start: "22:00", end: "24:00" }] },
        { date: "2027-01-01", ranges: [{ start: "00:00", end: "01:00" }] },
      ],
    });
    const eve = freeSlots(rules, [], day("2026-12-31"), now);
    expect(starts(eve)).toEqual([
      "2026-12-31T21:00:00.000Z",
      "2026-12-31T21:30:00.000Z",
      "2026-12-31T22:00:00.000Z",
      "2026-12-31T22:30:00.000Z",
    ]);
    expect(eve.every((s) => practiceDate(s.start, BERLIN) === "2026-12-31")).toBe(true);

    // 00:00 and 00:30 on 2027-01-01 are 23:00Z/23:30Z on 2026-12-31 UTC, yet belong to 2027-01-01.
    const newYear = freeSlots(rules, [], day("2027-01-01"), now);
    expect(starts(newYear)).toEqual(["2026-12-31T23:00:00.000Z", "2026-12-31T23:30:00.000Z"]);
    expect(newYear.map((s) => practiceDate(s.start, BERLIN))).toEqual(["2027-01-01", "2027-01-01"]);
    expect(freeSlots(rules, [], { from: "2026-12-31", to: "2027-01-01" }, now)).toHaveLength(6);
  });

  it("New Year's Eve in New York: evening slots are on 2027-01-01 UTC but on practice date 2026-12-31", () => {
    const rules = makeRules({
      timeZone: NEW_YORK,
      weekly: {},
      overrides: [{ date: "2026-12-31", ranges: [{ start: "22:00", end: "24:00" }] }],
    });
    const slots = freeSlots(rules, [], day("2026-12-31"), new Date("2026-12-01T00:00:00Z"));
    expect(starts(slots)).toEqual([
      "2027-01-01T03:00:00.000Z",
      "2027-01-01T03:30:00.000Z",
      "2027-01-01T04:00:00.000Z",
      "2027-01-01T04:30:00.000Z",
    ]);
    expect(freeSlots(rules, [], day("2027-01-01"), new Date("2026-12-01T00:00:00Z"))).toEqual([]);
  });

  it("a busy appointment crossing midnight blocks the end of one date and the start of the next", () => {
    const rules = makeRules({ weekly: { 1: [{ start: "22:00", end: "24:00" }], 2: [{ start: "00:00", end: "02:00" }] } });
    // 23:30–00:30 local (22:30Z–23:30Z), 10/10 buffers → blocked 22:20Z–23:40Z.
    const busy = [appt("2026-01-12T22:30:00Z", "2026-01-12T23:30:00Z")];
    const range = { from: MON, to: "2026-01-13" };
    expect(starts(freeSlots(rules, busy, range, NOW))).toEqual([
      "2026-01-12T21:00:00.000Z", // 22:00 Mon
      "2026-01-12T21:30:00.000Z", // 22:30 Mon (blocked 22:20–23:10 local ends at 23:10 < 23:20)
      "2026-01-13T00:00:00.000Z", // 01:00 Tue (blocked from 00:50 local, touches 00:40 end)
      "2026-01-13T00:30:00.000Z", // 01:30 Tue
    ]);
    // It counts toward the max of the date it starts on (Monday) only.
    expect(starts(freeSlots({ ...rules, maxPerDay: 1 }, busy, range, NOW))).toEqual([
      "2026-01-13T00:00:00.000Z",
      "2026-01-13T00:30:00.000Z",
    ]);
  });

  it("an appointment just after local midnight counts for that practice date even if UTC's date is the day before", () => {
    // 00:30–01:00 Tuesday local = 2026-01-12T23:30Z–2026-01-13T00:00Z.
    const busy = [appt("2026-01-12T23:30:00Z", "2026-01-13T00:00:00Z")];
    const rules = makeRules({ maxPerDay: 1 });
    expect(starts(freeSlots(rules, busy, day(MON), NOW))).toEqual(MON_MORNING_UTC);
    expect(freeSlots(rules, busy, day("2026-01-13"), NOW)).toEqual([]);
  });
});

describe("isSlotOffered", () => {
  const busy = [appt("2026-01-12T09:00:00Z", "2026-01-12T09:30:00Z")]; // 10:00–10:30 CET

  it("is true for a listed slot", () => {
    expect(isSlotOffered(makeRules(), [], new Date("2026-01-12T08:00:00Z"), NOW)).toBe(true);
    expect(isSlotOffered(makeRules(), busy, new Date("2026-01-12T10:00:00Z"), NOW)).toBe(true);
  });

  it("is false for an off-grid minute", () => {
    expect(isSlotOffered(makeRules(), [], new Date("2026-01-12T08:10:00Z"), NOW)).toBe(false);
    expect(isSlotOffered(makeRules(), [], new Date("2026-01-12T08:00:01Z"), NOW)).toBe(false);
  });

  it("is false for a past time or within the minimum notice", () => {
    const start = new Date("2026-01-12T08:00:00Z");
    expect(isSlotOffered(makeRules(), [], start, new Date("2026-01-12T09:00:00Z"))).toBe(false);
    expect(isSlotOffered(makeRules(), [], start, new Date("2026-01-11T09:00:00Z"))).toBe(false); // 23 h ahead
    expect(isSlotOffered(makeRules(), [], start, new Date("2026-01-11T08:00:00Z"))).toBe(true); // exactly 24 h
  });

  it("is false for a taken slot and for slots blocked by its buffers", () => {
    expect(isSlotOffered(makeRules(), busy, new Date("2026-01-12T09:00:00Z"), NOW)).toBe(false);
    expect(isSlotOffered(makeRules(), busy, new Date("2026-01-12T08:30:00Z"), NOW)).toBe(false);
    expect(isSlotOffered(makeRules(), busy, new Date("2026-01-12T09:30:00Z"), NOW)).toBe(false);
  });

  it("is false on a closed day, beyond the horizon, when the daily max is reached, or for an invalid Date", () => {
    expect(isSlotOffered(makeRules(), [], new Date("2026-01-10T08:00:00Z"), NOW)).toBe(false); // Saturday
    expect(isSlotOffered(makeRules(), [], new Date("2026-03-09T08:00:00Z"), NOW)).toBe(false); // Monday after 2026-03-06
    expect(isSlotOffered(makeRules({ maxPerDay: 1 }), busy, new Date("2026-01-12T10:00:00Z"), NOW)).toBe(false);
    expect(isSlotOffered(makeRules(), [], new Date("invalid"), NOW)).toBe(false);
  });

  it("accepts the second occurrence of 02:00 on 2026-10-25", () => {
    const rules = onlyDate("2026-10-25", [{ start: "02:00", end: "03:00" }]);
    const now = new Date("2026-10-01T00:00:00Z");
    expect(isSlotOffered(rules, [], new Date("2026-10-25T00:00:00Z"), now)).toBe(true);
    expect(isSlotOffered(rules, [], new Date("2026-10-25T01:00:00Z"), now)).toBe(true);
    expect(isSlotOffered(rules, [], new Date("2026-10-25T00:15:00Z"), now)).toBe(false);
  });

  it("agrees with freeSlots for every 5-minute step over several days", () => {
    const rules = makeRules({
      weekly: { ...weekdays, 2: [{ start: "22:00", end: "24:00" }], 3: [{ start: "00:00", end: "01:00" }, ...morning] },
      maxPerDay: 2,
    });
    const many = [
      ...busy,
      appt("2026-01-13T22:00:00Z", "2026-01-13T22:30:00Z"), // Tue 23:00 → counts for Tuesday
      appt("2026-01-14T08:00:00Z", "2026-01-14T09:00:00Z", { countsTowardDailyMax: false }),
    ];
    const range = { from: MON, to: "2026-01-15" };
    const offered = new Set(starts(freeSlots(rules, many, range, NOW)));
    expect(offered.size).toBeGreaterThan(10);
    const end = new Date("2026-01-16T00:00:00Z").getTime();
    for (let t = new Date("2026-01-11T20:00:00Z").getTime(); t < end; t += 5 * 60_000) {
      const start = new Date(t);
      expect(isSlotOffered(rules, many, start, NOW), start.toISOString()).toBe(offered.has(start.toISOString()));
    }
  });
});

describe("input guards", () => {
  it("throws instead of looping forever on a non-positive or invalid interval", () => {
    for (const slotIntervalMinutes of [0, -30, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => freeSlots(makeRules({ slotIntervalMinutes }), [], day(MON), NOW)).toThrow(RangeError);
    }
    expect(() => freeSlots(makeRules({ durationMinutes: 0 }), [], day(MON), NOW)).toThrow(RangeError);
  });

  it("throws on malformed dates, times and zones", () => {
    expect(() => freeSlots(makeRules(), [], { from: "2026-02-30", to: "2026-03-01" }, NOW)).toThrow(RangeError);
    expect(() => freeSlots(makeRules({ weekly: { 1: [{ start: "9:00", end: "12:00" }] } }), [], day(MON), NOW)).toThrow(RangeError);
    expect(() => freeSlots(makeRules({ weekly: { 1: [{ start: "24:00", end: "24:00" }] } }), [], day(MON), NOW)).toThrow(RangeError);
    expect(() => freeSlots(makeRules({ weekly: { 1: [{ start: "09:00", end: "24:30" }] } }), [], day(MON), NOW)).toThrow(RangeError);
    expect(() => freeSlots(makeRules({ timeZone: "Europe/Atlantis" }), [], day(MON), NOW)).toThrow(RangeError);
  });
});
