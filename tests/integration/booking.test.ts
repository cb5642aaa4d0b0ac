import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appointments, availabilitySettings, emailOutbox, selfCheckResults, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { availableSlots } from "@/lib/appointments/holds";
import { cancelByVisitor, confirmBooking, createBooking, rescheduleByVisitor } from "@/lib/appointments/consultations";
import { convertToClient } from "@/lib/booking/coach";
import { bookingRequestSchema } from "@/lib/booking/schemas";
import { addDays } from "@/lib/time/dates";
import { practiceDate } from "@/lib/time/zone";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
const origin = "http://localhost:3000";
/** Each booking from a client address of its own, unless a test is about one address. */
let clients = 0;
const fromNewClient = () => ({ origin, clientKey: `client-${++clients}` });

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  // Open every day, 08:00–20:00, so the test does not depend on today's weekday.
  const allDay = [{ start: "08:00", end: "20:00" }];
  await database.db
    .update(availabilitySettings)
    .set({ weekly: { "1": allDay, "2": allDay, "3": allDay, "4": allDay, "5": allDay, "6": allDay, "7": allDay } });
});
afterAll(() => database.drop());
beforeEach(async () => {
  await database.db.delete(appointments);
  await database.db.delete(emailOutbox);
});

const tz = "Europe/Berlin";
async function someSlots(daysAhead = 3) {
  const day = addDays(practiceDate(new Date(), tz), daysAhead);
  const { slots } = await availableSlots(day, day);
  expect(slots.length).toBeGreaterThan(4);
  return slots;
}

function request(start: Date, n = 0) {
  return bookingRequestSchema.parse({
    start: start.toISOString(),
    name: `Person ${n}`,
    email: `person${n}@example.com`,
    channel: "video",
    message: "Seit Jahren Schmerzen im unteren Rücken.",
    consent: true,
  });
}

function tokenFrom(text: string, path: string): string {
  const match = text.match(new RegExp(`${path}/([A-Za-z0-9_-]{43})`));
  expect(match, `a ${path} link in the email`).toBeTruthy();
  return match![1]!;
}

describe("booking the free consultation", () => {
  it("holds the slot while pending, asks to confirm by email, and frees it when the hold expires", async () => {
    const [slot] = await someSlots();
    const booking = await createBooking(request(slot!.start), fromNewClient());
    expect(booking).toMatchObject({ status: "pending", start: slot!.start.toISOString() });

    const day = practiceDate(slot!.start, tz);
    expect((await availableSlots(day, day)).slots.map((s) => s.start.getTime())).not.toContain(slot!.start.getTime());
    await expect(createBooking(request(slot!.start, 2), fromNewClient())).rejects.toMatchObject({ code: "slot_unavailable" });

    const [mail] = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `booking-request:${booking.id}`));
    expect(mail?.to).toBe("person0@example.com");
    expect(mail?.subject).toBe("Bitte bestätige dein Erstgespräch");

    // The hold runs out: the slot is offered again and can be booked, with no cron involved.
    await database.db
      .update(appointments)
      .set({ pendingExpiresAt: sql`now() - interval '1 minute'` })
      .where(eq(appointments.id, booking.id));
    expect((await availableSlots(day, day)).slots.map((s) => s.start.getTime())).toContain(slot!.start.getTime());
    const second = await createBooking(request(slot!.start, 3), fromNewClient());
    expect(second.status).toBe("pending");
    const [first] = await database.db.select().from(appointments).where(eq(appointments.id, booking.id));
    expect(first?.status).toBe("expired");
  });

  it("gives exactly one success when 50 requests race for one slot", async () => {
    const [slot] = await someSlots(4);
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, n) => createBooking(request(slot!.start, n), fromNewClient())));
    const ok = results.filter((r) => r.status === "fulfilled");
    const conflicts = results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "slot_unavailable");
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const rows = await database.db.select().from(appointments);
    expect(rows).toHaveLength(1);
    // Each loser wrote nothing: one email, for the winner.
    expect(await database.db.select().from(emailOutbox)).toHaveLength(1);
    console.log(`race: ${ok.length} booked, ${conflicts.length} conflicts (${database.engine})`);
  });

  it("keeps buffers: a neighbouring slot within the buffers is not offered", async () => {
    const slots = await someSlots(5);
    const taken = slots[4]!;
    await createBooking(request(taken.start), fromNewClient());
    const day = practiceDate(taken.start, tz);
    const after = (await availableSlots(day, day)).slots.map((s) => s.start.getTime());
    // 30-minute consultations with 10-minute buffers on both sides need 20 minutes between them.
    expect(after).not.toContain(taken.start.getTime() + 30 * 60_000);
    expect(after).not.toContain(taken.start.getTime() - 30 * 60_000);
    expect(after).toContain(taken.start.getTime() + 60 * 60_000);
  });

  it("confirms by link, then lets the visitor move and cancel with updated invitations", async () => {
    const slots = await someSlots(6);
    const booking = await createBooking(request(slots[0]!.start), fromNewClient());
    const [request1] = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `booking-request:${booking.id}`));
    const confirmToken = tokenFrom(request1!.text, "/termin/bestaetigen");

    const confirmed = await confirmBooking(confirmToken, { origin });
    expect(confirmed.status).toBe("confirmed");
    expect((await confirmBooking(confirmToken, { origin })).status).toBe("already_confirmed");
    const [visitorMail] = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `booking-confirmed:${booking.id}:0`));
    const ics = Buffer.from(visitorMail!.attachments[0]!.content, "base64").toString("utf8");
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain(`UID:${booking.id}@rueckenwind-coaching`);
    expect(ics).toContain("SEQUENCE:0");
    expect(ics).toContain("BEGIN:VALARM");
    const [coachMail] = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `coach-booking-booked:${booking.id}:0`));
    expect(coachMail?.to).toBe("coach@example.com");
    // The visitor's message waits in the portal; the notice only says that there is one.
    expect(coachMail!.html + coachMail!.text).not.toContain("Seit Jahren Schmerzen");
    expect(coachMail?.text).toContain("Dazu gibt es eine Nachricht. Du liest sie im Praxisbereich.");

    const manage = confirmed.manageToken!;
    const moved = await rescheduleByVisitor(manage, slots[3]!.start, { origin });
    expect(moved.startAt.getTime()).toBe(slots[3]!.start.getTime());
    expect(moved.sequence).toBe(1);
    const [movedMail] = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `booking-moved:${booking.id}:1`));
    expect(Buffer.from(movedMail!.attachments[0]!.content, "base64").toString("utf8")).toContain("SEQUENCE:1");

    const cancelled = await cancelByVisitor(manage, "Mir geht es besser", { origin });
    expect(cancelled.status).toBe("cancelled");
    const [cancelMail] = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `booking-cancelled:${booking.id}:2`));
    const cancelIcs = Buffer.from(cancelMail!.attachments[0]!.content, "base64").toString("utf8");
    expect(cancelIcs).toContain("METHOD:CANCEL");
    expect(cancelIcs).toContain("SEQUENCE:2");
    await expect(cancelByVisitor(manage, null, { origin })).rejects.toMatchObject({ code: "not_found" });
    // The time is free again.
    const day = practiceDate(slots[3]!.start, tz);
    expect((await availableSlots(day, day)).slots.map((s) => s.start.getTime())).toContain(slots[3]!.start.getTime());
  });

  it("refuses changes after the cut-off and a slot that is not offered", async () => {
    await expect(createBooking(request(new Date(Date.now() + 60 * 60_000)), fromNewClient())).rejects.toMatchObject({
      code: "slot_unavailable",
    });
    const [slot] = await someSlots(3);
    await expect(createBooking(request(new Date(slot!.start.getTime() + 7 * 60_000)), fromNewClient())).rejects.toMatchObject({
      code: "slot_unavailable",
    });
    const booking = await createBooking(request(slot!.start), fromNewClient());
    const [mail] = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `booking-request:${booking.id}`));
    const { manageToken } = await confirmBooking(tokenFrom(mail!.text, "/termin/bestaetigen"), { origin });
    await database.db.update(availabilitySettings).set({ cancellationCutoffMinutes: 10 * 24 * 60 });
    try {
      await expect(cancelByVisitor(manageToken!, null, { origin })).rejects.toMatchObject({ code: "forbidden" });
    } finally {
      await database.db.update(availabilitySettings).set({ cancellationCutoffMinutes: 1440 });
    }
  });
});

