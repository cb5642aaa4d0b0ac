import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox, journalEntries, reminderPreferences, users } from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { queueJournalReminders } from "@/lib/reminders/journal";
import { journalReminderOf, saveJournalReminder, unsubscribeWithToken } from "@/lib/reminders/preferences";
import { whileBeingDeleted } from "./helpers/gate";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
let lea: string;
const origin = "https://praxis.example";

beforeAll(async () => {
  database = await useTestDatabase();
  await seedEssentials(database.db, "coach@example.com");
  const [row] = await database.db.insert(users).values({ email: "lea@example.com", name: "Lea Sommer", role: "client" }).returning();
  lea = row!.id;
});
afterAll(() => database.drop());
beforeEach(async () => {
  await database.db.delete(emailOutbox);
  await database.db.delete(journalEntries);
  await database.db.delete(reminderPreferences);
});

/** The runs the cron route and the poller make, at a given instant. */
const run = (iso: string) => queueJournalReminders({ db: database.db, origin, now: new Date(iso) });

async function reminders() {
  return database.db
    .select({
      to: emailOutbox.to,
      key: emailOutbox.dedupeKey,
      subject: emailOutbox.subject,
      headers: emailOutbox.headers,
      text: emailOutbox.text,
    })
    .from(emailOutbox)
    .where(like(emailOutbox.dedupeKey, "journal-reminder:%"))
    .orderBy(emailOutbox.createdAt);
}

describe("the daily journal reminder", () => {
  it("is off until the client turns it on, and then comes at her hour in her own zone, once a day", async () => {
    expect(await journalReminderOf(lea, database.db)).toEqual({ enabled: false, hour: 20, timeZone: null });
    expect(await run("2026-12-02T00:15:00Z")).toBe(0);

    // Lea lives in New York and wants it at 19:00 there (01:00 the next day in Berlin).
    await saveJournalReminder(lea, { enabled: true, hour: 19, timeZone: "America/New_York" }, database.db);
    expect(await journalReminderOf(lea, database.db)).toEqual({ enabled: true, hour: 19, timeZone: "America/New_York" });

    expect(await run("2026-12-01T18:30:00Z")).toBe(0); // 19:30 in Berlin, 13:30 in New York
    expect(await run("2026-12-01T23:59:00Z")).toBe(0); // 18:59 in New York
    // 19:15 in New York on 1 December: five overlapping runs (cron, poller, instances) queue one email.
    const counts = await Promise.all(Array.from({ length: 5 }, () => run("2026-12-02T00:15:00Z")));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await run("2026-12-02T00:45:00Z")).toBe(0); // the same evening again

    const [mail] = await reminders();
    const [pref] = await database.db
      .select({ id: reminderPreferences.id })
      .from(reminderPreferences)
      .where(eq(reminderPreferences.userId, lea));
    expect(mail!.to).toBe("lea@example.com");
    expect(mail!.key).toBe(`journal-reminder:${pref!.id}:2026-12-01`);
    expect(mail!.subject).toBe("Magst du kurz in dein Tagebuch schreiben?");
    expect(mail!.text).toContain("Hallo Lea,");
    expect(mail!.text).toContain(`${origin}/dashboard/tagebuch/neu`);
  });

  it("stores the one-click unsubscribe headers with the outbox row", async () => {
    await saveJournalReminder(lea, { enabled: true, hour: 8, timeZone: "Europe/Berlin" }, database.db);
    expect(await run("2026-12-01T07:05:00Z")).toBe(1); // 08:05 in Berlin
    const [mail] = await reminders();
    const link = /^<https:\/\/praxis\.example\/api\/erinnerungen\/abmelden\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})>$/.exec(
      mail!.headers["List-Unsubscribe"] ?? "",
    );
    expect(link).not.toBeNull();
    expect(mail!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(Object.keys(mail!.headers).sort()).toEqual(["List-Unsubscribe", "List-Unsubscribe-Post"]);
    expect(mail!.text).toContain(`${origin}/erinnerung/abmelden?token=${link![1]}`);
  });

  it("never comes on a day she already wrote in her journal", async () => {
    await saveJournalReminder(lea, { enabled: true, hour: 19, timeZone: "America/New_York" }, database.db);
    // An entry for 1 December, her local day at 19:15 New York time (already 2 December in Berlin and UTC).
    await database.db.insert(journalEntries).values({ userId: lea, entryDate: "2026-12-01", pain: 3, stress: 4 });
    expect(await run("2026-12-02T00:15:00Z")).toBe(0);
    // The next evening, with no entry yet, it comes.
    expect(await run("2026-12-03T00:15:00Z")).toBe(1);
    expect((await reminders()).map((m) => m.key.split(":")[2])).toEqual(["2026-12-02"]);
  });

  it("stops once the unsubscribe token is used; a forged or foreign token does nothing", async () => {
    await saveJournalReminder(lea, { enabled: true, hour: 8, timeZone: "Europe/Berlin" }, database.db);
    expect(await run("2026-12-01T07:05:00Z")).toBe(1);
    const token = /token=([^>]+)>/.exec((await reminders())[0]!.headers["List-Unsubscribe"]!)![1]!;

    const forged = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    const [id] = token.split(".");
    for (const bad of [forged, id!, "", "not-a-token", `${crypto.randomUUID()}.${token.split(".")[1]}`]) {
      expect(await unsubscribeWithToken(bad, database.db)).toBe(false);
    }
    expect((await journalReminderOf(lea, database.db)).enabled).toBe(true);
    expect(await run("2026-12-02T07:05:00Z")).toBe(1);

    expect(await unsubscribeWithToken(token, database.db)).toBe(true);
    expect(await journalReminderOf(lea, database.db)).toEqual({ enabled: false, hour: 8, timeZone: "Europe/Berlin" });
    expect(await run("2026-12-03T07:05:00Z")).toBe(0);
    expect(await run("2026-12-04T07:05:00Z")).toBe(0);
    // A second click on the same link is fine (still off) and changes nothing else.
    expect(await unsubscribeWithToken(token, database.db)).toBe(true);
    expect((await reminders()).length).toBe(2);
  });
});

// Two connections at once: only a server shows how the run meets a deletion.
describe.runIf(process.env.TEST_DATABASE_URL)("a run while one client's account is being deleted (PostgreSQL)", () => {
  it("queues everyone else's reminder and leaves that account for the next run", async () => {
    const [ole] = await database.db.insert(users).values({ email: "ole@example.com", name: "Ole Brandt", role: "client" }).returning();
    await saveJournalReminder(lea, { enabled: true, hour: 8, timeZone: "Europe/Berlin" }, database.db);
    await saveJournalReminder(ole!.id, { enabled: true, hour: 8, timeZone: "Europe/Berlin" }, database.db);
    // While Ole's account is being deleted, the 08:05 run in Berlin:
    expect(await whileBeingDeleted(database.db, ole!.id, () => run("2026-12-01T07:05:00Z"))).toBe(1);
    expect((await reminders()).map((mail) => mail.to)).toEqual(["lea@example.com"]);
    // The deletion did not go through (its transaction ended without deleting): the next run in
    // the same hour still reminds Ole, since nothing was claimed for him.
    expect(await run("2026-12-01T07:20:00Z")).toBe(1);
    expect((await reminders()).map((mail) => mail.to)).toEqual(["lea@example.com", "ole@example.com"]);
  });
});
