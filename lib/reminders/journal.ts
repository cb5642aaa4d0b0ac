import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { createElement } from "react";
import { db as defaultDb, type Db } from "@/db";
import { journalEntries, practiceSettings, reminderPreferences, users } from "@/db/schema";
import JournalReminderEmail, { journalReminderSubject } from "@/emails/journal-reminder";
import { enqueueEmail } from "@/lib/email/outbox";
import { staticSiteOrigin } from "@/lib/site-url";
import { reminderDayClaim } from "./claim";
import { unsubscribeLinks } from "./unsubscribe";
import { firstNameOf } from "@/lib/validation/first-name";

/**
 * Queues the daily journal reminder for every client who turned it on, whose own wall clock (in
 * their stored zone, else the practice's) shows the hour they chose, and who has written no entry
 * on that local day. At most one per local day, however many runs overlap: one UPDATE claims the
 * day (`last_sent_on`) where it is still unclaimed, and the emails are written in the same
 * transaction. `now` is injectable for tests; cron and poller pass nothing.
 */
export async function queueJournalReminders(options: { now?: Date; db?: Db; origin?: string } = {}): Promise<number> {
  const db = options.db ?? defaultDb;
  const origin = options.origin ?? staticSiteOrigin();
  const now = (options.now ?? new Date()).toISOString();
  const zone = sql`coalesce(${users.timeZone}, (select ${practiceSettings.timeZone} from ${practiceSettings} where ${practiceSettings.id} = 1), 'Europe/Berlin')`;
  const wallClock = sql`(${now}::timestamptz at time zone ${zone})`;
  const localDay = sql<string>`(${wallClock})::date`;
  return db.transaction(async (tx) => {
    const due = and(
      eq(reminderPreferences.userId, users.id),
      eq(reminderPreferences.kind, "journal_daily"),
      eq(reminderPreferences.enabled, true),
      eq(users.role, "client"),
      sql`extract(hour from ${wallClock}) = ${reminderPreferences.hour}`,
      or(isNull(reminderPreferences.lastSentOn), lt(reminderPreferences.lastSentOn, localDay)),
      sql`not exists (select 1 from ${journalEntries} where ${journalEntries.userId} = ${users.id} and ${journalEntries.entryDate} = ${localDay})`,
    );
    const claim = await reminderDayClaim(tx, due, localDay);
    if (!claim) return 0;
    const claimed = await claim.update.returning({
      id: reminderPreferences.id,
      day: sql<string>`${reminderPreferences.lastSentOn}::text`,
      email: users.email,
      name: users.name,
      practiceName: sql<string>`coalesce((select ${practiceSettings.practiceName} from ${practiceSettings} where ${practiceSettings.id} = 1), '')`,
    });
    for (const row of claimed) {
      const { unsubscribeUrl, headers } = unsubscribeLinks(origin, row.id);
      await enqueueEmail(
        {
          template: "journal-reminder",
          toAccount: true,
          to: row.email,
          subject: journalReminderSubject,
          body: createElement(JournalReminderEmail, {
            practiceName: row.practiceName,
            name: firstNameOf(row.name) ?? "du",
            journalUrl: `${origin}/dashboard/tagebuch/neu`,
            unsubscribeUrl,
            settingsUrl: `${origin}/dashboard/tagebuch#erinnerung`,
          }),
          headers,
          dedupeKey: `journal-reminder:${row.id}:${row.day}`,
        },
        tx,
      );
    }
    return claimed.length;
  });
}
