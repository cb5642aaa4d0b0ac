import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { connectPostgres, type DbHandle } from "@/db/client";
import { emailOutbox, outcomeCheckins, outcomePrompts, reminderPreferences, users } from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { setClientStatus } from "@/lib/clients/coach-view";
import { exportClientData } from "@/lib/clients/my-data";
import { queueFollowUps } from "@/lib/outcomes/follow-ups";
import { saveWeeklyCheckin, weeklyCheckinOf } from "@/lib/outcomes/preferences";
import { baselineLatestPairs, clientsWithElevatedCheckin, markCheckinsSeen, requestBaseline, submitCheckin } from "@/lib/outcomes/queries";
import { outcomeReport } from "@/lib/outcomes/report";
import { queueWeeklyCheckins } from "@/lib/outcomes/weekly";
import { reminderKindOfToken, unsubscribeWithToken } from "@/lib/reminders/preferences";
import { whileBeingDeleted } from "./helpers/gate";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "client" | "coach"; email: string } }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null),
  signOut: async () => {},
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

let database: TestDatabase;
/** A second connection pool to the same database, as a second instance of the app would have. */
let other: DbHandle | null = null;
let lea: string;
let tom: string;
const origin = "https://praxis.example";
const calm = { averagePain: 6, worstPain: 8, interference: 5, damageBelief: 7, phq1: 1, phq2: 1, phq3: 1, phq4: 0 };

beforeAll(async () => {
  database = await useTestDatabase();
  if (database.url) other = connectPostgres(database.url, { max: 4 });
  await seedEssentials(database.db, "coach@example.com");
  const rows = await database.db
    .insert(users)
    .values([
      { email: "lea@example.com", name: "Lea Sommer", role: "client", timeZone: "America/New_York" },
      { email: "tom@example.com", name: "Tom Berg", role: "client" },
    ])
    .returning();
  lea = rows[0]!.id;
  tom = rows[1]!.id;
});
afterAll(async () => {
  await other?.close();
  await database.drop();
});
beforeEach(async () => {
  await database.db.delete(emailOutbox);
  await database.db.delete(outcomeCheckins);
  await database.db.delete(outcomePrompts);
  await database.db.delete(reminderPreferences);
  await database.db.update(users).set({ clientStatus: "active" });
});

const mails = (prefix: string) =>
  database.db
    .select({ to: emailOutbox.to, key: emailOutbox.dedupeKey, text: emailOutbox.text, headers: emailOutbox.headers })
    .from(emailOutbox)
    .where(like(emailOutbox.dedupeKey, `${prefix}:%`))
    .orderBy(emailOutbox.createdAt);
/** Overlapping runs, on two connection pools when the engine has them (two instances), else on one. */
const racing = <T>(run: (db: TestDatabase["db"]) => Promise<T>) =>
  Promise.all([run(database.db), run(other?.db ?? database.db), run(database.db), run(other?.db ?? database.db)]);
const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
const weekly = (iso: string, db = database.db) => queueWeeklyCheckins({ db, origin, now: new Date(iso) });
const followUps = (iso: string, db = database.db) => queueFollowUps({ db, origin, now: new Date(iso) });

describe("the kinds of check-in", () => {
  it("starts with a baseline, then weekly ones, and a baseline again when the coach asks", async () => {
    const first = await submitCheckin(lea, calm, { db: database.db, now: new Date("2026-11-30T15:00:00Z") });
    expect(first.kind).toBe("baseline");
    expect(first.localDate).toBe("2026-11-30"); // 10:00 in New York
    const second = await submitCheckin(lea, { ...calm, averagePain: 4 }, { db: database.db, now: new Date("2026-12-08T03:00:00Z") });
    expect(second.kind).toBe("weekly");
    expect(second.localDate).toBe("2026-12-07"); // still the evening of the 7th in New York
    await requestBaseline(lea, new Date("2026-12-09T10:00:00Z"), database.db);
    const third = await submitCheckin(lea, { ...calm, averagePain: 3 }, { db: database.db, now: new Date("2026-12-10T10:00:00Z") });
    expect(third.kind).toBe("baseline");
    const report = await outcomeReport(lea, database.db);
    expect(report.rows.map((r) => [r.date, r.kind, r.averagePain])).toEqual([
      ["2026-11-30", "baseline", 6],
      ["2026-12-07", "weekly", 4],
      ["2026-12-10", "baseline", 3],
    ]);
    expect(report.baseline?.date).toBe("2026-12-10");
    expect(report.latest?.date).toBe("2026-12-10");
    expect(Object.keys(report.rows[0]!)).not.toContain("phq1");
  });
});

