import { asc, desc, eq } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { selfCheckResults, type SelfCheckRow } from "@/db/schema";
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

export async function listSelfChecks(userId: string, db: Db = defaultDb): Promise<SelfCheckRow[]> {
  return db.select().from(selfCheckResults).where(eq(selfCheckResults.userId, userId)).orderBy(asc(selfCheckResults.createdAt)).limit(200);
}

export async function latestSelfCheck(userId: string, db: Db = defaultDb): Promise<SelfCheckRow | null> {
  const [row] = await db.select().from(selfCheckResults).where(eq(selfCheckResults.userId, userId)).orderBy(desc(selfCheckResults.createdAt)).limit(1);
  return row ?? null;
}
