import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.CALENDAR_ALLOW_LOOPBACK = "1";
});

import { availabilitySettings, calendarBusy, calendarWrites, emailOutbox, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { availableSlots } from "@/lib/appointments/holds";
import { confirmBooking, createBooking, rescheduleByVisitor } from "@/lib/appointments/consultations";
import { bookingRequestSchema } from "@/lib/booking/schemas";
import { calendarWarnings } from "@/lib/calendars/busy";
import { addCaldavConnection, listConnections, saveWriteback } from "@/lib/calendars/connections";
import { syncCalendars } from "@/lib/calendars/sync";
import { dispatchCalendarWrites } from "@/lib/calendars/writeback";
import { deleteClientAccount } from "@/lib/clients/my-data";
import { cancelSession, rescheduleSession, scheduleSession } from "@/lib/sessions/schedule";
import { scheduleSessionSchema } from "@/lib/sessions/schemas";
import { addDays } from "@/lib/time/dates";
import { practiceDate } from "@/lib/time/zone";
import { useTestDatabase, type TestDatabase } from "./helpers/db";
import { radicaleAvailable, startRadicale, RADICALE_PASSWORD, RADICALE_USER, type Radicale } from "./helpers/radicale";

/*
 * Write-back against a real CalDAV server: what the coach sees in their own calendar after a
 * consultation is confirmed and moved, a session scheduled, moved and cancelled, and a client's
 * account deleted. Read back with Radicale's own GET of the collection and parsed by ical.js.
 */

const available = radicaleAvailable();
const origin = "http://localhost:3000";
const tz = "Europe/Berlin";
const COACHING = "00000000-0000-4000-8000-000000000050";

let database: TestDatabase;
let radicale: Radicale;
let calendarUrl: string;
let coachId: string;
let annaId: string;

type Seen = { uid: string; summary: string; start: string; description: string };
async function inCalendar(): Promise<Seen[]> {
  const root = new ICAL.Component(ICAL.parse(await radicale.read(calendarUrl)));
  return root.getAllSubcomponents("vevent").map((v) => ({
    uid: String(v.getFirstPropertyValue("uid")),
    summary: String(v.getFirstPropertyValue("summary")),
    start: (v.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
    description: String(v.getFirstPropertyValue("description")),
  }));
}

describe.skipIf(!available)("write-back into the coach's CalDAV calendar", () => {
  beforeAll(async () => {
    database = await useTestDatabase();
    await seedDemo(database.db, "coach@example.com");
    const open = [{ start: "08:00", end: "20:00" }];
    await database.db
      .update(availabilitySettings)
      .set({ weekly: { "1": open, "2": open, "3": open, "4": open, "5": open, "6": open, "7": open } });
    coachId = (await database.db.select().from(users).where(eq(users.email, "coach@example.com")))[0]!.id;
    annaId = (await database.db.select().from(users).where(eq(users.email, "anna@example.com")))[0]!.id;
    radicale = await startRadicale();
    calendarUrl = await radicale.mkcalendar("praxis");
    await addCaldavConnection(coachId, { label: "iCloud", serverUrl: radicale.url, username: RADICALE_USER, password: RADICALE_PASSWORD });
    const [connection] = await listConnections(coachId);
    await saveWriteback(coachId, { calendarId: connection!.calendars[0]!.id, fullNames: false });
  });
  afterAll(async () => {
    await radicale?.stop();
    await database?.drop();
  });

  it("a confirmed consultation appears with initials and a portal link, moves with it, and is never read back as busy", async () => {
    const day = addDays(practiceDate(new Date(), tz), 5);
    const { slots } = await availableSlots(day, day);
    const booking = await createBooking(
      bookingRequestSchema.parse({
        start: slots[0]!.start.toISOString(),
        name: "Nora Neumann",
        email: "nora@example.com",
        channel: "video",
        message: "Seit Jahren Schmerzen im unteren Rücken.",
        consent: true,
      }),
      { origin, clientKey: "k1" },
    );
    // Pending: nothing in the calendar yet.
    await dispatchCalendarWrites();
    expect(await inCalendar()).toEqual([]);
    const [mail] = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `booking-request:${booking.id}`));
    const token = mail!.text.match(/\/termin\/bestaetigen\/([A-Za-z0-9_-]{43})/)![1]!;
    const { manageToken } = (await confirmBooking(token, { origin })) as { manageToken: string };
    expect((await dispatchCalendarWrites()).written).toBe(1);
    const [event] = await inCalendar();
    expect(event).toMatchObject({ summary: "Erstgespräch · N. N.", start: slots[0]!.start.toISOString() });
    expect(event!.description).toContain(`${origin}/coach/termine`);
    expect(JSON.stringify(await inCalendar())).not.toContain("Rücken");

    await rescheduleByVisitor(manageToken, slots[4]!.start, { origin });
    await dispatchCalendarWrites();
    expect((await inCalendar()).map((e) => e.start)).toEqual([slots[4]!.start.toISOString()]);

    // Our own event is in a calendar that counts as busy, yet it is not stored as busy time.
    const read = await syncCalendars({ connectionId: (await listConnections(coachId))[0]!.id });
    expect(read).toMatchObject({ calendarsRead: 1, failed: 0 });
    expect(await database.db.select().from(calendarBusy)).toEqual([]);
  });

  it("a session is written when scheduled, moved when moved, removed when cancelled", async () => {
    const date = addDays(practiceDate(new Date(), tz), 10);
    const [session] = await scheduleSession(
      scheduleSessionSchema.parse({
        clientId: annaId,
        date,
        time: "10:00",
        sessionTypeId: COACHING,
        location: "",
        noteToClient: "Tagebuch mitbringen",
      }),
      { origin },
    );
    await dispatchCalendarWrites();
    const written = (await inCalendar()).find((e) => e.uid.endsWith(session!.id));
    expect(written).toMatchObject({ summary: "Sitzung · A. K." });
    expect(written!.description).toContain(`${origin}/coach/klienten/${annaId}`);
    expect(written!.description).not.toContain("Tagebuch");

    const moved = await rescheduleSession(session!.id, { date: addDays(date, 1), time: "15:00", reason: null }, { origin });
    await dispatchCalendarWrites();
    expect((await inCalendar()).find((e) => e.uid.endsWith(session!.id))!.start).toBe(moved.startAt.toISOString());

    await cancelSession(session!.id, null, { origin });
    expect((await dispatchCalendarWrites()).removed).toBe(1);
    expect((await inCalendar()).find((e) => e.uid.endsWith(session!.id))).toBeUndefined();
  });

  it("full names only when the coach turns them on", async () => {
    const [connection] = await listConnections(coachId);
    await saveWriteback(coachId, { calendarId: connection!.calendars[0]!.id, fullNames: true });
    const [session] = await scheduleSession(
      scheduleSessionSchema.parse({
        clientId: annaId,
        date: addDays(practiceDate(new Date(), tz), 12),
        time: "09:00",
        sessionTypeId: COACHING,
      }),
      { origin },
    );
    await dispatchCalendarWrites();
    expect((await inCalendar()).find((e) => e.uid.endsWith(session!.id))!.summary).toBe("Sitzung · Anna Keller");
    await saveWriteback(coachId, { calendarId: connection!.calendars[0]!.id, fullNames: false });
  });

  it("deleting a client's account removes their events from the coach's calendar, past ones too", async () => {
    const [past] = await scheduleSession(
      scheduleSessionSchema.parse({
        clientId: annaId,
        date: addDays(practiceDate(new Date(), tz), -3),
        time: "15:00",
        sessionTypeId: COACHING,
      }),
      { origin, now: new Date(Date.now() - 10 * 86_400_000) },
    );
    await dispatchCalendarWrites();
    expect((await inCalendar()).some((e) => e.uid.endsWith(past!.id))).toBe(true);
    expect((await inCalendar()).filter((e) => e.summary.startsWith("Sitzung")).length).toBeGreaterThan(1);
    await deleteClientAccount(annaId, origin);
    await dispatchCalendarWrites();
    expect((await inCalendar()).filter((e) => e.summary.startsWith("Sitzung"))).toEqual([]);
    // The queue keeps no name: only ids and states.
    expect(JSON.stringify(await database.db.select().from(calendarWrites))).not.toMatch(/anna|keller/i);
  });

  it("a write that fails is retried and shows on the agenda", async () => {
    const [session] = await scheduleSession(
      scheduleSessionSchema.parse({
        clientId: (await database.db.select().from(users).where(eq(users.email, "ben@example.com")))[0]!.id,
        date: addDays(practiceDate(new Date(), tz), 14),
        time: "11:00",
        sessionTypeId: COACHING,
      }),
      { origin },
    );
    await radicale.stop();
    expect((await dispatchCalendarWrites()).retried).toBe(1);
    const [row] = await database.db.select().from(calendarWrites).where(eq(calendarWrites.appointmentId, session!.id));
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(await calendarWarnings(new Date(), 5)).toContain(
      "Ein Termin konnte noch nicht in deinen Kalender geschrieben werden; es wird weiter versucht.",
    );
  });
});
