import { and, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { appointments, practiceSettings } from "@/db/schema";
import { queueReminder } from "@/lib/notifications/reminder";
import { practiceVoice } from "@/lib/notifications/voice";
import { staticSiteOrigin } from "@/lib/site-url";

const BATCH = 50;

/** The lead time read inside the statement, so a run never works with a stale setting. */
const leadInterval = sql`make_interval(mins => coalesce((select ${practiceSettings.reminderLeadMinutes} from ${practiceSettings} where ${practiceSettings.id} = 1), 1440))`;

/**
 * Queues the reminder for every confirmed appointment whose start is within the lead time.
 *
 * Exactly once, however many runs overlap (cron, poller, several instances): each batch is one
 * UPDATE that sets `reminder_sent_at` only where it is still null, and its emails are written in
 * the same transaction. A concurrent UPDATE waits for the row lock, then re-checks the condition
 * and skips the row. The dedupe key carries the appointment's sequence, so when a move resets
 * `reminder_sent_at` the new time is reminded once more, while the same version never is twice.
 */
export async function queueDueReminders(options: { db?: Db; origin?: string } = {}): Promise<number> {
  const db = options.db ?? defaultDb;
  const origin = options.origin ?? staticSiteOrigin();
  let total = 0;
  for (;;) {
    const queued = await db.transaction(async (tx) => {
      const due = tx
        .select({ id: appointments.id })
        .from(appointments)
        .where(dueCondition())
        .orderBy(appointments.startAt)
        .limit(BATCH)
        .for("update", { skipLocked: true });
      const claimed = await tx
        .update(appointments)
        .set({ reminderSentAt: sql`now()` })
        .where(and(inArray(appointments.id, due), dueCondition()))
        .returning();
      if (claimed.length === 0) return 0;
      const voice = await practiceVoice(tx);
      for (const appointment of claimed) await queueReminder(tx, voice, appointment, origin);
      return claimed.length;
    });
    total += queued;
    if (queued < BATCH) return total;
  }
}

function dueCondition() {
  return and(
    eq(appointments.status, "confirmed"),
    isNull(appointments.reminderSentAt),
    lte(appointments.startAt, sql`now() + ${leadInterval}`),
    gt(appointments.startAt, sql`now()`),
  );
}
