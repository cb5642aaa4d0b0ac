import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { createElement } from "react";
import { db as defaultDb, type Db } from "@/db";
import { outcomePrompts, practiceSettings, reminderPreferences, users } from "@/db/schema";
import { startWeeklyCheckins } from "./preferences";
import FollowUpEmail, { followUpSubject } from "@/emails/checkin-follow-up";
import { accountsNotBeingDeleted } from "@/lib/clients/accounts";
import { enqueueEmail } from "@/lib/email/outbox";
import { unsubscribeLinks } from "@/lib/reminders/unsubscribe";
import { staticSiteOrigin } from "@/lib/site-url";
import { firstNameOf } from "@/lib/validation/first-name";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export const FOLLOW_UPS = [
  { kind: "follow_up_3m", months: 3 },
  { kind: "follow_up_6m", months: 6 },
  { kind: "follow_up_12m", months: 12 },
] as const;

/**
 * The coach marked the coaching finished: the follow-ups are due 3, 6 and 12 months from `now`.
 * A new finish (after the client was active again) starts a new set of follow-ups.
 */
export async function scheduleFollowUps(tx: Db | Tx, clientId: string, now: Date = new Date()): Promise<void> {
  for (const { kind, months } of FOLLOW_UPS) {
    const dueAt = sql`${now.toISOString()}::timestamptz + make_interval(months => ${months})`;
    await tx
      .insert(outcomePrompts)
      .values({ userId: clientId, kind, dueAt })
      .onConflictDoUpdate({ target: [outcomePrompts.userId, outcomePrompts.kind], set: { dueAt, emailSentAt: null, answeredAt: null } });
  }
}

/** The client is active (or paused) again: follow-ups not yet answered are no longer asked. */
export async function cancelFollowUps(tx: Db | Tx, clientId: string): Promise<void> {
  await tx.delete(outcomePrompts).where(
    and(
      eq(outcomePrompts.userId, clientId),
      inArray(
        outcomePrompts.kind,
        FOLLOW_UPS.map((f) => f.kind),
      ),
      isNull(outcomePrompts.answeredAt),
    ),
  );
}

/**
 * Emails every due follow-up of a finished client, exactly once however many runs overlap: one
 * UPDATE claims `email_sent_at` where it is still null, and the emails are written in the same
 * transaction with a dedupe key per follow-up. A client who turned the check-in emails off is
 * claimed without an email (the dashboard still asks them). Each email carries the one-click
 * unsubscribe of the check-in emails, which stops the weekly ones and the follow-ups alike.
 */
export async function queueFollowUps(options: { now?: Date; db?: Db; origin?: string } = {}): Promise<number> {
  const db = options.db ?? defaultDb;
  const origin = options.origin ?? staticSiteOrigin();
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const optedOut = sql<boolean>`exists (select 1 from ${reminderPreferences} where ${reminderPreferences.userId} = ${users.id} and ${reminderPreferences.kind} = 'weekly_checkin' and ${reminderPreferences.enabled} = false)`;
    const due = and(
      eq(outcomePrompts.userId, users.id),
      inArray(
        outcomePrompts.kind,
        FOLLOW_UPS.map((f) => f.kind),
      ),
      isNull(outcomePrompts.emailSentAt),
      isNull(outcomePrompts.answeredAt),
      lte(outcomePrompts.dueAt, now),
      eq(users.role, "client"),
      eq(users.clientStatus, "finished"),
    );
    const held = await accountsNotBeingDeleted(tx, outcomePrompts, due);
    if (held.length === 0) return 0;
    const claimed = await tx
      .update(outcomePrompts)
      .set({ emailSentAt: now })
      .from(users)
      .where(and(due, inArray(users.id, held)))
      .returning({ id: outcomePrompts.id, userId: users.id, kind: outcomePrompts.kind, email: users.email, name: users.name, optedOut });
    const toSend = claimed.filter((row) => !row.optedOut);
    if (toSend.length === 0) return 0;
    const [practice] = await tx
      .select({ practiceName: practiceSettings.practiceName })
      .from(practiceSettings)
      .where(eq(practiceSettings.id, 1));
    for (const row of toSend) {
      const preference = await checkinPreferenceOf(tx, row.userId);
      const { unsubscribeUrl, headers } = unsubscribeLinks(origin, preference);
      await enqueueEmail(
        {
          template: "checkin-follow-up",
          toAccount: true,
          to: row.email,
          subject: followUpSubject,
          body: createElement(FollowUpEmail, {
            practiceName: practice?.practiceName ?? "",
            name: firstNameOf(row.name) ?? "du",
            months: FOLLOW_UPS.find((f) => f.kind === row.kind)!.months,
            checkinUrl: `${origin}/dashboard/fortschritt`,
            unsubscribeUrl,
          }),
          headers,
          dedupeKey: `checkin-follow-up:${row.id}`,
        },
        tx,
      );
    }
    return toSend.length;
  });
}

/** The client's check-in email preference, made (on, as after a baseline) when they never had one. */
async function checkinPreferenceOf(tx: Db | Tx, userId: string): Promise<string> {
  await startWeeklyCheckins(tx as Db, userId);
  const [row] = await tx
    .select({ id: reminderPreferences.id })
    .from(reminderPreferences)
    .where(and(eq(reminderPreferences.userId, userId), eq(reminderPreferences.kind, "weekly_checkin")));
  return row!.id;
}
