import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import { after } from "next/server";
import { db as defaultDb, type Db } from "@/db";
import { appointments, calendarCalendars, calendarConnections, calendarSettings, calendarWrites, type Appointment } from "@/db/schema";
import { MAX_ATTEMPTS, retryDelayMs } from "@/lib/email/backoff";
import { env } from "@/lib/env";
import { staticSiteOrigin } from "@/lib/site-url";
import { deleteEvent, putEvent } from "./caldav";
import { davAccount } from "./sync";
import { ownUid, writebackIcs } from "./writeback-event";
import { reasonOf } from "@/lib/http/errors";

/*
 * Write-back: every confirmed consultation and session appears in the one CalDAV calendar the
 * coach chose, moves with it and disappears when it is cancelled (or its client's account is
 * deleted). The change queues a row in its own transaction (one row per appointment: its
 * latest state wins); the dispatcher, after the response or from the poller and the cron route,
 * reads the appointment and PUTs or DELETEs, retrying with the email outbox's backoff.
 */

const LEASE = sql`interval '2 minutes'`;
const KEEPS_EVENT: Appointment["status"][] = ["confirmed", "completed", "no_show"];

/** In the caller's transaction: the appointments' latest state is to be written (confirmed ones) or removed (written ones). */
export async function queueCalendarWrites(tx: Db, rows: Pick<Appointment, "id" | "status">[]): Promise<void> {
  if (rows.length === 0) return;
  const [settings] = await tx
    .select({ calendarId: calendarSettings.writeCalendarId })
    .from(calendarSettings)
    .where(eq(calendarSettings.id, 1));
  const confirmed = rows.filter((r) => KEEPS_EVENT.includes(r.status)).map((r) => r.id);
  const other = rows.filter((r) => !KEEPS_EVENT.includes(r.status)).map((r) => r.id);
  const requeue = { status: "queued" as const, attempts: 0, nextAttemptAt: sql`now()`, lastError: null, updatedAt: sql`now()` };
  if (settings?.calendarId && confirmed.length)
    await tx
      .insert(calendarWrites)
      .values(confirmed.map((appointmentId) => ({ appointmentId, calendarId: settings.calendarId! })))
      .onConflictDoUpdate({ target: calendarWrites.appointmentId, set: requeue });
  // Removal goes to wherever the event was written, even if the coach chose another calendar since.
  if (other.length) await tx.update(calendarWrites).set(requeue).where(inArray(calendarWrites.appointmentId, other));
  if (settings?.calendarId || other.length) writeAfterResponse();
}

function writeAfterResponse() {
  try {
    after(async () => {
      await dispatchCalendarWrites().catch((error) => console.error("calendar write-back failed", reasonOf(error)));
    });
  } catch {
    // Outside a request (scripts, tests): the poller or the cron route writes.
  }
}

async function claim(db: Db, limit: number) {
  const due = db
    .select({ id: calendarWrites.appointmentId })
    .from(calendarWrites)
    .where(
      or(
        and(eq(calendarWrites.status, "queued"), lte(calendarWrites.nextAttemptAt, sql`now()`)),
        and(eq(calendarWrites.status, "sending"), lt(calendarWrites.lockedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(calendarWrites.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(calendarWrites)
    .set({ status: "sending", lockedUntil: sql`now() + ${LEASE}`, attempts: sql`${calendarWrites.attempts} + 1` })
    .where(inArray(calendarWrites.appointmentId, due))
    .returning();
}

export type WriteResult = { written: number; removed: number; retried: number; failed: number };

/** Writes what is due; safe to run from many places at once (SKIP LOCKED). */
export async function dispatchCalendarWrites(options: { db?: Db; now?: () => Date; batchSize?: number } = {}): Promise<WriteResult> {
  const { db = defaultDb, now = () => new Date(), batchSize = 20 } = options;
  const result: WriteResult = { written: 0, removed: 0, retried: 0, failed: 0 };
  for (let batch = 0; batch < 10; batch++) {
    const claimed = await claim(db, batchSize);
    if (claimed.length === 0) break;
    const [settings] = await db.select({ fullNames: calendarSettings.fullNames }).from(calendarSettings).where(eq(calendarSettings.id, 1));
    for (const row of claimed) {
      try {
        const [target] = await db
          .select({ calendar: calendarCalendars, connection: calendarConnections })
          .from(calendarCalendars)
          .innerJoin(calendarConnections, eq(calendarConnections.id, calendarCalendars.connectionId))
          .where(eq(calendarCalendars.id, row.calendarId));
        const [appointment] = await db.select().from(appointments).where(eq(appointments.id, row.appointmentId));
        if (!target || target.connection.kind !== "caldav") throw new Error("the write-back calendar is gone");
        const account = davAccount(target.connection);
        if (appointment && KEEPS_EVENT.includes(appointment.status)) {
          const ics = writebackIcs(appointment, { fullNames: settings?.fullNames ?? false, origin: staticSiteOrigin(), now: now() });
          await putEvent(account, target.calendar.href, ownUid(appointment.id), ics);
          result.written++;
        } else {
          await deleteEvent(account, target.calendar.href, ownUid(row.appointmentId));
          result.removed++;
        }
        await db
          .update(calendarWrites)
          .set({ status: "done", lockedUntil: null, lastError: null, attempts: 0, updatedAt: sql`now()` })
          .where(and(eq(calendarWrites.appointmentId, row.appointmentId), eq(calendarWrites.status, "sending")));
      } catch (error) {
        const giveUp = row.attempts >= MAX_ATTEMPTS;
        const delayMs = retryDelayMs(row.attempts, Math.random, env().OUTBOX_RETRY_BASE_SECONDS * 1000);
        await db
          .update(calendarWrites)
          .set({
            status: giveUp ? "failed" : "queued",
            lockedUntil: null,
            lastError: (error instanceof Error ? error.message : String(error)).slice(0, 300),
            nextAttemptAt: sql`now() + ${`${delayMs} milliseconds`}::interval`,
          })
          .where(and(eq(calendarWrites.appointmentId, row.appointmentId), eq(calendarWrites.status, "sending")));
        result[giveUp ? "failed" : "retried"]++;
      }
    }
    if (claimed.length < batchSize) break;
  }
  return result;
}
