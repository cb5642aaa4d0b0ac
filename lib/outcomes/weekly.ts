import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { createElement } from "react";
import { db as defaultDb, type Db } from "@/db";
import { outcomeCheckins, practiceSettings, reminderPreferences, users } from "@/db/schema";
import CheckinReminderEmail, { checkinReminderSubject } from "@/emails/checkin-reminder";
import { enqueueEmail } from "@/lib/email/outbox";
import { reminderDayClaim } from "@/lib/reminders/claim";
import { unsubscribeLinks } from "@/lib/reminders/unsubscribe";
import { staticSiteOrigin } from "@/lib/site-url";
import { clientZoneSql } from "./queries";

/**
 * Queues the weekly check-in email for every active client who has given a baseline and not
 * turned it off, whose own wall clock shows their weekday and hour, and who has not answered a
 * check-in in the six local days before. Opt-out: giving the baseline makes the client's row with
 * the defaults (startWeeklyCheckins). As for the journal reminder, one UPDATE claims the local day (`last_sent_on`) where it is unclaimed, with
 * the emails in the same transaction, so overlapping runs and instances send one.
 */
export async function queueWeeklyCheckins(options: { now?: Date; db?: Db; origin?: string } = {}): Promise<number> {
  const db = options.db ?? defaultDb;
  const origin = options.origin ?? staticSiteOrigin();
  const now = (options.now ?? new Date()).toISOString();
  const wallClock = sql`(${now}::timestamptz at time zone ${clientZoneSql})`;
  const localDay = sql<string>`(${wallClock})::date`;
  const hasBaseline = sql`exists (select 1 from ${outcomeCheckins} where ${outcomeCheckins.userId} = ${users.id} and ${outcomeCheckins.kind} = 'baseline')`;
  const due = and(
    eq(users.id, reminderPreferences.userId),
    eq(users.role, "client"),
    eq(users.clientStatus, "active"),
    eq(reminderPreferences.kind, "weekly_checkin"),
    eq(reminderPreferences.enabled, true),
    sql`extract(isodow from ${wallClock}) = ${reminderPreferences.weekday} and extract(hour from ${wallClock}) = ${reminderPreferences.hour}`,
    or(isNull(reminderPreferences.lastSentOn), lt(reminderPreferences.lastSentOn, localDay)),
    hasBaseline,
    sql`not exists (select 1 from ${outcomeCheckins} where ${outcomeCheckins.userId} = ${users.id} and ${outcomeCheckins.localDate} > ${localDay} - 7)`,
  );
  return db.transaction(async (tx) => {
    const claim = await reminderDayClaim(tx, due, localDay);
    if (!claim) return 0;
    // Claimed rows carry what their email needs, the practice's name included: no second read.
    const claimed = await claim.update.returning({
      preference: reminderPreferences.id,
      sentOn: sql<string>`${reminderPreferences.lastSentOn}::text`,
      to: users.email,
      firstName: sql<string>`coalesce(nullif(split_part(${users.name}, ' ', 1), ''), 'du')`,
      practiceName: sql<string>`coalesce((select ${practiceSettings.practiceName} from ${practiceSettings} where ${practiceSettings.id} = 1), '')`,
    });
    for (const { preference, sentOn, to, firstName, practiceName } of claimed) {
      const { unsubscribeUrl, headers } = unsubscribeLinks(origin, preference);
      const body = createElement(CheckinReminderEmail, {
        practiceName,
        name: firstName,
        checkinUrl: `${origin}/dashboard/fortschritt`,
        unsubscribeUrl,
        settingsUrl: `${origin}/dashboard/fortschritt#erinnerung`,
      });
      const email = { template: "checkin-reminder", toAccount: true, to, subject: checkinReminderSubject, body, headers };
      await enqueueEmail({ ...email, dedupeKey: `checkin-reminder:${preference}:${sentOn}` }, tx);
    }
    return claimed.length;
  });
}
