import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appointments, emailOutbox, sessionNotes, users, type EmailAttachment } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { listForClient } from "@/lib/appointments/client";
import { exportClientData } from "@/lib/clients/my-data";
import { saveSessionRecord } from "@/lib/sessions/queries";
import { cancelSession, rescheduleSession, scheduleSession } from "@/lib/sessions/schedule";
import { scheduleSessionSchema } from "@/lib/sessions/schemas";
import { addDays } from "@/lib/time/dates";
import { practiceDate, practiceTimeToUtc } from "@/lib/time/zone";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
let annaId: string;
let coachId: string;
const origin = "http://localhost:3000";
const tz = "Europe/Berlin";
const COACHING = "00000000-0000-4000-8000-000000000050"; // seeded, 50 minutes, video

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  const [anna] = await database.db.select().from(users).where(eq(users.email, "anna@example.com"));
  const [coach] = await database.db.select().from(users).where(eq(users.email, "coach@example.com"));
  annaId = anna!.id;
  coachId = coach!.id;
});
afterAll(() => database.drop());
beforeEach(async () => {
  await database.db.delete(appointments);
  await database.db.delete(emailOutbox);
});

const day = (ahead: number) => addDays(practiceDate(new Date(), tz), ahead);

/** The next 15th of this month that is at least a week ahead: "07" is Berlin summer time (UTC+2), "01" winter time (UTC+1). */
function next15th(month: "01" | "07"): string {
  const weekAhead = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const year = new Date().getUTCFullYear();
  return `${year}-${month}-15` >= weekAhead ? `${year}-${month}-15` : `${year + 1}-${month}-15`;
}

function input(overrides: Record<string, unknown> = {}) {
  return scheduleSessionSchema.parse({
    clientId: annaId,
    date: day(10),
    time: "10:00",
    sessionTypeId: COACHING,
    location: "https://meet.example.com/anna",
    noteToClient: "Bring gern dein Tagebuch mit.",
    ...overrides,
  });
}

/** A confirmed consultation of someone else, as a visitor would have booked it (10 min buffers). */
async function consultation(date: string, time: string, name = "Nora Neu") {
  const start = practiceTimeToUtc(date, time, tz);
  const end = new Date(start.getTime() + 30 * 60_000);
  await database.db.insert(appointments).values({
    coachId,
    kind: "consultation",
    status: "confirmed",
    startAt: start,
    endAt: end,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
    blockedFrom: new Date(start.getTime() - 10 * 60_000),
    blockedUntil: new Date(end.getTime() + 10 * 60_000),
    name,
    email: "nora@example.com",
  });
}

async function mailsTo(email: string) {
  return database.db.select().from(emailOutbox).where(eq(emailOutbox.to, email)).orderBy(emailOutbox.createdAt);
}

/** Parses an attachment with ical.js (a real RFC 5545 parser); times are UTC, so no zone is needed. */
function parseInvitation(attachment: EmailAttachment) {
  const text = Buffer.from(attachment.content, "base64").toString("utf8");
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate(),
    tzid: event.startDate.zone?.tzid,
    summary: event.summary,
    location: event.location,
    description: event.description,
  };
}

