import { eq } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import NewFeedbackEmail, { newFeedbackSubject } from "@/emails/new-feedback";
import { enqueueEmail } from "@/lib/email/outbox";
import { todayIn } from "@/lib/time/zone";
import { practiceVoice } from "./voice";

const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;

/**
 * "Mara hat dir geantwortet": to the client when the coach first answers one of their practices.
 * At most one a day (the practice's day): the coach who answers five practices in one sitting sends
 * one email, and the second answer's link leads to the same page. Written in `tx`, with the answer.
 */
export async function queueFeedbackNotice(tx: Db, clientId: string, exerciseId: string, origin: string, now: Date) {
  const [client] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, clientId));
  if (!client) return;
  const voice = await practiceVoice(tx);
  const coachName = firstName(voice.practice.coachName || voice.sender.name);
  await enqueueEmail(
    {
      template: "new-feedback",
      to: client.email,
      subject: newFeedbackSubject(coachName),
      body: createElement(NewFeedbackEmail, {
        practiceName: voice.practice.practiceName,
        coachName,
        name: client.name ? firstName(client.name) : undefined,
        practiceUrl: `${origin}/dashboard/uebungen/${exerciseId}`,
      }),
      dedupeKey: `new-feedback:${clientId}:${todayIn(voice.practice.timeZone, now)}`,
    },
    tx,
  );
}
