import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDbHandle } from "@/db";
import { availabilitySettings, billingAddresses, emailOutbox, invoiceEvents, invoices, practiceSettings, sessionTypes } from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { queueMagicLink } from "@/lib/auth/magic-link";
import { createSignInLink } from "@/lib/auth/sign-in-link";
import { availableSlots } from "@/lib/appointments/holds";
import { confirmBooking, createBooking } from "@/lib/appointments/consultations";
import { setOutcome } from "@/lib/appointments/outcome";
import { draftFromPackage, draftFromSessions } from "@/lib/billing/drafts";
import { issueInvoice } from "@/lib/billing/issue";
import { sellPackage } from "@/lib/billing/packages";
import { recordPayment } from "@/lib/billing/status";
import { theCoach } from "@/lib/settings/coach";
import { cancelByClient } from "@/lib/appointments/client";
import { convertToClient } from "@/lib/booking/coach";
import { bookingRequestSchema } from "@/lib/booking/schemas";
import { addDays } from "@/lib/time/dates";
import { practiceDate } from "@/lib/time/zone";
import { saveSelfCheck } from "@/lib/checks/results";
import { redFlags, signs } from "@/lib/checks/self-check";
import { openClientRecord, setClientStatus } from "@/lib/clients/coach-view";
import { inviteClient } from "@/lib/clients/invitations";
import { deleteClientAccount } from "@/lib/clients/my-data";
import { claimDueEmails, dispatchDueEmails } from "@/lib/email/dispatcher";
import { listMailbox } from "@/lib/email/mailbox";
import { getTransport, type OutgoingEmail, type Transport } from "@/lib/email/transport";
import { createEntry } from "@/lib/journal/queries";
import { journalEntrySchema } from "@/lib/journal/schemas";
import { keptAfterDeletion } from "@/lib/privacy/kept";
import { assignExercise } from "@/lib/practice/assignments";
import { builtinExercises } from "@/lib/practice/builtin-exercises";
import { coachPracticeView, logPractice, setFeedback } from "@/lib/practice/logs";
import { assignmentFormSchema, feedbackSchema, practiceLogSchema } from "@/lib/practice/schemas";
import { saveSessionRecord } from "@/lib/sessions/queries";
import { scheduleSession } from "@/lib/sessions/schedule";
import { scheduleSessionSchema } from "@/lib/sessions/schemas";
import { gate } from "./helpers/gate";
import { createTestDatabase, type TestDatabase } from "./helpers/db";
import { scanForText, type Finding } from "./helpers/scan";
import { requestBaseline, submitCheckin } from "@/lib/outcomes/queries";

/*
 * Deleting an account deletes the person. Markers are planted through the real flows (a booking
 * with a message and a self-check, journal entries, a self-check, the coach's private notes,
 * homework, a note to the client, a cancellation reason, sessions, and the emails all of this
 * sends), the account is deleted, one dispatcher pass delivers what the deletion caused, and then
 * every text-like column of every table is searched for the markers, the person's address, name
 * and id. Only what lib/privacy/kept.ts declares (with its legal basis) may remain.
 */

const origin = "http://localhost:3000";
const tz = "Europe/Berlin";
const person = { name: "Xaverius Quendelmoor", email: "xaverius.quendelmoor@example.org" };
const markers = {
  bookingMessage: "mkbookingmessage",
  journalNote: "mkjournalnote",
  journalTag: "mkjournaltag",
  journalHelped: "mkjournalhelped",
  noteToClient: "mknotetoclient",
  coachNotes: "mkcoachprivatenotes",
  homework: "mkhomework",
  cancelReason: "mkcancelreason",
  location: "mksessionlocation",
  billingStreet: "mkbillingstreet",
  packageTitle: "mkpackagetitle",
  homeworkNote: "mkpracticeassignmentnote",
  practiceNote: "mkpracticelognote",
  practiceFeedback: "mkpracticefeedback",
  paymentNote: "mkpaymentnote",
};

const allYes = {
  signs: Object.fromEntries(signs.map((s) => [s.id, true])),
  redFlags: Object.fromEntries(redFlags.map((f) => [f.id, false])),
};

/** Findings in the columns the platform declares it keeps (with a legal basis) are allowed. */
function unexplained(findings: Finding[]) {
  return findings.filter((f) => !keptAfterDeletion.some((k) => k.table === f.table && k.column === f.column));
}

