import { asc, desc, eq } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { selfCheckResults, type AttachedSelfCheck, type SelfCheckRow } from "@/db/schema";
import { scoreSelfCheck, type SelfCheckAnswers } from "./self-check";

/** The one way a self-check result is stored: scored on the server by its version's rules. */
export async function saveSelfCheck(userId: string, answers: SelfCheckAnswers, db: Db = defaultDb): Promise<SelfCheckRow> {
  const result = scoreSelfCheck(answers);
  const [row] = await db
    .insert(selfCheckResults)
    .values({ userId, version: result.version, answers, score: result.score, band: result.band, redFlag: result.redFlag })
    .returning();
  return row!;
}

/** A visitor's result attached to a booking: scored on the server like a saved one. */
export function attachSelfCheck(answers: SelfCheckAnswers): AttachedSelfCheck {
  const { version, score, band, redFlag } = scoreSelfCheck(answers);
  return { version, answers: answers as AttachedSelfCheck["answers"], score, band, redFlag };
}

/** When the person from a consultation becomes a client, the result they attached starts their history. */
export async function adoptAttachedSelfCheck(
  userId: string,
  attached: AttachedSelfCheck,
  takenAt: Date,
  db: Db = defaultDb,
): Promise<void> {
  const { version, answers, score, band, redFlag } = attached;
  await db.insert(selfCheckResults).values({ userId, version, answers, score, band, redFlag, createdAt: takenAt });
}

export async function listSelfChecks(userId: string, db: Db = defaultDb): Promise<SelfCheckRow[]> {
  return db.select().from(selfCheckResults).where(eq(selfCheckResults.userId, userId)).orderBy(asc(selfCheckResults.createdAt)).limit(200);
}

export async function latestSelfCheck(userId: string, db: Db = defaultDb): Promise<SelfCheckRow | null> {
  const [row] = await db
    .select()
    .from(selfCheckResults)
    .where(eq(selfCheckResults.userId, userId))
    .orderBy(desc(selfCheckResults.createdAt))
    .limit(1);
  return row ?? null;
}
