import { and, eq, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { reminderPreferences, users } from "@/db/schema";
import { WEEKLY_DEFAULT } from "./defaults";
import type { WeeklyCheckinInput } from "./schemas";

/**
 * Starts the weekly emails with their defaults when the client gives their baseline, in that
 * transaction; a choice the client already made is kept.
 */
export async function startWeeklyCheckins(tx: Db, userId: string): Promise<void> {
  await tx
    .insert(reminderPreferences)
    .values({ userId, kind: "weekly_checkin", ...WEEKLY_DEFAULT })
    .onConflictDoNothing({ target: [reminderPreferences.userId, reminderPreferences.kind] });
}

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