describe("a self-check attached to a booking", () => {
  const signIds = [
    "stress_onset",
    "fluctuates",
    "no_injury",
    "outlasted_healing",
    "several_areas",
    "changes_spreads",
    "worse_with_stress",
    "eases_when_enjoying",
    "non_physical_triggers",
    "both_sides",
    "no_clear_diagnosis",
    "delayed",
    "personality",
  ];
  const flagIds = ["fever", "weight_loss", "cancer_history", "major_trauma", "saddle_numbness", "bladder_bowel", "progressive_weakness"];
  const answers = (yes: number, flag = false) => ({
    signs: Object.fromEntries(signIds.map((id, i) => [id, i < yes])),
    redFlags: Object.fromEntries(flagIds.map((id) => [id, flag && id === "fever"])),
  });
  const withCheck = (start: Date, selfCheck: unknown) => bookingRequestSchema.safeParse({ ...request(start, 7), selfCheck });

  it("is refused when incomplete, of unknown questions or not an object", async () => {
    const [slot] = await someSlots();
    const partial = answers(3);
    delete (partial.signs as Record<string, boolean>).delayed;
    for (const bad of [
      partial,
      { ...answers(3), extra: 1 },
      { signs: { ...answers(3).signs, made_up: true }, redFlags: answers(3).redFlags },
      "9",
      [1],
      { signs: {}, redFlags: {} },
    ]) {
      const parsed = withCheck(slot!.start, bad);
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      expect(parsed.error!.issues[0]!.path).toEqual(["selfCheck"]);
    }
  });

  it("is stored only when sent, scored on the server, and starts the new client's history", async () => {
    const [first, , third] = await someSlots(4);
    const without = await createBooking(request(first!.start, 8), fromNewClient());
    expect((await database.db.select().from(appointments).where(eq(appointments.id, without.id)))[0]!.selfCheck).toBeNull();

    const parsed = withCheck(third!.start, answers(9, true));
    expect(parsed.success).toBe(true);
    const booking = await createBooking(parsed.data!, fromNewClient());
    const [stored] = await database.db.select().from(appointments).where(eq(appointments.id, booking.id));
    expect(stored!.selfCheck).toMatchObject({ version: 1, score: 9, band: "many", redFlag: true });

    const { userId } = await convertToClient(booking.id, origin);
    const history = await database.db.select().from(selfCheckResults).where(eq(selfCheckResults.userId, userId));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ score: 9, band: "many", redFlag: true });
    // Inviting again does not copy it a second time.
    await convertToClient(booking.id, origin);
    expect(await database.db.select().from(selfCheckResults).where(eq(selfCheckResults.userId, userId))).toHaveLength(1);
    await database.db.delete(users).where(eq(users.id, userId));
  });
});
