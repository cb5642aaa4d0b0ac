// `npx tsx bench/slot-engine.ts`: the slot engine alone, as /api/slots runs it for 60 days.
//
// The HTTP bench (`npm run bench`) measures the whole route; this one isolates freeSlots, so a
// change to lib/time or the engine can be compared before and after without a build. Weekdays
// 09:00-12:00 and 13:00-17:00 in Europe/Berlin, 30-minute slots, 40 busy appointments. Three
// figures: the first call in the process (Intl and JIT set-up included), the median of the same
// 60 days asked again (what repeated requests cost), and the median of a new 60-day window each
// time (no offsets cached yet). Prints figures only; asserts nothing.
import { performance } from "node:perf_hooks";
import { freeSlots, type AvailabilityRules, type BusyAppointment } from "@/lib/booking/slots";
import { addDays } from "@/lib/time/dates";

const ROUNDS = Number(process.env.SLOT_BENCH_ROUNDS ?? 40);
const day = [
  { start: "09:00", end: "12:00" },
  { start: "13:00", end: "17:00" },
];
const rules: AvailabilityRules = {
  timeZone: "Europe/Berlin",
  weekly: { 1: day, 2: day, 3: day, 4: day, 5: day },
  overrides: [],
  durationMinutes: 30,
  bufferBeforeMinutes: 10,
  bufferAfterMinutes: 10,
  minimumNoticeMinutes: 1440,
  horizonDays: 60,
  maxPerDay: 6,
  slotIntervalMinutes: 30,
};

function scenario(from: string) {
  const now = new Date(`${from}T08:00:00Z`);
  const busy: BusyAppointment[] = Array.from({ length: 40 }, (_, i) => {
    const start = new Date(now.getTime() + (i * 37 + 26) * 3_600_000);
    return { start, end: new Date(start.getTime() + 1_800_000), bufferBeforeMinutes: 10, bufferAfterMinutes: 10, countsTowardDailyMax: i % 2 === 0 };
  });
  return { now, busy, range: { from, to: addDays(from, 59) } };
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const first = scenario("2026-11-27");
const firstCall = time(() => freeSlots(rules, first.busy, first.range, first.now));
const again: number[] = [];
const fresh: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  again.push(time(() => freeSlots(rules, first.busy, first.range, first.now)));
  const s = scenario(addDays("2027-02-01", (round + 1) * 61));
  fresh.push(time(() => freeSlots(rules, s.busy, s.range, s.now)));
}
const slots = freeSlots(rules, first.busy, first.range, first.now).length;
console.log(
  `freeSlots, 60 days (${slots} slots): first call ${firstCall.toFixed(1)} ms, same days again ${median(again).toFixed(2)} ms, ` +
    `new window ${median(fresh).toFixed(2)} ms (medians of ${ROUNDS})`,
);
