import { env } from "@/lib/env";
import { blocksByPracticeDate, busyBlocksBetween, calendarWarnings, type BusyBlock } from "./busy";

/** What the agenda shows of the coach's calendars for one week: private blocks by day, and warnings. */
export async function agendaCalendars(
  week: { days: string[]; from: Date; until: Date },
  timeZone: string,
  now = new Date(),
): Promise<{ blocks: Map<string, BusyBlock[]>; warnings: string[] }> {
  const [blocks, warnings] = await Promise.all([
    busyBlocksBetween(week.from, week.until),
    calendarWarnings(now, env().CALENDAR_SYNC_MINUTES || 5),
  ]);
  return { blocks: blocksByPracticeDate(blocks, week.days, timeZone), warnings };
}
