import { and, eq, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { reminderPreferences, users } from "@/db/schema";
import type { WeeklyCheckinInput } from "./schemas";

/**
 * The weekly check-in email is opt-out: on for active clients until they turn it off, on Monday
 * at 18:00 of their own zone unless they chose another day and hour.
 */
export const WEEKLY_DEFAULT = { enabled: true, weekday: 1, hour: 18 } as const;

export type WeeklyCheckin = { enabled: boolean; weekday: number; hour: number; timeZone: string | null };

export async function weeklyCheckinOf(userId: string, db: Db = defaultDb): Promise<WeeklyCheckin> {
  const [row] = await db
    .select({
      enabled: reminderPreferences.enabled,
      weekday: reminderPreferences.weekday,
      hour: reminderPreferences.hour,
      timeZone: users.timeZone,
    })
    .from(users)
    .leftJoin(reminderPreferences, and(eq(reminderPreferences.userId, users.id), eq(reminderPreferences.kind, "weekly_checkin")))
    .where(eq(users.id, userId));
  return {
    enabled: row?.enabled ?? WEEKLY_DEFAULT.enabled,
    weekday: row?.weekday ?? WEEKLY_DEFAULT.weekday,
    hour: row?.hour ?? WEEKLY_DEFAULT.hour,
    timeZone: row?.timeZone ?? null,
  };
}

/** Saves the client's weekday, hour and on/off, and their zone with it. */
export async function saveWeeklyCheckin(userId: string, input: WeeklyCheckinInput, db: Db = defaultDb): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ timeZone: input.timeZone }).where(eq(users.id, userId));
    await tx
      .insert(reminderPreferences)
      .values({ userId, kind: "weekly_checkin", enabled: input.enabled, hour: input.hour, weekday: input.weekday })
      .onConflictDoUpdate({
        target: [reminderPreferences.userId, reminderPreferences.kind],
        set: { enabled: input.enabled, hour: input.hour, weekday: input.weekday, updatedAt: sql`now()` },
      });
  });
}
