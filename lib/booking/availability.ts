import { and, asc, eq, gte, lte } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { availabilityOverrides, availabilitySettings, practiceSettings, type AvailabilitySettings } from "@/db/schema";
import { duringBuild } from "@/lib/build-phase";
import { DEFAULT_WEEKLY } from "./defaults";
import type { AvailabilityRules, WeeklyHours } from "./slots";

export type BookingSettings = AvailabilitySettings & { timeZone: string };

export async function loadBookingSettings(db: Db = defaultDb): Promise<BookingSettings> {
  const [[settings], [practice]] = duringBuild()
    ? [[], []]
    : await Promise.all([
        db.select().from(availabilitySettings).where(eq(availabilitySettings.id, 1)),
        db.select({ timeZone: practiceSettings.timeZone }).from(practiceSettings).where(eq(practiceSettings.id, 1)),
      ]);
  const base: AvailabilitySettings = settings ?? {
    id: 1,
    weekly: DEFAULT_WEEKLY,
    durationMinutes: 30,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
    minimumNoticeMinutes: 1440,
    horizonDays: 60,
    maxPerDay: null,
    slotIntervalMinutes: 30,
    cancellationCutoffMinutes: 1440,
    confirmWindowMinutes: 30,
    maxPendingPerClient: 2,
    confirmationEmailsPerDay: 3,
    videoLink: null,
    phoneNote: null,
    inPersonAddress: null,
    updatedAt: new Date(0),
  };
  return { ...base, timeZone: practice?.timeZone ?? "Europe/Berlin" };
}

/** The slot engine's rules for a date range (overrides of those dates only). */
export async function loadRules(
  from: string,
  to: string,
  db: Db = defaultDb,
): Promise<{ rules: AvailabilityRules; settings: BookingSettings }> {
  const [settings, overrides] = await Promise.all([
    loadBookingSettings(db),
    db
      .select()
      .from(availabilityOverrides)
      .where(and(gte(availabilityOverrides.date, from), lte(availabilityOverrides.date, to)))
      .orderBy(asc(availabilityOverrides.date)),
  ]);
  const weekly: WeeklyHours = {};
  for (const [day, ranges] of Object.entries(settings.weekly)) weekly[Number(day) as 1 | 2 | 3 | 4 | 5 | 6 | 7] = ranges ?? [];
  return {
    settings,
    rules: {
      timeZone: settings.timeZone,
      weekly,
      overrides: overrides.map((o) => ({ date: o.date, ranges: o.ranges })),
      durationMinutes: settings.durationMinutes,
      bufferBeforeMinutes: settings.bufferBeforeMinutes,
      bufferAfterMinutes: settings.bufferAfterMinutes,
      minimumNoticeMinutes: settings.minimumNoticeMinutes,
      horizonDays: settings.horizonDays,
      maxPerDay: settings.maxPerDay,
      slotIntervalMinutes: settings.slotIntervalMinutes,
    },
  };
}