describe("the coach schedules a session", () => {
  // 10:00 practice time, written out in UTC by hand: the offset differs between the seasons.
  it.each([
    { season: "summer", month: "07", utc: "08:00" },
    { season: "winter", month: "01", utc: "09:00" },
  ] as const)(
    "creates a confirmed session in $season and one email whose invitation parses with UID, SEQUENCE 0, METHOD:REQUEST and DTSTART",
    async ({ month, utc }) => {
      const date = next15th(month);
      const [session] = await scheduleSession(input({ date }), { origin });
      expect(session).toMatchObject({
        kind: "session",
        status: "confirmed",
        clientId: annaId,
        location: "https://meet.example.com/anna",
        sequence: 0,
      });
      expect(session!.endAt.getTime() - session!.startAt.getTime()).toBe(50 * 60_000);

      const mails = await mailsTo("anna@example.com");
      expect(mails).toHaveLength(1);
      expect(mails[0]!.dedupeKey).toBe(`session-scheduled:${session!.id}:0`);
      // The coach's note is read in the client's area: the email says it is there.
      expect(mails[0]!.text).not.toContain("Bring gern dein Tagebuch mit.");
      expect(mails[0]!.text).toContain("Notiz zu diesem Termin hinterlassen");
      expect(mails[0]!.text).toContain("https://meet.example.com/anna");
      expect(mails[0]!.text).toContain("/dashboard/termine");
      expect(mails[0]!.text).toContain("10:00 Uhr");
      const ics = parseInvitation(mails[0]!.attachments[0]!);
      expect(ics).toMatchObject({ method: "REQUEST", uid: `${session!.id}@rueckenwind-coaching`, sequence: 0, tzid: "UTC" });
      expect(ics.start.toISOString()).toBe(`${date}T${utc}:00.000Z`);
      expect(session!.startAt.toISOString()).toBe(`${date}T${utc}:00.000Z`);
      expect(ics.summary).toBe("Coaching-Sitzung mit Mara Lindner");
      expect(ics.location).toBe("https://meet.example.com/anna");
      // The note to the client is read in the portal; the invitation links there instead.
      expect(ics.description).not.toContain("Bring gern dein Tagebuch mit.");
      expect(ics.description).toContain(`Details im Portal: ${origin}/dashboard/termine`);
    },
  );

  it("refuses an overlap, naming the other appointment, and creates nothing", async () => {
    await consultation(day(10), "10:30");
    await expect(scheduleSession(input(), { origin })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/^Überschneidet sich mit Erstgespräch mit Nora Neu am \w\w\., \d+\. \w+, 10:30\.$/),
    });
    expect(await database.db.select().from(appointments).where(eq(appointments.kind, "session"))).toHaveLength(0);
    expect(await mailsTo("anna@example.com")).toHaveLength(0);
  });

  it("creates a 4-week series with one conflict not at all, and lists that date and what it collides with", async () => {
    await consultation(day(24), "10:15");
    const error = await scheduleSession(input({ repeatWeekly: "4" }), { origin }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "conflict" });
    const message = (error as Error).message;
    expect(message).toContain("Die Serie wurde nicht angelegt.");
    expect(message).toMatch(/, 10:00 überschneidet sich mit Erstgespräch mit Nora Neu am .*, 10:15/);
    expect((error as { details: { conflicts: string[] } }).details.conflicts).toHaveLength(1);
    expect(await database.db.select().from(appointments).where(eq(appointments.kind, "session"))).toHaveLength(0);
    expect(await mailsTo("anna@example.com")).toHaveLength(0);

    // Without the conflict, all four are created as one series, each at 10:00 practice time.
    await database.db.delete(appointments);
    const rows = await scheduleSession(input({ repeatWeekly: "4" }), { origin });
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.seriesId)).size).toBe(1);
    expect(rows.map((r) => practiceDate(r.startAt, tz))).toEqual([day(10), day(17), day(24), day(31)]);
    const [mail] = await mailsTo("anna@example.com");
    expect(mail!.attachments.map((a) => parseInvitation(a).uid)).toEqual(rows.map((r) => `${r.id}@rueckenwind-coaching`));
  });

  it("refuses a past time and someone who is not a client, in German", async () => {
    await expect(scheduleSession(input({ date: day(-1) }), { origin })).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringContaining("Vergangenheit"),
    });
    await expect(scheduleSession(input({ clientId: coachId }), { origin })).rejects.toMatchObject({
      code: "not_found",
      message: "Diese Person gibt es nicht als Klient*in.",
    });
    expect(scheduleSessionSchema.safeParse({ ...input(), date: "2026-02-30" }).success).toBe(false);
    expect(scheduleSessionSchema.safeParse({ ...input(), repeatWeekly: "27" }).success).toBe(false);
  });
});

