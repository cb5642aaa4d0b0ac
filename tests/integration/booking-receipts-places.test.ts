import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appointments, availabilitySettings, bookingReceipts, emailOutbox } from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { availableSlots } from "@/lib/appointments/holds";
import { cancelByVisitor, confirmBooking, createBooking, findForManagement, rescheduleByVisitor } from "@/lib/appointments/consultations";
import { setConsultationPlace } from "@/lib/appointments/places";
import { findReceipt, resendFromReceipt } from "@/lib/appointments/receipts";
import { savePlaceDefaults } from "@/lib/booking/coach";
import { queueReminder } from "@/lib/notifications/reminder";
import { practiceVoice } from "@/lib/notifications/voice";
import { bookingRequestSchema } from "@/lib/booking/schemas";
import { addDays } from "@/lib/time/dates";
import { practiceDate } from "@/lib/time/zone";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * A booking request's own page (its receipt), the confirmation link that opens the manage page
 * once it has confirmed, and where a consultation takes place (defaults per channel, a place per
 * appointment, and the update a change sends).
 */
let database: TestDatabase;
const origin = "http://localhost:3000";
const tz = "Europe/Berlin";
const allDay = [{ start: "08:00", end: "20:00" }];
let clients = 0;
const client = () => ({ origin, clientKey: `receipt-client-${++clients}` });

beforeAll(async () => {
  database = await useTestDatabase();
  await seedEssentials(database.db, "coach@example.com");
});
afterAll(() => database.drop());
beforeEach(async () => {
  await database.db.delete(bookingReceipts);
  await database.db.delete(appointments);
  await database.db.delete(emailOutbox);
  await database.db.update(availabilitySettings).set({
    weekly: { "1": allDay, "2": allDay, "3": allDay, "4": allDay, "5": allDay, "6": allDay, "7": allDay },
    confirmationEmailsPerDay: 3,
    videoLink: null,
    phoneNote: null,
    inPersonAddress: null,
  });
});

async function slots(count: number): Promise<Date[]> {
  const first = addDays(practiceDate(new Date(), tz), 3);
  const found = (await availableSlots(first, addDays(first, 6))).slots.map((s) => s.start);
  const spaced: Date[] = [];
  for (const start of found) if (!spaced.length || start.getTime() - spaced.at(-1)!.getTime() >= 3_600_000) spaced.push(start);
  return spaced.slice(0, count);
}

function request(start: Date, email: string, extra: Record<string, unknown> = {}) {
  return bookingRequestSchema.parse({ start: start.toISOString(), name: "Rita Receipt", email, channel: "video", consent: true, ...extra });
}

const mailsTo = (email: string, template: string) =>
  database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.to, email), like(emailOutbox.template, template)))
    .orderBy(emailOutbox.createdAt);

const tokenIn = (text: string, path: string) => text.match(new RegExp(`${path}/([A-Za-z0-9_-]{43})`))![1]!;
const receiptToken = (url: string) => url.split("/").at(-1)!;
const ics = (mail: { attachments: { content: string }[] }) => Buffer.from(mail.attachments[0]!.content, "base64").toString("utf8");

async function bookAndConfirm(start: Date, email: string) {
  const booking = await createBooking(request(start, email), client());
  const [mail] = await mailsTo(email, "booking-request");
  const confirmToken = tokenIn(mail!.text, "/termin/bestaetigen");
  const confirmed = await confirmBooking(confirmToken, { origin });
  expect(confirmed.status).toBe("confirmed");
  return { booking, confirmToken, manageToken: confirmed.manageToken! };
}