const engines: ("pglite" | "postgres")[] = ["pglite", ...(process.env.TEST_DATABASE_URL ? (["postgres"] as const) : [])];

describe.each(engines)("deleting an account on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    setDbHandle(database);
    await seedEssentials(database.db, "coach@example.com");
    const allDay = [{ start: "08:00", end: "20:00" }];
    await database.db
      .update(availabilitySettings)
      .set({ weekly: { "1": allDay, "2": allDay, "3": allDay, "4": allDay, "5": allDay, "6": allDay, "7": allDay } });
  });
  afterAll(() => database.drop());

  it("leaves no trace of the person in any table, and delivers the cancellations it causes", async () => {
    const today = practiceDate(new Date(), tz);
    const coach = await theCoach();

    // A visitor books with a message and their self-check, confirms from the email, becomes a client.
    const { slots } = await availableSlots(addDays(today, 3), addDays(today, 3));
    const booking = await createBooking(
      bookingRequestSchema.parse({
        start: slots[2]!.start.toISOString(),
        name: person.name,
        email: person.email,
        channel: "phone",
        phone: "+49 30 5550199",
        message: `Diagnose ${markers.bookingMessage}, seit Jahren`,
        selfCheck: allYes,
        consent: true,
      }),
      { origin, clientKey: `erasure-${randomUUID()}` },
    );
    await dispatchDueEmails();
    const [request] = await listMailbox(person.email);
    const confirmToken = request!.text.match(/termin\/bestaetigen\/([A-Za-z0-9_-]{43})/)![1]!;
    expect((await confirmBooking(confirmToken, { origin })).status).toBe("confirmed");
    const { userId } = await convertToClient(booking.id, origin);

    // The client keeps a journal and takes the self-check; the coach opens the record.
    for (const [i, date] of [addDays(today, -2), addDays(today, -1)].entries()) {
      await createEntry(
        userId,
        journalEntrySchema.parse({
          entryDate: date,
          pain: 4 + i,
          stress: 6,
          notes: `Heute ${markers.journalNote}`,
          tags: [markers.journalTag],
          helped: [markers.journalHelped],
        }),
      );
    }
    await saveSelfCheck(userId, allYes);
    await openClientRecord(coach, userId, "Tagebuch und Selbsttests");
    // Outcome check-ins: a baseline, a new one the coach asks for, and the follow-ups of a finished coaching.
    const answers = { averagePain: 6, worstPain: 8, interference: 5, damageBelief: 7, phq1: 2, phq2: 2, phq3: 1, phq4: 1 };
    await submitCheckin(userId, answers);
    await requestBaseline(userId);
    await setClientStatus(userId, "finished");
    await setClientStatus(userId, "active");
    await setClientStatus(userId, "finished");

    // Homework with the coach's note, a practice with the client's note, the coach's feedback on it.
    const exerciseId = builtinExercises[0]!.id;
    await assignExercise(
      userId,
      assignmentFormSchema.parse({ exerciseId, frequency: "daily", note: `Abends ${markers.homeworkNote}` }),
      today,
    );
    const practice = { exerciseId, minutes: "10", fearBefore: "6", fearAfter: "3", intensityBefore: "5", intensityAfter: "4" };
    const logId = await logPractice(userId, practiceLogSchema.parse({ ...practice, note: `Ruhig ${markers.practiceNote}` }), today);
    await setFeedback(userId, feedbackSchema.parse({ logId, feedback: `Schön ${markers.practiceFeedback}` }), {
      origin: "http://localhost:3000",
    });
    await coachPracticeView(coach, userId, today);

    // Sessions: one past with the coach's private notes and homework, two ahead (one cancelled
    // by the client with a reason), each announced with a note to the client.
    const [type] = await database.db.select().from(sessionTypes).where(eq(sessionTypes.active, true)).limit(1);
    const session = (date: string) =>
      scheduleSessionSchema.parse({
        clientId: userId,
        date,
        time: "09:00",
        sessionTypeId: type!.id,
        location: `Praxisraum ${markers.location}`,
        noteToClient: `Bitte ${markers.noteToClient} mitbringen`,
      });
    const [past] = await scheduleSession(session(addDays(today, -3)), { origin, now: new Date(Date.now() - 10 * 86_400_000) });
    await saveSessionRecord(past!.id, { notes: `# ${markers.coachNotes}`, homework: `Täglich ${markers.homework}` });

    // Money: a billing address, the past session held and billed, a package sold and drafted.
    await database.db
      .update(practiceSettings)
      .set({
        coachName: "Mara Muster",
        street: "Hauptstraße 1",
        postalCode: "79098",
        city: "Freiburg",
        taxNumber: "06/123/45678",
        iban: "DE02120300000000202051",
        accountHolder: "Mara Muster",
      })
      .where(eq(practiceSettings.id, 1));
    await database.db
      .insert(billingAddresses)
      .values({ userId, name: person.name, street: `${markers.billingStreet} 5`, postalCode: "10115", city: "Berlin" });
    await setOutcome(past!.id, "completed");
    const invoice = await issueInvoice(await draftFromSessions(userId, undefined));
    const pkg = await sellPackage({
      clientId: userId,
      title: `Paket ${markers.packageTitle}`,
      sessions: 4,
      priceCents: 32000,
      expiresOn: null,
    });
    // The package is invoiced (its title is on the kept invoice), the session invoice partly paid with a note.
    await issueInvoice(await draftFromPackage(pkg.id));
    await recordPayment(invoice.id, { amountCents: 1000, paidOn: today, note: `Teilzahlung ${markers.paymentNote}` });
    await draftFromPackage(pkg.id);
    await scheduleSession(session(addDays(today, 10)), { origin });
    const [cancelled] = await scheduleSession(session(addDays(today, 12)), { origin });
    await cancelByClient(userId, cancelled!.id, `Wegen ${markers.cancelReason}`, origin);

    // A sign-in link, asked for the way Auth.js asks for it.
    const link = await createSignInLink(database.db, { email: person.email, origin, maxAgeSeconds: 3600 });
    await queueMagicLink({ identifier: person.email, ...link });
    await dispatchDueEmails();

    const needles = [...Object.values(markers), person.email, ...person.name.split(" "), userId];
    const before = await scanForText(database.db, needles);
    // The scan sees every marker, and reads the name inside a base64 .ics attachment.
    for (const needle of needles)
      expect(
        before.map((f) => f.needle),
        needle,
      ).toContain(needle.toLowerCase());
    expect(before.some((f) => f.table === "email_outbox" && f.column === "attachments" && f.needle === "quendelmoor")).toBe(true);
    expect(before.some((f) => f.table === "dev_mailbox")).toBe(true);

    await deleteClientAccount(userId, origin);

    // One dispatcher pass delivers the cancellations the deletion caused.
    const delivered: OutgoingEmail[] = [];
    const real = getTransport();
    const recording: Transport = {
      ...real,
      send: async (email, key) => {
        delivered.push(email);
        return real.send(email, key);
      },
    };
    await dispatchDueEmails({ transport: recording });
    const toPerson = delivered.filter((e) => e.to === person.email);
    expect(toPerson.map((e) => e.subject).sort()).toEqual([
      expect.stringMatching(/^Dein Erstgespräch wurde abgesagt/),
      expect.stringMatching(/^Termin abgesagt: /),
    ]);
    for (const email of toPerson) expect(Buffer.from(email.attachments[0]!.content, "base64").toString()).toContain("METHOD:CANCEL");
    expect(delivered.filter((e) => e.to === "coach@example.com").length).toBe(2);

    expect(unexplained(await scanForText(database.db, needles))).toEqual([]);

    // The issued invoice is kept unchanged, its processing restricted; the draft is gone.
    const [kept] = await database.db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(kept).toMatchObject({ status: "issued", number: invoice.number, grossCents: invoice.grossCents, recipient: invoice.recipient });
    expect(
      await database.db.select({ kind: invoiceEvents.kind }).from(invoiceEvents).where(eq(invoiceEvents.invoiceId, invoice.id)),
    ).toEqual([{ kind: "restricted" }]);
    expect(await database.db.select({ id: invoices.id }).from(invoices).where(eq(invoices.status, "draft"))).toEqual([]);
  });

  it("erases an email that was being sent while the account was deleted, once it is out", async () => {
    const late = { name: "Wendelin Sprottenfang", email: "wendelin.sprottenfang@example.org" };
    const { user } = await inviteClient(late, origin);
    // A dispatcher has claimed the invitation and is sending it right now.
    expect((await claimDueEmails(10)).map((e) => e.to)).toContain(late.email);
    await deleteClientAccount(user.id, origin);
    const [inFlight] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.to, late.email));
    expect(inFlight).toMatchObject({ status: "sending", eraseAfterSend: true });

    // Its dispatcher died; the lease runs out, another delivers it and then erases it.
    await database.db
      .update(emailOutbox)
      .set({ lockedUntil: new Date(Date.now() - 60_000) })
      .where(eq(emailOutbox.id, inFlight!.id));
    const delivered: string[] = [];
    const real = getTransport();
    await dispatchDueEmails({ transport: { ...real, send: async (email, key) => (delivered.push(email.to), real.send(email, key)) } });
    expect(delivered).toContain(late.email);
    expect(unexplained(await scanForText(database.db, [late.email, ...late.name.split(" "), user.id]))).toEqual([]);
  });
});

