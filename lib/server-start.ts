import { getDbHandle } from "@/db";
import { prepareDatabase } from "@/db/prepare";
import { env, EnvError } from "@/lib/env";
import { runPeriodicWork } from "@/lib/periodic-work";
import { reasonOf } from "@/lib/http/errors";

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

  // Retries, reminders (payment reminders too) and anything queued outside a request go out from
  // here, and the daily purge runs from here (claimed once a day across instances): the cron route's
  // list, lib/periodic-work.ts. Every instance may poll: reminders are claimed with one conditional
  // UPDATE and emails with SKIP LOCKED, so each goes to one sender once.
  if (e.OUTBOX_POLL_SECONDS > 0 && !holder.__praxisPoller) {
    holder.__praxisPoller = setInterval(() => {
      // One poll at a time: while the database or the provider hangs, ticks must not pile up.
      if (holder.__praxisPolling) return;
      holder.__praxisPolling = true;
      // The cron route's list (each step logs its own failure and the rest still runs).
      runPeriodicWork()
        .catch((error) => console.error("poll failed:", reasonOf(error)))
        .finally(() => {
          holder.__praxisPolling = false;
        });
    }, e.OUTBOX_POLL_SECONDS * 1000);
    holder.__praxisPoller.unref();
  }
}
