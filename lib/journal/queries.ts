import { and, arrayContains, asc, desc, eq, gte, ilike, lte, or, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { containsPattern } from "@/lib/sql/like";
import { journalEntries, type JournalEntry } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import type { DailyPoint } from "./progress";
import type { JournalEntryInput } from "./schemas";
import { isUuid } from "@/lib/sql/uuid";

/** Every read and write here is scoped to one user: another user's entry is simply not found. */

/** How many entries one read returns: a page of the list, or all of them (exports). */
export type EntryWindow = { limit: number | null; offset?: number };

export async function listEntries(
  userId: string,
  filter: { from?: string; to?: string; tag?: string; q?: string } = {},
  window: EntryWindow = { limit: 1000 },
  db: Db = defaultDb,
): Promise<JournalEntry[]> {
  const conditions = [eq(journalEntries.userId, userId)];
  if (filter.from) conditions.push(gte(journalEntries.entryDate, filter.from));
  if (filter.to) conditions.push(lte(journalEntries.entryDate, filter.to));
  if (filter.tag)
    conditions.push(
      or(
        arrayContains(journalEntries.tags, [filter.tag]),
        arrayContains(journalEntries.helped, [filter.tag]),
        arrayContains(journalEntries.bodyAreas, [filter.tag]),
      )!,
    );
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(
      or(
        ilike(journalEntries.notes, pattern),
        sql`array_to_string(${journalEntries.tags} || ${journalEntries.helped}, ' ') ilike ${pattern}`,
      )!,
    );
  }
  const query = db
    .select()
    .from(journalEntries)
    .where(and(...conditions))
    .orderBy(desc(journalEntries.entryDate), desc(journalEntries.createdAt))
    .offset(window.offset ?? 0);
  return window.limit === null ? query : query.limit(window.limit);
}

export async function getEntry(userId: string, id: string, db: Db = defaultDb): Promise<JournalEntry> {
  if (!isUuid(id)) throw new AppError("not_found", "Diesen Eintrag gibt es nicht.");
  const [row] = await db
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.id, id), eq(journalEntries.userId, userId)));
  if (!row) throw new AppError("not_found", "Diesen Eintrag gibt es nicht.");
  return row;
}

function values(input: Partial<JournalEntryInput>) {
  const out: Partial<typeof journalEntries.$inferInsert> = {};
  if (input.entryDate !== undefined) out.entryDate = input.entryDate;
  if (input.pain !== undefined) out.pain = input.pain;
  if (input.stress !== undefined) out.stress = input.stress;
  if (input.mood !== undefined) out.mood = input.mood ?? null;
  if (input.bodyAreas !== undefined) out.bodyAreas = input.bodyAreas;
  if (input.tags !== undefined) out.tags = input.tags;
  if (input.helped !== undefined) out.helped = input.helped;
  if (input.notes !== undefined) out.notes = input.notes;
  return out;
}

/** The one way an entry is made (form and API). */
export async function createEntry(userId: string, input: JournalEntryInput, db: Db = defaultDb): Promise<JournalEntry> {
  const [row] = await db
    .insert(journalEntries)
    .values({ userId, entryDate: input.entryDate, pain: input.pain, stress: input.stress, ...values(input) })
    .returning();
  return row!;
}

export async function updateEntry(
  userId: string,
  id: string,
  patch: Partial<JournalEntryInput>,
  db: Db = defaultDb,
): Promise<JournalEntry> {
  await getEntry(userId, id, db);
  const [row] = await db
    .update(journalEntries)
    .set({ ...values(patch), updatedAt: sql`now()` })
    .where(and(eq(journalEntries.id, id), eq(journalEntries.userId, userId)))
    .returning();
  return row!;
}

export async function deleteEntry(userId: string, id: string, db: Db = defaultDb): Promise<JournalEntry> {
  await getEntry(userId, id, db);
  const [row] = await db
    .delete(journalEntries)
    .where(and(eq(journalEntries.id, id), eq(journalEntries.userId, userId)))
    .returning();
  return row!;
}

/** Daily averages of pain, stress and mood (null on a day without a mood), computed in SQL. */
export async function dailyAverages(userId: string, from: string, to: string, db: Db = defaultDb): Promise<DailyPoint[]> {
  const rows = await db
    .select({
      date: journalEntries.entryDate,
      pain: sql<string>`round(avg(${journalEntries.pain})::numeric, 1)`,
      stress: sql<string>`round(avg(${journalEntries.stress})::numeric, 1)`,
      mood: sql<string | null>`round(avg(${journalEntries.mood})::numeric, 1)`,
    })
    .from(journalEntries)
    .where(and(eq(journalEntries.userId, userId), gte(journalEntries.entryDate, from), lte(journalEntries.entryDate, to)))
    .groupBy(journalEntries.entryDate)
    .orderBy(asc(journalEntries.entryDate));
  return rows.map((r) => ({ date: r.date, pain: Number(r.pain), stress: Number(r.stress), mood: r.mood === null ? null : Number(r.mood) }));
}

/** Average pain per calendar month for the given months (YYYY-MM), computed in SQL. */
export async function monthlyPain(userId: string, months: string[], db: Db = defaultDb): Promise<Record<string, number | null>> {
  const rows = await db
    .select({
      month: sql<string>`to_char(${journalEntries.entryDate}, 'YYYY-MM')`,
      pain: sql<string>`round(avg(${journalEntries.pain})::numeric, 1)`,
    })
    .from(journalEntries)
    .where(and(eq(journalEntries.userId, userId), gte(journalEntries.entryDate, `${months.slice().sort()[0]}-01`)))
    .groupBy(sql`1`);
  const out: Record<string, number | null> = Object.fromEntries(months.map((m) => [m, null]));
  for (const r of rows) if (r.month in out) out[r.month] = Number(r.pain);
  return out;
}

export async function entryDates(userId: string, since: string, db: Db = defaultDb): Promise<string[]> {
  const rows = await db
    .selectDistinct({ date: journalEntries.entryDate })
    .from(journalEntries)
    .where(and(eq(journalEntries.userId, userId), gte(journalEntries.entryDate, since)));
  return rows.map((r) => r.date);
}

/** Every tag, help and body area the user has used, for the filter. */
export async function knownTags(userId: string, db: Db = defaultDb): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tag: sql<string>`unnest(${journalEntries.tags} || ${journalEntries.helped} || ${journalEntries.bodyAreas})` })
    .from(journalEntries)
    .where(eq(journalEntries.userId, userId));
  return rows.map((r) => r.tag).sort((a, b) => a.localeCompare(b, "de"));
}