/** Waits (up to 10 s) until a connection to this test's database waits for a lock: a transaction is blocked. */
async function someoneWaitsForALock(database: TestDatabase) {
  for (let i = 0; i < 200; i++) {
    // postgres.js returns the rows themselves (this block runs on PostgreSQL only).
    const rows = (await database.db.execute(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    )) as unknown as { n: number }[];
    if (rows[0]!.n > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

// Two connections at once: only a server shows how the two transactions meet.
describe.runIf(process.env.TEST_DATABASE_URL)("an email to the person queued while their account is deleted (PostgreSQL)", () => {
  let database: TestDatabase;
  const today = practiceDate(new Date(), tz);
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    setDbHandle(database);
    await seedEssentials(database.db, "coach@example.com");
  });
  afterAll(() => database.drop());

  async function clientWithPractice(who: { name: string; email: string }) {
    const { user } = await inviteClient(who, origin);
    const exerciseId = builtinExercises[0]!.id;
    await assignExercise(user.id, assignmentFormSchema.parse({ exerciseId, frequency: "daily", note: "" }), today);
    const practice = { exerciseId, minutes: "10", fearBefore: "6", fearAfter: "3", intensityBefore: "5", intensityAfter: "4" };
    const logId = await logPractice(user.id, practiceLogSchema.parse({ ...practice, note: "" }), today);
    return { user, logId };
  }
  const outboxOf = (email: string) =>
    database.db.select({ template: emailOutbox.template }).from(emailOutbox).where(eq(emailOutbox.to, email));

  it("erases the coach's answer email written just before: the deletion waits for it", async () => {
    const who = { name: "Ottilie Brackwasser", email: "ottilie.brackwasser@example.org" };
    const { user, logId } = await clientWithPractice(who);
    const coachAnswers = gate();
    let answered!: () => void;
    const written = new Promise<void>((resolve) => (answered = resolve));
    // The coach's answer is written and its email queued; its transaction has not committed yet.
    const answer = database.db.transaction(async (tx) => {
      await setFeedback(user.id, feedbackSchema.parse({ logId, feedback: "Gut gemacht" }), { origin }, tx);
      answered();
      await coachAnswers.closed;
    });
    await written;
    const deletion = deleteClientAccount(user.id, origin);
    expect(await someoneWaitsForALock(database)).toBe(true);
    coachAnswers.open();
    await answer;
    await deletion;
    expect(await outboxOf(who.email)).toEqual([]);
    expect(await listMailbox()).not.toContainEqual(expect.objectContaining({ to: who.email }));
  });

  it("refuses an email to the person while the deletion runs, at once, and queues nothing", async () => {
    const who = { name: "Gerwin Moosbacher", email: "gerwin.moosbacher@example.org" };
    const { user } = await clientWithPractice(who);
    await dispatchDueEmails();
    const deletionCommits = gate();
    let deleted!: () => void;
    const done = new Promise<void>((resolve) => (deleted = resolve));
    // The deletion has done its work; its transaction has not committed yet.
    const deletion = database.db.transaction(async (tx) => {
      await deleteClientAccount(user.id, origin, tx);
      deleted();
      await deletionCommits.closed;
    });
    await done;
    // The person asks for a sign-in link in another tab meanwhile.
    const asked = Date.now();
    await expect(queueMagicLink({ identifier: who.email, url: `${origin}/api/auth/callback/resend?token=t`, token: "t" })).rejects.toThrow(
      "Dieses Konto wird gerade gelöscht.",
    );
    expect(Date.now() - asked).toBeLessThan(5000);
    deletionCommits.open();
    await deletion;
    expect(await outboxOf(who.email)).toEqual([]);
  });
});
