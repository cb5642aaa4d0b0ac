import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDbHandle } from "@/db";
import { appointments, emailOutbox, users } from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { enqueueEmail } from "@/lib/email/outbox";
import { runPeriodicWork } from "@/lib/periodic-work";
import { theCoach } from "@/lib/settings/coach";
import { whileBeingDeleted } from "./helpers/gate";
import { createTestDatabase, type TestDatabase } from "./helpers/db";

const origin = "https://praxis.example";

// Two connections at once: only a server shows a step meeting a deletion.
describe.runIf(process.env.TEST_DATABASE_URL)("the periodic work (cron route and poller)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    setDbHandle(database);
    await seedEssentials(database.db, "coach@example.com");
  });
  afterAll(() => database.drop());

  it("runs every step after one that gives up, and that one succeeds on the next run", async () => {
    const [ole] = await database.db.insert(users).values({ email: "ole@example.com", name: "Ole Brandt", role: "client" }).returning();
    const coach = await theCoach(database.db);
    // Ole's consultation starts in two hours: its reminder is due (the lead time is a day).
    const start = new Date(Date.now() + 2 * 3_600_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    await database.db.insert(appointments).values({
      coachId: coach!.id,
      kind: "consultation",
      status: "confirmed",
      startAt: start,
      endAt: end,
      blockedFrom: start,
      blockedUntil: end,
      name: "Ole Brandt",
      email: "ole@example.com",
      channel: "video",
    });
    // And an email to the coach waits in the outbox.
    await enqueueEmail({
      template: "test",
      to: "coach@example.com",
      subject: "Hallo",
      body: createElement("p", null, "Hallo"),
      dedupeKey: "periodic-1",
    });

    // While Ole's account is being deleted, his reminder is refused.
    const first = await whileBeingDeleted(database.db, ole!.id, () => runPeriodicWork(origin));
    // The reminders step gave up (its claim rolled back) and says it is deferred, not failed.
    expect(first.failed).toEqual([]);
    expect(first.results.reminders).toBe("deferred");
    // The steps after it still ran, every one: the waiting email went out.
    const [waiting] = await database.db
      .select({ status: emailOutbox.status })
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, "periodic-1"));
    expect(waiting!.status).toBe("sent");
    expect(first.results).toMatchObject({
      journalReminders: 0,
      checkinReminders: 0,
      followUps: 0,
      paymentReminders: 0,
      sent: 1,
      purged: expect.any(Object),
      calendars: { connections: 0, failed: 0 },
      calendarWrites: { written: 0, failed: 0 },
    });

    // The deletion did not go through: the next run queues and sends Ole's reminder.
    const second = await runPeriodicWork(origin);
    expect(second.failed).toEqual([]);
    expect(second.results).toMatchObject({ reminders: 1, sent: 1 });
    const reminders = await database.db
      .select({ template: emailOutbox.template })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.to, "ole@example.com"), eq(emailOutbox.status, "sent")));
    expect(reminders).toHaveLength(1);
  });
});
