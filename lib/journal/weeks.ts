/**
 * Long ranges drawn as weeks: 90 days or a year of daily points are a zigzag on a phone, their
 * weekly means show the course. Pure; calendar days as "YYYY-MM-DD".
 */
import { mondayOf } from "@/lib/time/dates";
import { average, type DailyPoint } from "./progress";

/** From this many days on, the dashboard shows weekly means unless daily points are asked for. */
export const WEEKLY_FROM_DAYS = 90;

/**
 * The mean of each calendar week (Monday to Sunday) of consecutive daily points, dated by the
 * week's first day in the range; a week without any value stays null, so it is drawn as a gap.
 */
export function weeklyAverages(days: DailyPoint[]): DailyPoint[] {
  const weeks = new Map<string, DailyPoint[]>();
  for (const day of days) {
    const monday = mondayOf(day.date);
    weeks.set(monday, [...(weeks.get(monday) ?? []), day]);
  }
  return [...weeks.values()].map((week) => ({
    date: week[0]!.date,
    pain: average(week.map((d) => d.pain)),
    stress: average(week.map((d) => d.stress)),
    mood: average(week.map((d) => d.mood ?? null)),
  }));
}
