import { syncCalendars } from "@/lib/calendars/sync";
import { dispatchCalendarWrites } from "@/lib/calendars/writeback";
import { queuePaymentReminders } from "@/lib/billing/reminders";
import { dispatchDueEmails } from "@/lib/email/dispatcher";
import { AppError, reasonOf } from "@/lib/http/errors";
import { queueFollowUps } from "@/lib/outcomes/follow-ups";
import { queueWeeklyCheckins } from "@/lib/outcomes/weekly";
import { runDailyPurge } from "@/lib/privacy/purge";
import { queueJournalReminders } from "@/lib/reminders/journal";
import { queueDueReminders } from "@/lib/reminders/queue";

/** What a run did, step by step, and the steps that failed (each logged). */
export type PeriodicRun = { results: Record<string, unknown>; failed: { step: string; error: unknown }[] };

/**
 * Everything that runs on a clock, in this order: the reminders are queued before the outbox is
 * delivered, then the daily purge (claimed once a day across instances), then the coach's calendars
 * (due every CALENDAR_SYNC_MINUTES) and the write-back. The cron route and each instance's poller
 * run this one list, so that neither misses a step. A step that fails (the database away, a
 * calendar server hanging, an account being deleted while its reminder is queued) is logged and
 * reported, and the steps after it still run: one reminder must not hold back every email.
 */
export async function runPeriodicWork(origin?: string): Promise<PeriodicRun> {
  const steps: [string, () => Promise<unknown>][] = [
    ["reminders", () => queueDueReminders({ origin })],
    ["journalReminders", () => queueJournalReminders({ origin })],
    ["checkinReminders", () => queueWeeklyCheckins({ origin })],
    ["followUps", () => queueFollowUps({ origin })],
    ["paymentReminders", () => queuePaymentReminders({ origin })],
    ["outbox", () => dispatchDueEmails()],
    ["purged", () => runDailyPurge()],
    ["calendars", () => syncCalendars()],
    ["calendarWrites", () => dispatchCalendarWrites()],
  ];
  const run: PeriodicRun = { results: {}, failed: [] };
  for (const [step, work] of steps) {
    try {
      const result = await work();
      // The outbox's counts (sent, failed, …) stand at the top level, as they always have.
      if (step === "outbox") Object.assign(run.results, result);
      else run.results[step] = result;
    } catch (error) {
      // An account being deleted refused one of the step's emails: its claims rolled back, and
      // the next run (the account gone by then) does it. Not a failure to raise an alarm for.
      if (error instanceof AppError && error.code === "conflict") {
        console.warn(`${step} deferred to the next run: ${error.message}`);
        run.results[step] = "deferred";
        continue;
      }
      console.error(`${step} failed: ${reasonOf(error)}`);
      run.failed.push({ step, error });
    }
  }
  return run;
}
