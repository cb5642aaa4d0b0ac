import { asc, desc, eq, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { practiceSettings, sessionTypes, type SessionType } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import type { PracticeSettingsInput, RetentionSettingsInput, SessionTypeInput } from "./schemas";

/** Writes to the practice's one row, made with `values` (and the default name) if it is not there yet. */
export async function updatePracticeRow(db: Db, values: Partial<typeof practiceSettings.$inferInsert>): Promise<void> {
  const set = { ...values, updatedAt: sql`now()` };
  await db
    .insert(practiceSettings)
    .values({ id: 1, practiceName: "Rückenwind Coaching", ...set })
    .onConflictDoUpdate({ target: practiceSettings.id, set });
}

/** Saves the practice's facts (the booking rules, the cancellation cut-off among them, are saved with the availability). */
export async function savePracticeSettings({ reminderLeadHours, ...facts }: PracticeSettingsInput, db: Db = defaultDb): Promise<void> {
  await updatePracticeRow(db, { ...facts, reminderLeadMinutes: reminderLeadHours * 60 });
}

/** Saves the retention periods (the practice row exists once the app has started; made here if not). */
export async function saveRetentionSettings(input: RetentionSettingsInput, db: Db = defaultDb): Promise<void> {
  await updatePracticeRow(db, input);
}

/** Offered types first, then retired ones; oldest first within each. */
export async function listSessionTypes(db: Db = defaultDb): Promise<SessionType[]> {
  return db.select().from(sessionTypes).orderBy(desc(sessionTypes.active), asc(sessionTypes.createdAt), asc(sessionTypes.name));
}

export async function saveSessionType(input: SessionTypeInput, db: Db = defaultDb): Promise<SessionType> {
  const values = {
    name: input.name,
    durationMinutes: input.durationMinutes,
    channel: input.channel,
    defaultLocation: input.defaultLocation,
    priceCents: input.price,
  };
  if (!input.id) {
    const [created] = await db.insert(sessionTypes).values(values).returning();
    return created!;
  }
  const [updated] = await db.update(sessionTypes).set(values).where(eq(sessionTypes.id, input.id)).returning();
  if (!updated) throw new AppError("not_found", "Diese Sitzungsart gibt es nicht mehr.");
  return updated;
}

/** Retiring keeps the type (past sessions still name it) but stops offering it for new sessions. */
export async function setSessionTypeActive(id: string, active: boolean, db: Db = defaultDb): Promise<boolean> {
  const rows = await db.update(sessionTypes).set({ active }).where(eq(sessionTypes.id, id)).returning({ id: sessionTypes.id });
  return rows.length > 0;
}
