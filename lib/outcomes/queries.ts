import { and, asc, desc, eq, isNull, lte, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { outcomeCheckins, outcomePrompts, practiceSettings, users, type CheckinKind, type OutcomeCheckin } from "@/db/schema";
import { todayIn } from "@/lib/time/zone";
import type { CheckinInput } from "./schemas";
import { clientAccount } from "@/lib/clients/accounts";
import { startWeeklyCheckins } from "./preferences";
import { scorePhq4 } from "./scoring";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The client's own zone, else the practice's (as the reminders read it). */
export const clientZoneSql = sql<string>`coalesce(${users.timeZone}, (select ${practiceSettings.timeZone} from ${practiceSettings} where ${practiceSettings.id} = 1), 'Europe/Berlin')`;

export async function zoneOf(userId: string, db: Db | Tx = defaultDb): Promise<string> {
  const [row] = await db.select({ zone: clientZoneSql }).from(users).where(eq(users.id, userId));
  return row?.zone ?? "Europe/Berlin";
}

/**
 * What the next check-in will be: a baseline while none was given or the coach asked for a new
 * one, else the earliest follow-up that is due and unanswered, else the weekly one.
 */
export async function nextCheckinKind(
  userId: string,
  now: Date,
  db: Db | Tx = defaultDb,
): Promise<{ kind: CheckinKind; promptId: string | null }> {
  const [baseline] = await db
    .select({ id: outcomeCheckins.id })
    .from(outcomeCheckins)
    .where(and(eq(outcomeCheckins.userId, userId), eq(outcomeCheckins.kind, "baseline")))
    .limit(1);
  const [open] = await db
    .select({ id: outcomePrompts.id, kind: outcomePrompts.kind })
    .from(outcomePrompts)
    .where(and(eq(outcomePrompts.userId, userId), isNull(outcomePrompts.answeredAt), lte(outcomePrompts.dueAt, now)))
    .orderBy(sql`${outcomePrompts.kind} <> 'baseline'`, asc(outcomePrompts.dueAt))
    .limit(1);
  if (open?.kind === "baseline") return { kind: "baseline", promptId: open.id };
  if (!baseline) return { kind: "baseline", promptId: null };
  if (open) return { kind: open.kind, promptId: open.id };
  return { kind: "weekly", promptId: null };
}

/** Saves the signed-in client's check-in, of the kind that is due, and closes the prompt it answers. */
export async function submitCheckin(
  userId: string,
  input: CheckinInput,
  { now = new Date(), db = defaultDb }: { now?: Date; db?: Db } = {},
): Promise<OutcomeCheckin> {
  return db.transaction(async (tx) => {
    // One check-in at a time per client, so two quick taps cannot both answer the same prompt.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`outcome-checkin:${userId}`}))`);
    const { kind, promptId } = await nextCheckinKind(userId, now, tx);
    const localDate = todayIn(await zoneOf(userId, tx), now);
    const [row] = await tx
      .insert(outcomeCheckins)
      .values({ userId, kind, localDate, ...input, elevated: scorePhq4(input).elevated, createdAt: now })
      .returning();
    if (promptId) await tx.update(outcomePrompts).set({ answeredAt: now }).where(eq(outcomePrompts.id, promptId));
    if (kind === "baseline") await startWeeklyCheckins(tx, userId);
    return row!;
  });
}

/** A client's check-ins, oldest first. Callers pass the signed-in client's id, or a client the coach opened. */
export async function listCheckins(userId: string, db: Db = defaultDb): Promise<OutcomeCheckin[]> {
  return db.select().from(outcomeCheckins).where(eq(outcomeCheckins.userId, userId)).orderBy(asc(outcomeCheckins.createdAt));
}

/** The coach asks the client for a new baseline: the dashboard shows the calm prompt again. */
export async function requestBaseline(clientId: string, now = new Date(), db: Db = defaultDb): Promise<void> {
  await clientAccount(db, clientId, "Diese Person gibt es nicht.");
  await db
    .insert(outcomePrompts)
    .values({ userId: clientId, kind: "baseline", dueAt: now })
    .onConflictDoUpdate({ target: [outcomePrompts.userId, outcomePrompts.kind], set: { dueAt: now, answeredAt: null, emailSentAt: null } });
}

/** Whether the coach's request for a new baseline is still open. */
export async function baselineRequested(clientId: string, db: Db = defaultDb): Promise<boolean> {
  const [row] = await db
    .select({ id: outcomePrompts.id })
    .from(outcomePrompts)
    .where(and(eq(outcomePrompts.userId, clientId), eq(outcomePrompts.kind, "baseline"), isNull(outcomePrompts.answeredAt)));
  return Boolean(row);
}

/** The coach has opened the client's check-ins: an elevated PHQ-4 no longer waits on the agenda. */
export async function markCheckinsSeen(clientId: string, db: Db = defaultDb): Promise<void> {
  await db
    .update(outcomeCheckins)
    .set({ coachSeenAt: sql`now()` })
    .where(and(eq(outcomeCheckins.userId, clientId), isNull(outcomeCheckins.coachSeenAt)));
}

/**
 * Clients for the agenda's "attention" section: their latest check-in has an elevated PHQ-4 and
 * the coach has not opened their check-ins since. A later check-in that is not elevated ends it too.
 */
export async function clientsWithElevatedCheckin(db: Db = defaultDb): Promise<{ id: string; name: string | null; email: string }[]> {
  const latest = db
    .selectDistinctOn([outcomeCheckins.userId], {
      userId: outcomeCheckins.userId,
      elevated: outcomeCheckins.elevated,
      seen: outcomeCheckins.coachSeenAt,
    })
    .from(outcomeCheckins)
    .orderBy(outcomeCheckins.userId, desc(outcomeCheckins.createdAt))
    .as("latest");
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(latest)
    .innerJoin(users, eq(users.id, latest.userId))
    .where(and(eq(latest.elevated, true), isNull(latest.seen)))
    .orderBy(asc(users.name));
}

/**
 * Per client with a baseline and a later check-in: the average pain of their most recent baseline
 * and of their latest check-in after it. For the practice's aggregate only.
 */
export async function baselineLatestPairs(db: Db = defaultDb): Promise<{ baseline: number; latest: number }[]> {
  const rows = await db.select().from(outcomeCheckins).orderBy(asc(outcomeCheckins.userId), asc(outcomeCheckins.createdAt));
  const byClient = new Map<string, OutcomeCheckin[]>();
  for (const row of rows) byClient.set(row.userId, [...(byClient.get(row.userId) ?? []), row]);
  const pairs: { baseline: number; latest: number }[] = [];
  for (const list of byClient.values()) {
    const { baseline, latest } = baselineAndLatest(list);
    if (baseline && latest && latest.id !== baseline.id) pairs.push({ baseline: baseline.averagePain, latest: latest.averagePain });
  }
  return pairs;
}

/** Of one client's check-ins (oldest first): the most recent baseline and the latest check-in. */
export function baselineAndLatest<T extends { kind: string }>(list: readonly T[]): { baseline: T | null; latest: T | null } {
  const baseline = list.findLast((c) => c.kind === "baseline") ?? null;
  return { baseline, latest: list.at(-1) ?? null };
}
