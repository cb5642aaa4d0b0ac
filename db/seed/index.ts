import { count, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { articles, availabilitySettings, journalEntries, practiceSettings, sessionTypes, users } from "../schema";
import { DEFAULT_WEEKLY } from "../../lib/booking/defaults";
import { seedArticles } from "./articles";
import { seedBilling } from "./billing";
import { seedJournal } from "./journal";
import { seedBuiltinExercises, seedPractice } from "./practice";
import { seedSafety } from "./safety";
import { seedOutcomes } from "./outcomes";

/** What every installation needs: the practice's settings row and the coach's account. */
export async function seedEssentials(db: Db, coachEmail: string) {
  await db
    .insert(practiceSettings)
    .values({
      id: 1,
      practiceName: "Rückenwind Coaching",
      coachName: "Mara Lindner",
      profession: "Coach für chronische Schmerzen (Pain Reprocessing Therapy)",
      email: coachEmail,
    })
    .onConflictDoNothing();
  await db.insert(availabilitySettings).values({ id: 1, weekly: DEFAULT_WEEKLY }).onConflictDoNothing();
  // Fixed ids: concurrent or repeated seeds insert them once; the coach may rename or retire them.
  await db
    .insert(sessionTypes)
    .values([
      { id: "00000000-0000-4000-8000-000000000050", name: "Coaching-Sitzung", durationMinutes: 50, channel: "video" },
      { id: "00000000-0000-4000-8000-000000000025", name: "Kurzes Check-in", durationMinutes: 25, channel: "phone" },
    ])
    .onConflictDoNothing();
  await db
    .insert(users)
    .values({ email: coachEmail, name: "Mara Lindner", role: "coach" })
    .onConflictDoUpdate({ target: users.email, set: { role: sql`'coach'` } });
  await seedBuiltinExercises(db);
}

export const demoClients = [
  { email: "anna@example.com", name: "Anna Keller" },
  { email: "ben@example.com", name: "Ben Schröder" },
] as const;

/** Demo data for development and tests. Idempotent: running it twice changes nothing. */
export async function seedDemo(db: Db, coachEmail: string) {
  await seedEssentials(db, coachEmail);
  for (const client of demoClients) {
    await db
      .insert(users)
      .values({ ...client, role: "client" })
      .onConflictDoNothing({ target: users.email });
  }
  // Anna keeps a journal; seeded once (her first entries mark the journal as seeded).
  const [anna] = await db.select({ id: users.id }).from(users).where(eq(users.email, "anna@example.com"));
  if (anna) {
    const [existing] = await db.select({ n: count() }).from(journalEntries).where(eq(journalEntries.userId, anna.id));
    if ((existing?.n ?? 0) === 0) await seedJournal(db, anna.id);
    await seedPractice(db, anna.id);
    await seedOutcomes(db, anna.id);
  }
  const [coach] = await db.select({ id: users.id }).from(users).where(eq(users.email, coachEmail));
  if (anna && coach) await seedSafety(db, anna.id, coach.id);
  if (anna && coach) await seedBilling(db, anna.id, coach.id);
  const day = 24 * 60 * 60 * 1000;
  for (const { publishedDaysAgo, ...article } of seedArticles) {
    const publishedAt = new Date(Date.now() - publishedDaysAgo * day);
    await db
      .insert(articles)
      .values({ ...article, status: "published", publishedAt, updatedAt: publishedAt, createdAt: publishedAt, authorId: coach?.id })
      .onConflictDoNothing({ target: articles.slug });
  }
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}
