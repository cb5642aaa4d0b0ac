/**
 * Weekly means for the report's chart: the mean of every journal entry in each calendar week
 * (Monday to Sunday) of the period, one decimal. The first and last week are cut at the period's
 * edges; a week without entries has no value (a gap in the line, never a zero).
 */
import { addDays, mondayOf } from "@/lib/time/dates";

export type ReportWeek = { weekStart: string; entries: number; pain: number | null; stress: number | null };

const mean = (values: number[]) => (values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10);

export function weeklyMeans(entries: { entryDate: string; pain: number; stress: number }[], from: string, to: string): ReportWeek[] {
  const weeks: ReportWeek[] = [];
  for (let start = from; start <= to; start = addDays(mondayOf(start), 7)) {
    const end = addDays(mondayOf(start), 6) < to ? addDays(mondayOf(start), 6) : to;
    const inside = entries.filter((e) => e.entryDate >= start && e.entryDate <= end);
    weeks.push({
      weekStart: start,
      entries: inside.length,
      pain: mean(inside.map((e) => e.pain)),
      stress: mean(inside.map((e) => e.stress)),
    });
  }
  return weeks;
}

export function overallMean(values: number[]): number | null {
  return mean(values);
}
