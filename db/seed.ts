import { count, sql } from "drizzle-orm";
import type { Db } from "./client";
import { practiceSettings, users } from "./schema";

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
  await db
    .insert(users)
    .values({ email: coachEmail, name: "Mara Lindner", role: "coach" })
    .onConflictDoUpdate({ target: users.email, set: { role: sql`'coach'` } });
}

export const demoClients = [
  { email: "anna@example.com", name: "Anna Keller" },
  { email: "ben@example.com", name: "Ben Schröder" },
] as const;

/** Demo data for development and tests. Idempotent: running it twice changes nothing. */
export async function seedDemo(db: Db, coachEmail: string) {
  await seedEssentials(db, coachEmail);
  for (const client of demoClients) {
    await db.insert(users).values({ ...client, role: "client" }).onConflictDoNothing({ target: users.email });
  }
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}
