import { eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connectPostgres } from "@/db/client";
import { appointments, emailOutbox, practiceSettings, users } from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { queueDueReminders } from "@/lib/reminders/queue";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
let coachId: string;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedEssentials(database.db, "coach@example.com");
  const [coach] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, "coach@example.com"));
  coachId = coach!.id;
});
afterAll(() => database.drop());
beforeEach(async () => {
  await database.db.delete(emailOutbox);
  await database.db.delete(appointments);
  await database.db.update(practiceSettings).set({ reminderLeadMinutes: 1440 });
});

const HOUR = 3_600_000;

async function appointment(
  hoursFromNow: number,
  status: "confirmed" | "pending" | "cancelled",
  extra: Partial<typeof appointments.$inferInsert> = {},
) {
  const start = new Date(Date.now() + hoursFromNow * HOUR);
  const end = new Date(start.getTime() + HOUR / 2);
  const [row] = await database.db
    .insert(appointments)
    .values({
      coachId,
      kind: "session",
      status,
      startAt: start,
      endAt: end,
      blockedFrom: start,
      blockedUntil: end,
      name: "Anna Beispiel",
      email: `anna-${hoursFromNow}@example.com`,
      pendingExpiresAt: status === "pending" ? new Date(Date.now() + HOUR) : null,
      ...extra,
    })
    .returning();
  return row!;
}

async function reminderKeys() {
  const rows = await database.db.select({ key: emailOutbox.dedupeKey }).from(emailOutbox).where(like(emailOutbox.dedupeKey, "reminder:%"));
  return rows.map((r) => r.key).sort();
}

describe("appointment reminders", () => {
  it("queues each due reminder exactly once across five concurrent runs", async () => {
    const due = await appointment(2, "confirmed", { channel: "video", location: "https://meet.example.com/abc" });
    const consultation = await appointment(5, "confirmed", { kind: "consultation", channel: "phone", phone: "0170 1234567" });
    const later = await appointment(72, "confirmed");
    await appointment(8, "cancelled");
    await appointment(10, "pending");
    await appointment(-3, "confirmed");

    // Five runners, each on its own connection when the engine allows it (PostgreSQL), else on the pool.
    const handles = database.url ? Array.from({ length: 5 }, () => connectPostgres(database.url!, { max: 1 })) : [];
    try {
      const counts = await Promise.all(
        Array.from({ length: 5 }, (_, i) => queueDueReminders({ db: handles[i]?.db ?? database.db, origin: "http://localhost" })),
      );
      expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
    expect(await reminderKeys()).toEqual([`reminder:${consultation.id}:0`, `reminder:${due.id}:0`].sort());
    expect(await queueDueReminders()).toBe(0);

    const [mail] = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `reminder:${due.id}:0`));
    expect(mail).toMatchObject({ template: "appointment-reminder", to: due.email, status: "queued" });
    expect(mail!.subject).toMatch(/^Erinnerung: dein Coaching-Termin am .* Uhr \(Europe\/Berlin\)$/);
    expect(mail!.text).toContain("https://meet.example.com/abc");
    expect(mail!.text).not.toContain("/dashboard"); // no client account on this one
    const [phoneMail] = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `reminder:${consultation.id}:0`));
    expect(phoneMail!.subject).toMatch(/^Erinnerung: dein Erstgespräch am/);
    expect(phoneMail!.text).toContain("Ich rufe dich");

    const [stillLater] = await database.db.select().from(appointments).where(eq(appointments.id, later.id));
    expect(stillLater!.reminderSentAt).toBeNull();
  });

  it("reminds a moved appointment once more at its new time, and a reset of the same version never twice", async () => {
    const a = await appointment(2, "confirmed");
    expect(await queueDueReminders()).toBe(1);

    // Moved (as the reschedule code does it): new time, sequence raised, reminder reset.
    const newStart = new Date(Date.now() + 20 * HOUR);
    await database.db
      .update(appointments)
      .set({
        startAt: newStart,
        endAt: new Date(newStart.getTime() + HOUR / 2),
        blockedFrom: newStart,
        blockedUntil: new Date(newStart.getTime() + HOUR / 2),
        sequence: sql`${appointments.sequence} + 1`,
        reminderSentAt: null,
      })
      .where(eq(appointments.id, a.id));
    const again = await Promise.all([queueDueReminders(), queueDueReminders(), queueDueReminders()]);
    expect(again.reduce((x, y) => x + y, 0)).toBe(1);
    expect(await reminderKeys()).toEqual([`reminder:${a.id}:0`, `reminder:${a.id}:1`].sort());

    // A reset without a new version claims the row again, but the dedupe key keeps it to one email.
    await database.db.update(appointments).set({ reminderSentAt: null }).where(eq(appointments.id, a.id));
    await queueDueReminders();
    expect(await reminderKeys()).toHaveLength(2);
  });

  it("never reminds a cancelled appointment, and one outside the lead time only once it is inside", async () => {
    const cancelled = await appointment(1, "confirmed");
    await database.db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, cancelled.id));
    const farAhead = await appointment(48, "confirmed");
    expect(await queueDueReminders()).toBe(0);
    expect(await reminderKeys()).toEqual([]);

    await database.db.update(practiceSettings).set({ reminderLeadMinutes: 3 * 24 * 60 });
    expect(await queueDueReminders()).toBe(1);
    expect(await reminderKeys()).toEqual([`reminder:${farAhead.id}:0`]);
  });
});
