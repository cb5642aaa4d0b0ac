import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles, availabilitySettings, devMailbox, emailOutbox, practiceSettings } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { submitComment } from "@/lib/articles/comments";
import { queueMagicLink } from "@/lib/auth/magic-link";
import { createSignInLink } from "@/lib/auth/sign-in-link";
import { availableSlots } from "@/lib/appointments/holds";
import { cancelByVisitor, confirmBooking, createBooking, rescheduleByVisitor } from "@/lib/appointments/consultations";
import { cancelByClient } from "@/lib/appointments/client";
import { convertToClient } from "@/lib/booking/coach";
import { cancelConsultationByCoach } from "@/lib/appointments/consultations";
import { bookingRequestSchema } from "@/lib/booking/schemas";
import { addDays } from "@/lib/time/dates";
import { practiceDate } from "@/lib/time/zone";
import { redFlags, signs } from "@/lib/checks/self-check";
import { dispatchDueEmails } from "@/lib/email/dispatcher";
import { listMailbox } from "@/lib/email/mailbox";
import { getTransport, type OutgoingEmail, type Transport } from "@/lib/email/transport";
import { builtinExercises } from "@/lib/practice/builtin-exercises";
import { logPractice, setFeedback } from "@/lib/practice/logs";
import { practiceLogSchema } from "@/lib/practice/schemas";
import { queueDueReminders } from "@/lib/reminders/queue";
import { saveSessionRecord } from "@/lib/sessions/queries";
import { cancelSession, rescheduleSession, scheduleSession } from "@/lib/sessions/schedule";
import { scheduleSessionSchema } from "@/lib/sessions/schemas";
import { isUuid } from "@/lib/sql/uuid";
import { useTestDatabase, type TestDatabase } from "./helpers/db";
import { readable, scanForText } from "./helpers/scan";

/*
 * Emails and their .ics files carry no health data and keep no usable secret. Every flow that
 * sends email runs with plain markers in every field a person or the coach writes; then every
 * delivered email (subject, HTML, text, decoded attachments) and every stored copy is searched.
 * Link tokens are read from the delivered emails and must be gone from the outbox once sent,
 * while the recipient's inbox (the local mailbox) still has them.
 */

const origin = "http://localhost:3000";
const tz = "Europe/Berlin";
const COACHING = "00000000-0000-4000-8000-000000000050";
const markers = {
  bookingMessage: "mkbookingmessage",
  visitorReason: "mkvisitorcancelreason",
  noteToClient: "mknotetoclient",
  homework: "mkhomework",
  coachNotes: "mkcoachprivatenotes",
  clientReason: "mkclientcancelreason",
  commentBody: "mkcommentbody",
  practiceNote: "mkpracticenote",
  practiceFeedback: "mkpracticefeedback",
};
const allYes = {
  signs: Object.fromEntries(signs.map((s) => [s.id, true])),
  redFlags: Object.fromEntries(redFlags.map((f) => [f.id, false])),
};

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  const allDay = [{ start: "08:00", end: "20:00" }];
  await database.db
    .update(availabilitySettings)
    .set({ weekly: { "1": allDay, "2": allDay, "3": allDay, "4": allDay, "5": allDay, "6": allDay, "7": allDay } });
  // A week's reminder lead, so the consultation three days ahead gets its reminder now.
  await database.db.update(practiceSettings).set({ reminderLeadMinutes: 10080 });
});
afterAll(() => database.drop());

const book = (start: Date, n: number) =>
  createBooking(
    bookingRequestSchema.parse({
      start: start.toISOString(),
      name: `Gast Nummer${n}`,
      email: `gast${n}@example.org`,
      channel: "video",
      message: `Diagnose ${markers.bookingMessage}`,
      selfCheck: allYes,
      consent: true,
    }),
    { origin, clientKey: `email-content-${randomUUID()}` },
  );

async function confirmFromMailbox(email: string) {
  await dispatchDueEmails();
  const [request] = await listMailbox(email);
  const token = request!.text.match(/termin\/bestaetigen\/([A-Za-z0-9_-]{43})/)![1]!;
  return confirmBooking(token, { origin });
}

/** Every token in a link of the email: path segments and query values of 32 or more URL-safe characters, not a record's uuid. */
function tokensIn(html: string): string[] {
  const found = new Set<string>();
  for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
    const url = new URL(href!.replaceAll("&amp;", "&"));
    for (const part of [...url.pathname.split("/"), ...url.searchParams.values()])
      if (/^[A-Za-z0-9_-]{32,}$/.test(part) && !isUuid(part)) found.add(part);
  }
  return [...found];
}