describe("the weekly check-in email", () => {
  it("comes on by default on Monday at 18:00 in the client's zone, once, however many runs overlap", async () => {
    await submitCheckin(lea, calm, { db: database.db, now: new Date("2026-11-30T15:00:00Z") });
    expect(await weeklyCheckinOf(lea, database.db)).toEqual({ enabled: true, weekday: 1, hour: 18, timeZone: "America/New_York" });
    // Monday 7 December 2026, 18:00 in New York is 23:00 UTC.
    expect(await weekly("2026-12-07T17:10:00Z")).toBe(0); // 18:10 in Berlin, noon in New York
    expect(await weekly("2026-12-07T22:59:00Z")).toBe(0);
    expect(sum(await racing((db) => weekly("2026-12-07T23:10:00Z", db)))).toBe(1);
    expect(await weekly("2026-12-07T23:50:00Z")).toBe(0);
    const [mail, ...more] = await mails("checkin-reminder");
    expect(more).toHaveLength(0);
    expect(mail!.to).toBe("lea@example.com");
    expect(mail!.text).toContain(`${origin}/dashboard/fortschritt`);
    expect(mail!.text).toContain("abbestellen");
    expect(mail!.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    // No health data: none of her answers travel in the email.
    expect(mail!.text).not.toMatch(/Schmerz|PHQ|\b6\b von/);
    // The email's one-click link names this reminder and turns exactly it off.
    const header = (mail!.headers as Record<string, string>)["List-Unsubscribe"]!;
    const token = new URL(header.slice(1, -1)).searchParams.get("token")!;
    expect(await reminderKindOfToken(token, database.db)).toBe("weekly_checkin");
    expect(await unsubscribeWithToken(token, database.db)).toBe(true);
    expect((await weeklyCheckinOf(lea, database.db)).enabled).toBe(false);
    expect(await weekly("2026-12-14T23:10:00Z")).toBe(0); // the Monday after
    // Tom never gave a baseline: nothing for him.
    expect((await mails("checkin-reminder")).filter((m) => m.to === "tom@example.com")).toHaveLength(0);
  });

  it("respects the opt-out, follows a new weekday and hour, and skips a week already answered", async () => {
    await submitCheckin(tom, calm, { db: database.db, now: new Date("2026-11-30T15:00:00Z") });
    await saveWeeklyCheckin(tom, { enabled: false, weekday: 1, hour: 18, timeZone: "Europe/Berlin" }, database.db);
    expect(await weekly("2026-12-07T17:10:00Z")).toBe(0); // Monday 18:10 in Berlin, but turned off

    await saveWeeklyCheckin(tom, { enabled: true, weekday: 3, hour: 7, timeZone: "Europe/Berlin" }, database.db);
    expect(await weekly("2026-12-07T17:10:00Z")).toBe(0); // Monday is no longer his day
    expect(await weekly("2026-12-09T05:30:00Z")).toBe(0); // Wednesday 06:30 in Berlin
    expect(await weekly("2026-12-09T06:05:00Z")).toBe(1); // Wednesday 07:05
    // He answers on Sunday 13 December: the Wednesday after brings nothing, the one after that again.
    await submitCheckin(tom, calm, { db: database.db, now: new Date("2026-12-13T10:00:00Z") });
    expect(await weekly("2026-12-16T06:05:00Z")).toBe(0);
    expect(await weekly("2026-12-23T06:05:00Z")).toBe(1);
    // Paused: no weekly email.
    await setClientStatus(tom, "paused", database.db);
    expect(await weekly("2026-12-30T06:05:00Z")).toBe(0);
    expect((await mails("checkin-reminder")).map((m) => m.key.split(":").at(-1))).toEqual(["2026-12-09", "2026-12-23"]);
  });
});

describe("the follow-ups after the coaching", () => {
  it("are emailed 3, 6 and 12 months after the coach marks it finished, each exactly once", async () => {
    await submitCheckin(tom, calm, { db: database.db, now: new Date("2025-10-01T10:00:00Z") });
    await setClientStatus(tom, "finished", database.db, new Date("2026-01-15T10:00:00Z"));
    expect(await followUps("2026-04-15T09:59:00Z")).toBe(0);
    expect(sum(await racing((db) => followUps("2026-04-15T10:00:00Z", db)))).toBe(1);
    expect(await followUps("2026-05-01T10:00:00Z")).toBe(0);
    // The follow-up is what the next check-in answers.
    const answer = await submitCheckin(tom, { ...calm, averagePain: 2 }, { db: database.db, now: new Date("2026-04-20T10:00:00Z") });
    expect(answer.kind).toBe("follow_up_3m");
    expect(sum(await racing((db) => followUps("2026-07-15T10:00:00Z", db)))).toBe(1);
    expect(sum(await racing((db) => followUps("2027-01-15T10:00:00Z", db)))).toBe(1);
    expect(await followUps("2028-01-15T10:00:00Z")).toBe(0);
    const sent = await mails("checkin-follow-up");
    expect(sent).toHaveLength(3);
    expect(sent.map((m) => m.text.match(/jetzt (\d+) Monate her/)?.[1])).toEqual(["3", "6", "12"]);
    expect(sent.every((m) => m.text.includes(`${origin}/dashboard/fortschritt`))).toBe(true);
    // A finished client gets no weekly emails.
    expect(await weekly("2026-04-20T17:10:00Z")).toBe(0);
  });

  it("carry the one-click unsubscribe of the check-in emails, which stops the later follow-ups", async () => {
    await setClientStatus(tom, "finished", database.db, new Date("2026-01-15T10:00:00Z"));
    expect(await followUps("2026-04-15T10:00:00Z")).toBe(1);
    const [mail] = await mails("checkin-follow-up");
    const token = mail!.text.match(/erinnerung\/abmelden\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeTruthy();
    expect(mail!.headers["List-Unsubscribe"]).toBe(`<${origin}/api/erinnerungen/abmelden?token=${token}>`);
    expect(mail!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(await reminderKindOfToken(token!, database.db)).toBe("weekly_checkin");
    expect(await unsubscribeWithToken(token!, database.db)).toBe(true);
    expect(await followUps("2026-07-15T10:00:00Z")).toBe(0);
    expect(await mails("checkin-follow-up")).toHaveLength(1);
  });

  // Two connections at once: only a server shows how the run meets a deletion.
  it.runIf(process.env.TEST_DATABASE_URL)(
    "leave out a client whose account is being deleted, and come once the deletion is off",
    async () => {
      await setClientStatus(tom, "finished", database.db, new Date("2026-01-15T10:00:00Z"));
      expect(await whileBeingDeleted(database.db, tom, () => followUps("2026-04-15T10:00:00Z"))).toBe(0);
      // Nothing was claimed for him while it ran: the next run sends the 3-month follow-up.
      expect(await followUps("2026-04-15T10:01:00Z")).toBe(1);
      expect(await mails("checkin-follow-up")).toHaveLength(1);
    },
  );

  it("are dropped when the client is active again before they are due", async () => {
    await setClientStatus(tom, "finished", database.db, new Date("2026-01-15T10:00:00Z"));
    await setClientStatus(tom, "active", database.db);
    expect(await followUps("2027-06-01T10:00:00Z")).toBe(0);
    expect(await database.db.select().from(outcomePrompts).where(eq(outcomePrompts.userId, tom))).toHaveLength(0);
  });
});

describe("the agenda's flag and the practice's pairs", () => {
  it("flags an elevated PHQ-4 until the coach has seen it or a later check-in is not elevated", async () => {
    const heavy = { ...calm, phq1: 2, phq2: 1 }; // PHQ-2 = 3
    await submitCheckin(lea, heavy, { db: database.db, now: new Date("2026-11-30T15:00:00Z") });
    expect((await clientsWithElevatedCheckin(database.db)).map((c) => c.name)).toEqual(["Lea Sommer"]);
    await markCheckinsSeen(lea, database.db);
    expect(await clientsWithElevatedCheckin(database.db)).toEqual([]);
    await submitCheckin(tom, heavy, { db: database.db, now: new Date("2026-11-30T15:00:00Z") });
    await submitCheckin(tom, calm, { db: database.db, now: new Date("2026-12-07T15:00:00Z") });
    expect(await clientsWithElevatedCheckin(database.db)).toEqual([]);
    // Tom has a baseline and a later check-in; Lea only a baseline.
    expect(await baselineLatestPairs(database.db)).toEqual([{ baseline: 6, latest: 6 }]);
  });
});

describe("GET /api/outcomes and the export", () => {
  it("answers the signed-in client's own check-ins only, 401 without a session and 403 for the coach", async () => {
    await submitCheckin(lea, calm, { db: database.db, now: new Date("2026-11-30T15:00:00Z") });
    await submitCheckin(tom, { ...calm, averagePain: 9 }, { db: database.db, now: new Date("2026-11-30T15:00:00Z") });
    const { GET } = await import("@/app/api/outcomes/route");
    session.user = null;
    expect((await GET()).status).toBe(401);
    session.user = { id: lea, role: "client", email: "lea@example.com" };
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.checkins.map((c: { averagePain: number }) => c.averagePain)).toEqual([6]);
    expect(JSON.stringify(body)).not.toContain(tom);
    const csvRoute = await import("@/app/dashboard/daten/fortschritt.csv/route");
    const csv = await (await csvRoute.GET()).text();
    expect(csv.split("\r\n").slice(1, -1)).toEqual(['"2026-11-30";"baseline";"6";"8";"5";"7";"1";"1";"1";"0"']);
    const [coach] = await database.db.select().from(users).where(eq(users.email, "coach@example.com"));
    session.user = { id: coach!.id, role: "coach", email: "coach@example.com" };
    expect((await GET()).status).toBe(403);
    session.user = null;

    const exported = await exportClientData(lea, database.db);
    expect(exported.outcomeCheckins.map((c) => [c.kind, c.averagePain, c.phq1])).toEqual([["baseline", 6, 1]]);
    await requestBaseline(lea, new Date("2026-12-09T10:00:00Z"), database.db);
    expect((await exportClientData(lea, database.db)).outcomePrompts.map((p) => p.kind)).toEqual(["baseline"]);
  });
});
