import { getDbHandle } from "@/db";
import { prepareDatabase } from "@/db/prepare";
import { syncCalendars } from "@/lib/calendars/sync";
import { dispatchCalendarWrites } from "@/lib/calendars/writeback";
import { dispatchDueEmails } from "@/lib/email/dispatcher";
import { env, EnvError } from "@/lib/env";
import { runDailyPurge } from "@/lib/privacy/purge";
import { queueFollowUps } from "@/lib/outcomes/follow-ups";
import { queueWeeklyCheckins } from "@/lib/outcomes/weekly";
import { queueJournalReminders } from "@/lib/reminders/journal";
import { queueDueReminders } from "@/lib/reminders/queue";

const holder = globalThis as unknown as { __praxisPoller?: NodeJS.Timeout; __praxisPolling?: boolean };

export async function startServer() {
  let e;
  try {
    e = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`✖ ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const handle = getDbHandle();
  await prepareDatabase(handle, e);
  console.log(`✓ Database ready (${handle.engine === "pglite" ? `embedded PGlite in ${e.PGLITE_DIR}` : "PostgreSQL"})`);

  // Retries, reminders and anything queued outside a request go out from here, and the daily
  // purge runs from here (claimed once a day across instances); the cron route does the same. Every instance may poll: reminders are claimed with one conditional UPDATE
  // and emails with SKIP LOCKED, so each goes to one sender once.
  if (e.OUTBOX_POLL_SECONDS > 0 && !holder.__praxisPoller) {
    holder.__praxisPoller = setInterval(() => {
      // One poll at a time: while the database or the provider hangs, ticks must not pile up.
      if (holder.__praxisPolling) return;
      holder.__praxisPolling = true;
      const failed = (what: string) => (error: unknown) => {
        console.error(`${what} poll failed:`, error instanceof Error ? error.message : error);
      };
      queueDueReminders()
        .catch(failed("reminder"))
        .then(() => queueJournalReminders())
        .catch(failed("journal reminder"))
        .then(() => queueWeeklyCheckins())
        .catch(failed("check-in reminder"))
        .then(() => queueFollowUps())
        .catch(failed("follow-up"))
        .then(() => dispatchDueEmails())
        .catch(failed("outbox"))
        .then(() => runDailyPurge())
        .catch(failed("purge"))
        // Due every CALENDAR_SYNC_MINUTES (claimed per connection across instances); write-back retries.
        .then(() => syncCalendars())
        .catch(failed("calendar sync"))
        .then(() => dispatchCalendarWrites())
        .catch(failed("calendar write-back"))
        .finally(() => {
          holder.__praxisPolling = false;
        });
    }, e.OUTBOX_POLL_SECONDS * 1000);
    holder.__praxisPoller.unref();
  }
}