describe("what emails carry", () => {
  it("no health data and nothing anyone wrote in any email or invitation, and no link token in a sent email's stored copy", async () => {
    const today = practiceDate(new Date(), tz);
    const { slots } = await availableSlots(addDays(today, 3), addDays(today, 3));

    // A visitor books with a message and a self-check, confirms, moves and cancels with a reason.
    await book(slots[0]!.start, 1);
    const first = await confirmFromMailbox("gast1@example.org");
    await rescheduleByVisitor(first.manageToken!, slots[1]!.start, { origin });
    await cancelByVisitor(first.manageToken!, `Wegen ${markers.visitorReason}`, { origin });

    // Another is cancelled by the coach; a third becomes a client.
    await book(slots[3]!.start, 2);
    const second = await confirmFromMailbox("gast2@example.org");
    await cancelConsultationByCoach(second.appointment!.id, "Ich muss den Termin leider verlegen.", origin);
    const third = await book(slots[5]!.start, 3);
    await confirmFromMailbox("gast3@example.org");
    const { userId } = await convertToClient(third.id, origin);

    // Sessions with a note to the client, homework and private notes; moved, cancelled by either side.
    const session = (date: string) =>
      scheduleSessionSchema.parse({
        clientId: userId,
        date,
        time: "09:00",
        sessionTypeId: COACHING,
        noteToClient: `Bitte ${markers.noteToClient}`,
      });
    const [a] = await scheduleSession(session(addDays(today, 10)), { origin });
    await saveSessionRecord(a!.id, { notes: markers.coachNotes, homework: markers.homework });
    await rescheduleSession(a!.id, { date: addDays(today, 11), time: "10:00", reason: null }, { origin });
    const [b] = await scheduleSession(session(addDays(today, 12)), { origin });
    await cancelByClient(userId, b!.id, `Wegen ${markers.clientReason}`, origin);
    const [c] = await scheduleSession(session(addDays(today, 13)), { origin });
    await cancelSession(c!.id, null, { origin });

    // A practice with a note, answered by the coach (the client is told by email).
    const logId = await logPractice(
      userId,
      practiceLogSchema.parse({
        exerciseId: builtinExercises[0]!.id,
        minutes: "10",
        fearBefore: "6",
        fearAfter: "3",
        intensityBefore: "5",
        intensityAfter: "4",
        note: `Knie ${markers.practiceNote}`,
      }),
      today,
    );
    await setFeedback(userId, { logId, feedback: `Schön ${markers.practiceFeedback}` }, { origin });

    await queueDueReminders({ origin });
    await queueMagicLink({
      identifier: "gast3@example.org",
      ...(await createSignInLink(database.db, { email: "gast3@example.org", origin, maxAgeSeconds: 3600 })),
    });
    const [article] = await database.db.select().from(articles).where(eq(articles.status, "published")).limit(1);
    await submitComment(article!.slug, { authorName: "Leserin", body: `Bei mir ${markers.commentBody}` }, { clientKey: "k", origin });

    const delivered: OutgoingEmail[] = [];
    const real = getTransport();
    const recording: Transport = { ...real, send: async (email, key) => (delivered.push(email), real.send(email, key)) };
    await dispatchDueEmails({ transport: recording });

    const templates = new Set((await database.db.select({ t: emailOutbox.template }).from(emailOutbox)).map((r) => r.t));
    expect([...templates].sort()).toEqual([
      "appointment-reminder",
      "booking-cancelled",
      "booking-confirmed",
      "booking-moved",
      "booking-request",
      "client-invitation",
      "coach-booking-booked",
      "coach-booking-cancelled",
      "coach-booking-moved",
      "magic-link",
      "new-comment",
      "new-feedback",
      "session-cancelled",
      "session-moved",
      "session-scheduled",
    ]);

    // Nothing written by the visitor, the client or the coach about the person travels by email.
    const all = await database.db.select().from(devMailbox);
    const everything = [...delivered, ...all].map((m) =>
      readable([m.subject, m.html, m.text, ...m.attachments.map((x) => x.content)].join("\n")),
    );
    for (const marker of Object.values(markers))
      expect(
        everything.filter((t) => t.includes(marker)),
        marker,
      ).toEqual([]);
    const stored = await scanForText(database.db, Object.values(markers));
    expect(stored.filter((f) => f.table === "email_outbox" || f.table === "dev_mailbox")).toEqual([]);
    // The coach's notices say that something waits in the portal.
    const coachTexts = all.filter((m) => m.to === "coach@example.com").map((m) => m.text);
    expect(coachTexts.some((t) => t.includes("Dazu gibt es eine Nachricht und ein Selbsttest-Ergebnis."))).toBe(true);
    expect(coachTexts.some((t) => t.includes("Dazu gibt es eine Begründung."))).toBe(true);

    // Link tokens: the recipients' inboxes (the local mailbox) have them, the outbox's sent copies do not.
    const tokens = [...new Set(all.flatMap((m) => tokensIn(m.html)))];
    // confirmation ×3, manage ×3 (the moved email repeats the first), invitation, sign-in
    expect(tokens.length).toBe(8);
    const outbox = await database.db.select().from(emailOutbox);
    expect(outbox.every((r) => r.status === "sent" && r.secrets === null)).toBe(true);
    const outboxText = readable(JSON.stringify(outbox)).replace(/\s+/g, "");
    for (const token of tokens) expect(outboxText.includes(token.toLowerCase()), `token ${token} in the outbox`).toBe(false);
  });
});
