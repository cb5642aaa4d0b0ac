import type { PracticeFrequency } from "@/db/schema";
import { addDays, mondayOf } from "@/lib/time/dates";

/** How many practices a frequency asks for in a full week. */
export const TIMES_PER_WEEK: Record<PracticeFrequency, number> = { daily: 7, three_per_week: 3, weekly: 1 };

/**
 * The practices expected in a week of which `activeDays` (0-7) lay within the assignment: daily
 * asks one per active day; "3× pro Woche" and "wöchentlich" ask their number in proportion,
 * rounded up, so that a week begun on Friday still asks for one of "3× pro Woche" (3 × 3/7 → 2).
 */
export function expectedInWeek(frequency: PracticeFrequency, activeDays: number): number {
  const days = Math.max(0, Math.min(7, Math.floor(activeDays)));
  if (days === 0) return 0;
  if (frequency === "daily") return days;
  const target = TIMES_PER_WEEK[frequency];
  return Math.min(target, Math.ceil((target * days) / 7));
}

/**
 * Days of the week beginning `monday` on which the assignment ran: from `startsOn` to the day
 * before `endedOn` (ending it on a day means it no longer counts from that day on).
 */
export function activeDaysInWeek(monday: string, startsOn: string, endedOn: string | null): number {
  let n = 0;
  for (let i = 0; i < 7; i++) {
    const day = addDays(monday, i);
    if (day >= startsOn && (endedOn === null || day < endedOn)) n++;
  }
  return n;
}

export type WeekAdherence = { monday: string; done: number; expected: number; current: boolean };

/**
 * Done against expected for each week from the assignment's first week to the week of `today`
 * (or of its end), newest first; `practicedOn` are the dates of the practices logged for it.
 */
export function weeklyAdherence(
  assignment: { frequency: PracticeFrequency; startsOn: string; endedOn: string | null },
  practicedOn: string[],
  today: string,
  maxWeeks = 8,
): WeekAdherence[] {
  const lastDay = assignment.endedOn && assignment.endedOn <= today ? addDays(assignment.endedOn, -1) : today;
  const first = mondayOf(assignment.startsOn);
  const weeks: WeekAdherence[] = [];
  for (
    let monday = mondayOf(lastDay < assignment.startsOn ? assignment.startsOn : lastDay);
    monday >= first && weeks.length < maxWeeks;
    monday = addDays(monday, -7)
  ) {
    const sunday = addDays(monday, 6);
    weeks.push({
      monday,
      done: practicedOn.filter((d) => d >= monday && d <= sunday).length,
      expected: expectedInWeek(assignment.frequency, activeDaysInWeek(monday, assignment.startsOn, assignment.endedOn)),
      current: monday === mondayOf(today),
    });
  }
  return weeks;
}

export type Shift = {
  n: number;
  fearBefore: number;
  fearAfter: number;
  intensityBefore: number;
  intensityAfter: number;
  /** Whether fear fell more than intensity on average: what somatic tracking tends to show first. */
  fearFallsFirst: boolean;
  /** Practices in which fear fell by more than intensity did. */
  fearFellMore: number;
};

const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

/** Mean fear and intensity before and after over the given practices; null without any. */
export function practiceShift(
  logs: { fearBefore: number; fearAfter: number; intensityBefore: number; intensityAfter: number }[],
): Shift | null {
  if (logs.length === 0) return null;
  const fearDrop = mean(logs.map((l) => l.fearBefore - l.fearAfter));
  const intensityDrop = mean(logs.map((l) => l.intensityBefore - l.intensityAfter));
  return {
    n: logs.length,
    fearBefore: mean(logs.map((l) => l.fearBefore)),
    fearAfter: mean(logs.map((l) => l.fearAfter)),
    intensityBefore: mean(logs.map((l) => l.intensityBefore)),
    intensityAfter: mean(logs.map((l) => l.intensityAfter)),
    fearFallsFirst: fearDrop > 0 && fearDrop > intensityDrop,
    fearFellMore: logs.filter((l) => l.fearBefore - l.fearAfter > l.intensityBefore - l.intensityAfter).length,
  };
}
