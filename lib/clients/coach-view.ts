import { and, asc, desc, eq, max, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { healthDataViews, journalEntries, users } from "@/db/schema";
import { AppError } from "@/lib/http/errors";

/** The coach's client list: name, address and the date of the last journal entry. */
export async function listClients(db: Db = defaultDb) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, lastEntry: max(journalEntries.entryDate) })
    .from(users)
    .leftJoin(journalEntries, eq(journalEntries.userId, users.id))
    .where(eq(users.role, "client"))
    .groupBy(users.id)
    .orderBy(asc(sql`lower(coalesce(${users.name}, ${users.email}))`));
}

/**
 * Opens a client's health data for the coach and writes the audit row that the client sees
 * under "Meine Daten". Call it once per page view, before reading the data.
 */
export async function openClientRecord(coach: { id: string; name?: string | null; email?: string | null }, clientId: string, what: string, db: Db = defaultDb) {
  if (!/^[0-9a-f-]{36}$/i.test(clientId)) throw new AppError("not_found", "Diese Person gibt es nicht.");
  const [client] = await db.select().from(users).where(and(eq(users.id, clientId), eq(users.role, "client")));
  if (!client) throw new AppError("not_found", "Diese Person gibt es nicht.");
  await db.insert(healthDataViews).values({ clientId, viewerId: coach.id, viewerName: coach.name || coach.email || "Coach", what });
  return client;
}

export async function recentViews(clientId: string, db: Db = defaultDb) {
  return db.select().from(healthDataViews).where(eq(healthDataViews.clientId, clientId)).orderBy(desc(healthDataViews.viewedAt)).limit(5);
}
