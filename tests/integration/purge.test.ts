import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  appointments,
  bookingReceipts,
  devMailbox,
  emailOutbox,
  maintenanceRuns,
  practiceSettings,
  rateLimits,
  sessions,
  users,
  verificationTokens,
  type AppointmentStatus,
} from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { theCoach } from "@/lib/settings/coach";
import { retryEmail } from "@/lib/email/dispatcher";
import { purgeExpiredData, runDailyPurge } from "@/lib/privacy/purge";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * The daily purge, with an injected clock: what is older than its period goes, what is younger
 * stays, people who became clients keep their history, and two purges at once do the work once.
 */

const DAY = 86_400_000;
const now = new Date("2031-06-15T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const monthsAgo = (months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

let database: TestDatabase;
let coachId: string;
let clientId: string;
const CLIENT = "kim.client@example.org";

beforeAll(async () => {
  database = await useTestDatabase();
  await seedEssentials(database.db, "coach@example.com");
  coachId = (await theCoach()).id;
  const [client] = await database.db
    .insert(users)
    .values({ email: CLIENT, name: "Kim Klient", role: "client" })
    .returning({ id: users.id });
  clientId = client!.id;
});
afterAll(() => database.drop());
beforeEach(async () => {
  for (const table of [emailOutbox, devMailbox, bookingReceipts, appointments, verificationTokens, rateLimits, sessions, maintenanceRuns])
    await database.db.delete(table);
  await database.db
    .update(practiceSettings)
    .set({ sentEmailRetentionDays: 30, openRequestRetentionDays: 30, pastConsultationRetentionMonths: 12 });
});

let slot = 0;
/** A consultation an hour long, each at its own time so active ones never overlap. */
async function consultation(
  email: string,
  status: AppointmentStatus,
  times: { end?: Date; updated?: Date; pendingExpires?: Date } = {},
  extra: { clientId?: string } = {},
) {
  const end = times.end ?? new Date(now.getTime() + (++slot + 10) * DAY);
  const start = new Date(end.getTime() - 3_600_000);
  const [row] = await database.db
    .insert(appointments)
    .values({
      coachId,
      clientId: extra.clientId ?? null,
      kind: "consultation",
      status,
      startAt: start,
      endAt: end,
      blockedFrom: start,
      blockedUntil: end,
      name: "Gast",
      email,
      message: "Seit Jahren Schmerzen",
      pendingExpiresAt: times.pendingExpires ?? (status === "pending" ? now : null),
      createdAt: times.updated ?? ago(DAY),
      updatedAt: times.updated ?? ago(DAY),
    })
    .returning({ id: appointments.id });
  return row!.id;
}

async function email(to: string, status: "sent" | "failed" | "queued", at: Date, about?: string) {
  const [row] = await database.db
    .insert(emailOutbox)
    .values({
      dedupeKey: crypto.randomUUID(),
      template: "test",
      to,
      aboutEmail: about ?? null,
      from: "praxis@example.com",
      subject: `Betreff an ${to}`,
      html: "<p>Inhalt</p>",
      text: "Inhalt",
      attachments: [{ filename: "termin.ics", contentType: "text/calendar", content: "QkVHSU4=" }],
      status,
      sentAt: status === "sent" ? at : null,
      createdAt: at,
    })
    .returning({ id: emailOutbox.id });
  await database.db
    .insert(devMailbox)
    .values({ idempotencyKey: row!.id, to, from: "praxis@example.com", subject: "x", html: "x", text: "x", createdAt: at });
  return row!.id;
}

const outboxRow = async (id: string) => (await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0];
const mailboxHas = async (id: string) => (await database.db.select().from(devMailbox).where(eq(devMailbox.idempotencyKey, id))).length > 0;
const appointmentExists = async (id: string) => (await database.db.select().from(appointments).where(eq(appointments.id, id))).length > 0;

describe("the daily purge", () => {
  it("removes what is older than its period and keeps what is younger", async () => {
    // Emails to the client (whose account keeps the log entry): bodies go after 30 days.
    const sentOld = await email(CLIENT, "sent", ago(31 * DAY));
    const sentYoung = await email(CLIENT, "sent", ago(29 * DAY));
    const failedOld = await email(CLIENT, "failed", ago(31 * DAY));
    const queuedOld = await email(CLIENT, "queued", ago(40 * DAY));

    // Consultations of people who never became clients.
    const pendingOld = await consultation("a@example.org", "pending", { updated: ago(32 * DAY), pendingExpires: ago(31 * DAY) });
    const expiredYoung = await consultation("b@example.org", "expired", { updated: ago(29 * DAY), pendingExpires: ago(29 * DAY) });
    const cancelledOld = await consultation("c@example.org", "cancelled", { updated: ago(31 * DAY) });
    const cancelledYoung = await consultation("d@example.org", "cancelled", { updated: ago(10 * DAY) });
    const completedOld = await consultation("e@example.org", "completed", { end: monthsAgo(13) });
    const noShowOld = await consultation("f@example.org", "no_show", { end: monthsAgo(13) });
    const neverMarkedOld = await consultation("g@example.org", "confirmed", { end: new Date(monthsAgo(13).getTime() - DAY) });
    const completedYoung = await consultation("h@example.org", "completed", { end: monthsAgo(11) });
    // People who became clients keep theirs: by address, and by link.
    const clientsCancelled = await consultation(CLIENT, "cancelled", { updated: ago(400 * DAY) });
    const clientsCompleted = await consultation("other@example.org", "completed", { end: monthsAgo(30) }, { clientId });

    // The coach's notices about them: they go with the person, unless the person is still known.
    const aboutGone = await email("coach@example.com", "sent", ago(2 * DAY), "a@example.org");
    const toGone = await email("c@example.org", "sent", ago(2 * DAY));
    const aboutKnown = await email("coach@example.com", "sent", ago(2 * DAY), "b@example.org");

    await database.db.insert(verificationTokens).values([
      { identifier: CLIENT, token: "expired", expires: ago(60_000) },
      { identifier: CLIENT, token: "valid", expires: new Date(now.getTime() + 600_000) },
    ]);
    await database.db.insert(rateLimits).values([
      { key: "signInIp:stale", windowStart: ago(2 * 3_600_000), count: 3, windowSeconds: 3600 },
      { key: "signInIp:current", windowStart: ago(1_800_000), count: 3, windowSeconds: 3600 },
      { key: "daily:current", windowStart: ago(2 * 3_600_000), count: 1, windowSeconds: 86_400 },
    ]);
    await database.db.insert(sessions).values([
      { sessionToken: "old", userId: clientId, expires: ago(DAY) },
      { sessionToken: "live", userId: clientId, expires: new Date(now.getTime() + DAY) },
    ]);

    const receipt = (tokenHash: string, created: Date) => ({
      tokenHash,
      email: "r@example.org",
      startAt: new Date(now.getTime() + DAY),
      timeZone: "Europe/Berlin",
      holdUntil: new Date(created.getTime() + 3_600_000),
      createdAt: created,
    });
    await database.db.insert(bookingReceipts).values([receipt("old", ago(2 * DAY + 60_000)), receipt("young", ago(DAY))]);

    expect(await purgeExpiredData(now)).toEqual({
      emailBodies: 2,
      localMail: 3, // the copies of sentOld, failedOld and queuedOld (created 31 and 40 days ago)
      openRequests: 2,
      pastConsultations: 3,
      emailsOfPeopleGone: 2,
      signInLinks: 1,
      rateLimits: 1,
      sessions: 1,
      bookingReceipts: 1,
    });

    for (const id of [sentOld, failedOld])
      expect(await outboxRow(id)).toMatchObject({
        html: "",
        text: "",
        attachments: [],
        subject: `Betreff an ${CLIENT}`,
        bodyPurgedAt: now,
      });
    expect(await outboxRow(sentYoung)).toMatchObject({ html: "<p>Inhalt</p>", bodyPurgedAt: null });
    expect(await retryEmail(failedOld)).toBe(false); // an emptied email is not sent again
    expect(await outboxRow(queuedOld)).toMatchObject({ html: "<p>Inhalt</p>", status: "queued" });
    expect(await mailboxHas(sentOld)).toBe(false);
    expect(await mailboxHas(sentYoung)).toBe(true);

    for (const id of [pendingOld, cancelledOld, completedOld, noShowOld, neverMarkedOld]) expect(await appointmentExists(id)).toBe(false);
    for (const id of [expiredYoung, cancelledYoung, completedYoung, clientsCancelled, clientsCompleted])
      expect(await appointmentExists(id)).toBe(true);

    expect(await outboxRow(aboutGone)).toBeUndefined();
    expect(await outboxRow(toGone)).toBeUndefined();
    expect(await mailboxHas(aboutGone)).toBe(false);
    expect(await outboxRow(aboutKnown)).toBeDefined();

    expect((await database.db.select().from(verificationTokens)).map((t) => t.token)).toEqual(["valid"]);
    expect((await database.db.select().from(rateLimits)).map((r) => r.key).sort()).toEqual(["daily:current", "signInIp:current"]);
    expect((await database.db.select().from(sessions)).map((s) => s.sessionToken)).toEqual(["live"]);
    expect((await database.db.select().from(bookingReceipts)).map((r) => r.tokenHash)).toEqual(["young"]);

    // Idempotent: the same clock finds nothing more.
    expect(Object.values(await purgeExpiredData(now)).every((n) => n === 0)).toBe(true);
  });

  it("follows the periods the coach set", async () => {
    await database.db
      .update(practiceSettings)
      .set({ sentEmailRetentionDays: 60, openRequestRetentionDays: 7, pastConsultationRetentionMonths: 24 });
    const sent = await email(CLIENT, "sent", ago(31 * DAY));
    const cancelled = await consultation("c@example.org", "cancelled", { updated: ago(8 * DAY) });
    const completed = await consultation("e@example.org", "completed", { end: monthsAgo(13) });
    const counts = await purgeExpiredData(now);
    expect(counts).toMatchObject({ emailBodies: 0, openRequests: 1, pastConsultations: 0 });
    expect(await outboxRow(sent)).toMatchObject({ html: "<p>Inhalt</p>" });
    expect(await appointmentExists(cancelled)).toBe(false);
    expect(await appointmentExists(completed)).toBe(true);
  });

  it("runs once a day: two at once do the work once and neither fails", async () => {
    const cancelled = await consultation("c@example.org", "cancelled", { updated: ago(31 * DAY) });
    const results = await Promise.all([runDailyPurge({ now }), runDailyPurge({ now })]);
    const ran = results.filter((r) => r !== null);
    expect(ran).toHaveLength(1);
    expect(ran[0]!.openRequests).toBe(1);
    expect(await appointmentExists(cancelled)).toBe(false);

    // The same day again: nothing runs; a day later it runs and finds nothing old.
    const again = await consultation("d@example.org", "cancelled", { updated: ago(31 * DAY) });
    expect(await runDailyPurge({ now: new Date(now.getTime() + 12 * 3_600_000) })).toBeNull();
    expect(await appointmentExists(again)).toBe(true);
    expect(await runDailyPurge({ now: new Date(now.getTime() + DAY) })).toMatchObject({ openRequests: 1 });
  });
});
