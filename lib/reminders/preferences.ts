import { and, eq, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { reminderPreferences, users, type ReminderPreference } from "@/db/schema";
import type { JournalReminderInput } from "./schemas";
import { preferenceOfToken } from "./unsubscribe";

export type JournalReminder = { enabled: boolean; hour: number; timeZone: string | null };

/** The signed-in client's daily journal reminder (off at 20:00 until they turn it on) and their stored zone. */
export async function journalReminderOf(userId: string, db: Db = defaultDb): Promise<JournalReminder> {
  const [row] = await db
    .select({ enabled: reminderPreferences.enabled, hour: reminderPreferences.hour, timeZone: users.timeZone })
    .from(users)
    .leftJoin(reminderPreferences, and(eq(reminderPreferences.userId, users.id), eq(reminderPreferences.kind, "journal_daily")))
    .where(eq(users.id, userId));
  return { enabled: row?.enabled ?? false, hour: row?.hour ?? 20, timeZone: row?.timeZone ?? null };
}

/** Turns the reminder on or off at an hour, and stores the client's own zone with it. */
export async function saveJournalReminder(userId: string, input: JournalReminderInput, db: Db = defaultDb): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ timeZone: input.timeZone }).where(eq(users.id, userId));
    await tx
      .insert(reminderPreferences)
      .values({ userId, kind: "journal_daily", enabled: input.enabled, hour: input.hour })
      .onConflictDoUpdate({
        target: [reminderPreferences.userId, reminderPreferences.kind],
        set: { enabled: input.enabled, hour: input.hour, updatedAt: sql`now()` },
      });
  });
}

/**
 * What an unsubscribe token can do, and all it can do: turn its one reminder off. True when the
 * token was valid (also when the reminder was already off), false for anything else.
 */
export async function unsubscribeWithToken(token: string, db: Db = defaultDb): Promise<boolean> {
  const id = preferenceOfToken(token);
  if (!id) return false;
  const rows = await db
    .update(reminderPreferences)
    .set({ enabled: false, updatedAt: sql`now()` })
    .where(eq(reminderPreferences.id, id))
    .returning({ id: reminderPreferences.id });
  return rows.length > 0;
}

/** Which reminder a valid unsubscribe token names (to word the page), or null. */
export async function reminderKindOfToken(token: string, db: Db = defaultDb): Promise<ReminderPreference["kind"] | null> {
  const id = preferenceOfToken(token);
  if (!id) return null;
  const [row] = await db.select({ kind: reminderPreferences.kind }).from(reminderPreferences).where(eq(reminderPreferences.id, id));
  return row?.kind ?? null;
}