describe("the receipt of a booking request", () => {
  it("shows the time, zone and address it sent, then the booking's state; nothing for a token that is not one", async () => {
    const [start] = await slots(1);
    const booking = await createBooking(request(start!, "rita@example.com", { timeZone: "America/New_York" }), client());
    const token = receiptToken(booking.receiptUrl);
    expect(await findReceipt(token)).toMatchObject({
      state: "waiting",
      email: "rita@example.com",
      startAt: start,
      timeZone: "America/New_York",
    });
    expect(await findReceipt("A".repeat(43))).toBeNull();
    expect(await findReceipt("kein-token")).toBeNull();

    const [mail] = await mailsTo("rita@example.com", "booking-request");
    await confirmBooking(tokenIn(mail!.text, "/termin/bestaetigen"), { origin });
    expect((await findReceipt(token))!.state).toBe("confirmed");

    // After two days the page is gone, even before the daily purge deletes the row.
    await database.db
      .update(bookingReceipts)
      .set({ createdAt: sql`now() - interval '2 days 1 minute'` })
      .where(eq(bookingReceipts.email, "rita@example.com"));
    expect(await findReceipt(token)).toBeNull();
  });

  it("a second request for the same address gets a receipt of its own that looks the same, with no booking behind it", async () => {
    const [first, second] = await slots(2);
    const fresh = await createBooking(request(first!, "zwei@example.com"), client());
    const again = await createBooking(request(second!, "zwei@example.com"), client());
    expect(again.receiptUrl).not.toBe(fresh.receiptUrl);
    const view = await findReceipt(receiptToken(again.receiptUrl));
    expect(view).toMatchObject({ state: "waiting", email: "zwei@example.com", startAt: second });
    // The first booking is confirmed: the second receipt knows nothing of it.
    const [mail] = (await mailsTo("zwei@example.com", "booking-request")).slice(-1);
    await confirmBooking(tokenIn(mail!.text, "/termin/bestaetigen"), { origin });
    expect((await findReceipt(receiptToken(fresh.receiptUrl)))!.state).toBe("confirmed");
    expect((await findReceipt(receiptToken(again.receiptUrl)))!.state).toBe("waiting");
  });

  it("sends the confirmation again with a new link, at most once a minute", async () => {
    const [start] = await slots(1);
    const booking = await createBooking(request(start!, "nochmal@example.com"), client());
    const token = receiptToken(booking.receiptUrl);
    expect(await resendFromReceipt(token, client())).toBe("sent");
    expect(await resendFromReceipt(token, client())).toBe("wait");
    const mails = await mailsTo("nochmal@example.com", "booking-request");
    expect(mails).toHaveLength(2);
    // The newest link confirms; the first one no longer does.
    expect((await confirmBooking(tokenIn(mails[0]!.text, "/termin/bestaetigen"), { origin })).status).toBe("gone");
    expect((await confirmBooking(tokenIn(mails[1]!.text, "/termin/bestaetigen"), { origin })).status).toBe("confirmed");
    await expect(resendFromReceipt("A".repeat(43), client())).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the confirmation link after confirming", () => {
  it("a second confirm is the same success, and the link then opens the manage page (never while pending)", async () => {
    const [start] = await slots(1);
    const booking = await createBooking(request(start!, "doppelklick@example.com"), client());
    const [mail] = await mailsTo("doppelklick@example.com", "booking-request");
    const confirmToken = tokenIn(mail!.text, "/termin/bestaetigen");
    expect(await findForManagement(confirmToken)).toBeNull();
    expect((await confirmBooking(confirmToken, { origin })).status).toBe("confirmed");
    expect(await confirmBooking(confirmToken, { origin })).toMatchObject({ status: "already_confirmed", manageToken: confirmToken });
    expect((await findForManagement(confirmToken))!.id).toBe(booking.id);
    // Only one confirmation email for the two clicks.
    expect(await mailsTo("doppelklick@example.com", "booking-confirmed")).toHaveLength(1);
  });
});

describe("where a consultation takes place", () => {
  it("the channel's default goes into the confirmation and its invitation", async () => {
    await savePlaceDefaults({ videoLink: "https://meet.example.com/praxis", phoneNote: null, inPersonAddress: null });
    const [start] = await slots(1);
    await bookAndConfirm(start!, "standard@example.com");
    const [confirmed] = await mailsTo("standard@example.com", "booking-confirmed");
    expect(confirmed!.text).toContain("Hier geht es zum Gespräch: https://meet.example.com/praxis");
    expect(confirmed!.text).not.toContain("Den Link schicke ich dir");
    expect(ics(confirmed!)).toContain("LOCATION:https://meet.example.com/praxis");
  });

  it("set before confirmation it sends nothing; changed after, one update with the invitation, same UID, SEQUENCE raised", async () => {
    const [start] = await slots(1);
    const booking = await createBooking(request(start!, "ort@example.com"), client());
    const before = await setConsultationPlace(booking.id, "https://meet.example.com/erster", { origin });
    expect(before.announced).toBe(false);
    expect(before.appointment.sequence).toBe(0);
    expect(await mailsTo("ort@example.com", "booking-updated")).toHaveLength(0);

    const [mail] = await mailsTo("ort@example.com", "booking-request");
    await confirmBooking(tokenIn(mail!.text, "/termin/bestaetigen"), { origin });
    const [confirmed] = await mailsTo("ort@example.com", "booking-confirmed");
    expect(ics(confirmed!)).toContain("LOCATION:https://meet.example.com/erster");
    expect(ics(confirmed!)).toContain("SEQUENCE:0");
    const uid = ics(confirmed!).match(/UID:(\S+)/)![1];

    const after = await setConsultationPlace(booking.id, "https://meet.example.com/zweiter", { origin });
    expect(after).toMatchObject({ announced: true, appointment: { sequence: 1, location: "https://meet.example.com/zweiter" } });
    // The same value again changes nothing and sends nothing.
    expect((await setConsultationPlace(booking.id, "https://meet.example.com/zweiter", { origin })).announced).toBe(false);
    const updates = await mailsTo("ort@example.com", "booking-updated");
    expect(updates).toHaveLength(1);
    expect(updates[0]!.subject).toMatch(/^Neue Angaben zu deinem Erstgespräch: /);
    expect(updates[0]!.text).toContain("https://meet.example.com/zweiter");
    const updated = ics(updates[0]!);
    expect(updated).toContain("METHOD:REQUEST");
    expect(updated).toContain(`UID:${uid}`);
    expect(updated).toContain("SEQUENCE:1");
    expect(updated).toContain("LOCATION:https://meet.example.com/zweiter");
  });

  it("the reminder names the place and both times", async () => {
    await savePlaceDefaults({ videoLink: "https://meet.example.com/praxis", phoneNote: null, inPersonAddress: null });
    const [start] = await slots(1);
    const booking = await createBooking(request(start!, "erinnern@example.com", { timeZone: "America/New_York" }), client());
    const [mail] = await mailsTo("erinnern@example.com", "booking-request");
    await confirmBooking(tokenIn(mail!.text, "/termin/bestaetigen"), { origin });
    const [row] = await database.db.select().from(appointments).where(eq(appointments.id, booking.id));
    await queueReminder(database.db, await practiceVoice(database.db), row!, origin);
    const [reminder] = await mailsTo("erinnern@example.com", "appointment-reminder");
    const newYork = new Intl.DateTimeFormat("de-DE", { hour: "2-digit", minute: "2-digit", timeZone: "America/New_York" }).format(start!);
    expect(reminder!.subject).toContain(`Uhr in Berlin, `);
    expect(reminder!.text).toContain(`${newYork} Uhr bei dir (America/New_York)`);
    expect(reminder!.text).toContain("Hier geht es zum Gespräch: https://meet.example.com/praxis");
  });

  it("a video link must be https and one line", async () => {
    const [start] = await slots(1);
    const booking = await createBooking(request(start!, "falsch@example.com"), client());
    for (const bad of ["http://meet.example.com/x", "javascript:alert(1)", "meet.example.com", "https://x y.example"])
      await expect(setConsultationPlace(booking.id, bad, { origin }), bad).rejects.toMatchObject({ code: "invalid" });
    await expect(setConsultationPlace(booking.id, "Zeile eins\nZeile zwei", { origin })).rejects.toMatchObject({ code: "invalid" });
    const [row] = await database.db.select().from(appointments).where(eq(appointments.id, booking.id));
    expect(row!.location).toBeNull();
  });
});

describe("what the visitor reads when they move or cancel", () => {
  it("the move names the old time; their own cancellation says they cancelled, links to book again and promises no link", async () => {
    await savePlaceDefaults({ videoLink: "https://meet.example.com/praxis", phoneNote: null, inPersonAddress: null });
    const [start, later] = await slots(2);
    const { manageToken } = await bookAndConfirm(start!, "bewegt@example.com");
    await rescheduleByVisitor(manageToken, later!, { origin });
    const [moved] = await mailsTo("bewegt@example.com", "booking-moved");
    const oldClock = new Intl.DateTimeFormat("de-DE", { hour: "2-digit", minute: "2-digit", timeZone: tz }).format(start!);
    expect(moved!.text).toMatch(new RegExp(`Vorher: \\p{L}+, \\d{1,2}\\. \\p{L}+ \\d{4} um ${oldClock} Uhr`, "u"));

    await cancelByVisitor(manageToken, null, { origin });
    const [cancelled] = await mailsTo("bewegt@example.com", "booking-cancelled");
    expect(cancelled!.text).toContain("du hast dein Erstgespräch abgesagt");
    expect(cancelled!.text).not.toContain("findet leider nicht statt");
    expect(cancelled!.text).toContain(`${origin}/erstgespraech`);
    expect(cancelled!.text).not.toContain("meet.example.com");
    expect(cancelled!.text).not.toMatch(/Link schicke/);
    expect(ics(cancelled!)).not.toContain("meet.example.com");
  });
});
