import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { containsPattern } from "@/lib/sql/like";
import { appointments, healthDataViews, journalEntries, users, type ClientStatus } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { cancelFollowUps, scheduleFollowUps } from "@/lib/outcomes/follow-ups";
import { isUuid } from "@/lib/sql/uuid";

export type ClientListFilter = { q?: string; status?: ClientStatus };

/** Clients per page of the coach's list: the figures are computed for the shown ones only. */
export const CLIENTS_PER_PAGE = 50;

export type ClientListRow = {
  id: string;
  name: string | null;
  email: string;
  status: ClientStatus;
  lastEntry: string | null;
  nextSession: Date | null;
  /** Average pain over the last 14 days, and the change against the 14 days before (null without entries). */
  recentPain: number | null;
  painChange: number | null;
};

/**
 * The coach's client list with what the coach scans for: status, next appointment, the last
 * journal entry and the pain trend. One query; each figure is an indexed subquery per client.
 */
export async function listClients(
  filter: ClientListFilter = {},
  page = 1,
  db: Db = defaultDb,
): Promise<{ rows: ClientListRow[]; total: number; pages: number }> {
  const conditions = [eq(users.role, "client")];
  if (filter.status) conditions.push(eq(users.clientStatus, filter.status));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  // Qualified by hand: drizzle renders a column in a select list without its table.
  const userId = sql.raw(`"users"."id"`);
  const recent = sql`(select round(avg(j.pain)::numeric, 1) from ${journalEntries} j where j.user_id = ${userId} and j.entry_date > current_date - 14)`;
  const before = sql`(select avg(j.pain) from ${journalEntries} j where j.user_id = ${userId} and j.entry_date > current_date - 28 and j.entry_date <= current_date - 14)`;
  const where = and(...conditions);
  const [counted, rows] = await Promise.all([
    db.select({ n: count() }).from(users).where(where),
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        status: users.clientStatus,
        lastEntry: sql<string | null>`(select max(j.entry_date)::text from ${journalEntries} j where j.user_id = ${userId})`,
        nextSession: sql<
          string | null
        >`(select min(a.start_at) from ${appointments} a where a.client_id = ${userId} and a.status in ('pending', 'confirmed') and a.start_at > now())`,
        recentPain: sql<string | null>`${recent}`,
        painChange: sql<string | null>`round((${recent} - ${before})::numeric, 1)`,
      })
      .from(users)
      .where(where)
      .orderBy(asc(sql`lower(coalesce(${users.name}, ${users.email}))`), asc(users.id))
      .limit(CLIENTS_PER_PAGE)
      .offset((Math.max(1, page) - 1) * CLIENTS_PER_PAGE),
  ]);
  const total = counted[0]?.n ?? 0;
  return {
    total,
    pages: Math.max(1, Math.ceil(total / CLIENTS_PER_PAGE)),
    rows: rows.map((r) => ({
      ...r,
      nextSession: r.nextSession ? new Date(r.nextSession) : null,
      recentPain: r.recentPain === null ? null : Number(r.recentPain),
      painChange: r.painChange === null ? null : Number(r.painChange),
    })),
  };
}

/** A client's status in the coaching; only clients, by the coach. */
export async function setClientStatus(clientId: string, status: ClientStatus, db: Db = defaultDb, now: Date = new Date()): Promise<void> {
  if (!isUuid(clientId)) throw new AppError("not_found", "Diese Person gibt es nicht.");
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: users.clientStatus })
      .from(users)
      .where(and(eq(users.id, clientId), eq(users.role, "client")))
      // Not "for update": only an account's deletion takes that (lib/email/outbox.ts).
      .for("no key update");
    if (!before) throw new AppError("not_found", "Diese Person gibt es nicht.");
    await tx.update(users).set({ clientStatus: status }).where(eq(users.id, clientId));
    // Finishing the coaching schedules the 3/6/12-month follow-up check-ins; leaving "finished" drops the open ones.
    if (status === "finished" && before.status !== "finished") await scheduleFollowUps(tx, clientId, now);
    if (status !== "finished" && before.status === "finished") await cancelFollowUps(tx, clientId);
  });
}

/**
 * Opens a client's health data for the coach and writes the audit row that the client sees
 * under "Meine Daten". Call it once per page view, before reading the data.
 */
export async function openClientRecord(
  coach: { id: string; name?: string | null; email?: string | null },
  clientId: string,
  what: string,
  db: Db = defaultDb,
) {
  if (!isUuid(clientId)) throw new AppError("not_found", "Diese Person gibt es nicht.");
  const [client] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, clientId), eq(users.role, "client")));
  if (!client) throw new AppError("not_found", "Diese Person gibt es nicht.");
  await db.insert(healthDataViews).values({ clientId, viewerId: coach.id, viewerName: coach.name || coach.email || "Coach", what });
  return client;
}