describe("the coach moves and cancels a session", () => {
  it("moves with the same UID, a raised SEQUENCE and the reminder due again; cancels with METHOD:CANCEL", async () => {
    const [session] = await scheduleSession(input(), { origin });
    await database.db.update(appointments).set({ reminderSentAt: new Date() }).where(eq(appointments.id, session!.id));

    // From whatever season day(10) is in to a winter date: 14:30 in Berlin is 13:30 UTC then.
    const winter = next15th("01");
    const moved = await rescheduleSession(session!.id, { date: winter, time: "14:30", reason: "Terminüberschneidung bei mir" }, { origin });
    expect(moved.sequence).toBe(1);
    expect(moved.reminderSentAt).toBeNull();
    expect(moved.endAt.getTime() - moved.startAt.getTime()).toBe(50 * 60_000);
    const movedMail = (await mailsTo("anna@example.com")).find((m) => m.dedupeKey === `session-moved:${session!.id}:1`)!;
    const movedIcs = parseInvitation(movedMail.attachments[0]!);
    expect(movedIcs).toMatchObject({ method: "REQUEST", uid: `${session!.id}@rueckenwind-coaching`, sequence: 1 });
    expect(movedIcs.start.toISOString()).toBe(`${winter}T13:30:00.000Z`);
    expect(movedMail.text).toContain("Terminüberschneidung bei mir");

    // Moving onto another appointment is refused with its name.
    await consultation(day(12), "09:00");
    await expect(rescheduleSession(session!.id, { date: day(12), time: "08:30", reason: null }, { origin })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("Erstgespräch mit Nora Neu"),
    });
    await expect(rescheduleSession(session!.id, { date: day(-2), time: "08:30", reason: null }, { origin })).rejects.toMatchObject({
      code: "invalid",
    });

    const cancelled = await cancelSession(session!.id, "Ich bin krank.", { origin });
    expect(cancelled).toMatchObject({ status: "cancelled", cancelledBy: "coach", cancelReason: "Ich bin krank.", sequence: 2 });
    const cancelMail = (await mailsTo("anna@example.com")).find((m) => m.dedupeKey === `session-cancelled:${session!.id}:2`)!;
    expect(cancelMail.attachments[0]!.filename).toBe("absage.ics");
    expect(parseInvitation(cancelMail.attachments[0]!)).toMatchObject({
      method: "CANCEL",
      uid: `${session!.id}@rueckenwind-coaching`,
      sequence: 2,
    });
    await expect(cancelSession(session!.id, null, { origin })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the coach's private notes", () => {
  it("never reach the client's pages, export or emails; the homework does", async () => {
    const [session] = await scheduleSession(input(), { origin });
    await saveSessionRecord(session!.id, { notes: "GEHEIM: Angst vor Bewegung besprechen", homework: "Jeden Abend 5 Minuten Körperscan." });
    expect(await database.db.select().from(sessionNotes)).toHaveLength(1);
    await rescheduleSession(session!.id, { date: day(13), time: "11:00", reason: null }, { origin });

    const exported = JSON.stringify(await exportClientData(annaId));
    expect(exported).not.toContain("GEHEIM");
    expect(exported).toContain("Jeden Abend 5 Minuten Körperscan.");
    const own = JSON.stringify(await listForClient(annaId));
    expect(own).not.toContain("GEHEIM");
    expect(own).toContain("Körperscan");
    for (const mail of await mailsTo("anna@example.com")) {
      expect(
        mail.html + mail.text + JSON.stringify(mail.attachments.map((a) => Buffer.from(a.content, "base64").toString("utf8"))),
      ).not.toContain("GEHEIM");
    }
  });

  it("lets the coach set sessions back to back, while a consultation keeps its buffer next to them", async () => {
    await scheduleSession(input({ time: "09:00" }), { origin });
    await scheduleSession(input({ time: "09:50" }), { origin });
    // The consultation at 12:00 holds 11:50–12:40: a session ending 11:55 collides, one ending 11:50 does not.
    await consultation(day(10), "12:00");
    await expect(scheduleSession(input({ time: "11:05" }), { origin })).rejects.toMatchObject({ code: "conflict" });
    await scheduleSession(input({ time: "11:00" }), { origin });
    expect(await database.db.select().from(appointments).where(eq(appointments.kind, "session"))).toHaveLength(3);
  });
});
