import { eq } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import NewFeedbackEmail, { newFeedbackSubject } from "@/emails/new-feedback";
import { enqueueEmail } from "@/lib/email/outbox";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { todayIn } from "@/lib/time/zone";
import { firstNameOf } from "@/lib/validation/first-name";

/**
 * "Mara hat dir geantwortet": to the client when the coach first answers one of their practices.
 * At most one a day (the practice's day): the coach who answers five practices in one sitting sends
 * one email. Its link leads to the list of the latest answers (`/dashboard/uebungen#rueckmeldungen`),
 * not to an exercise: a built-in exercise's address is the same for everyone, so it would name the
 * exercise. Written in `tx`, with the answer; it needs only the practice's settings, so an answer
 * never fails over the email.
 */
export async function queueFeedbackNotice(tx: Db, clientId: string, origin: string, now: Date) {
  const [client] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, clientId));
  if (!client) return;
  const practice = await loadPracticeSettings(tx);
  const coachName = firstNameOf(practice.coachName) ?? undefined;
  await enqueueEmail(
    {
      template: "new-feedback",
      toAccount: true,
      to: client.email,
      subject: newFeedbackSubject(coachName),
      body: createElement(NewFeedbackEmail, {
        practiceName: practice.practiceName,
        coachName,
        name: firstNameOf(client.name) ?? undefined,
        answersUrl: `${origin}/dashboard/uebungen#rueckmeldungen`,
      }),
      dedupeKey: `new-feedback:${clientId}:${todayIn(practice.timeZone, now)}`,
    },
    tx,
  );
}
