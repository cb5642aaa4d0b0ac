import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appointments, availabilitySettings, emailOutbox, practiceSettings, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { availableSlots } from "@/lib/appointments/holds";
import { confirmBooking, createBooking } from "@/lib/appointments/consultations";
import { submitComment } from "@/lib/articles/comments";
import { bookingRequestSchema } from "@/lib/booking/schemas";
import { queueDueReminders } from "@/lib/reminders/queue";
import { addDays } from "@/lib/time/dates";
import { practiceDate } from "@/lib/time/zone";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * Rules that had drifted apart while they were written in several places (issue 13): the daily
 * cap outside the booking's transaction, the coach's identity, the practice's contact address.
 */

let database: TestDatabase;
const origin = "http://localhost:3000";
const tz = "Europe/Berlin";
const allDay = [{ start: "08:00", end: "20:00" }];

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  await database.db
    .update(availabilitySettings)
    .set({ weekly: { "1": allDay, "2": allDay, "3": allDay, "4": allDay, "5": allDay, "6": allDay, "7": allDay } });
});
afterAll(() => database.drop());
beforeEach(async () => {
  await database.db.delete(appointments);
  await database.db.delete(emailOutbox);
  await database.db.update(availabilitySettings).set({ maxPerDay: null });
});

function request(start: Date, n: number) {
  return bookingRequestSchema.parse({
    start: start.toISOString(),
    name: `Person ${n}`,
    email: `person${n}@example.com`,
    channel: "video",
    consent: true,
  });
}

async function slotsOfDay(daysAhead: number) {
  const day = addDays(practiceDate(new Date(), tz), daysAhead);
  const { slots } = await availableSlots(day, day);
  expect(slots.length).toBeGreaterThanOrEqual(10);
  return slots;
}

describe("the daily cap of consultations", () => {
  it("holds when ten bookings of one day race for ten different slots", async () => {
    await database.db.update(availabilitySettings).set({ maxPerDay: 1 });
    const slots = await slotsOfDay(4);
    // Every other slot, so no two overlap even with their buffers: only the cap can refuse them.
    const wanted = Array.from({ length: 10 }, (_, i) => slots[(i * 2) % slots.length]!);
    const results = await Promise.allSettled(wanted.map((s, i) => createBooking(request(s.start, i), { origin, clientKey: `day-${i}` })));
    const booked = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(booked).toHaveLength(1);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "slot_unavailable" });
    expect(await database.db.select().from(appointments)).toHaveLength(1);
    console.log(`daily cap race: ${booked.length} of 10 booked (${database.engine})`);
  });
});

describe("the coach is the account of COACH_EMAIL", () => {
  it("gets the notices even when an older coach account remains from a former address", async () => {
    await database.db
      .insert(users)
      .values({ email: "frueher@example.com", name: "Früher", role: "coach", createdAt: new Date("2020-01-01T00:00:00Z") });
    try {
      const [slot] = await slotsOfDay(5);
      const booking = await createBooking(request(slot!.start, 50), { origin, clientKey: "coach-id" });
      const [confirmation] = await database.db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.dedupeKey, `booking-request:${booking.id}`));
      const token = confirmation!.text.match(/\/termin\/bestaetigen\/([A-Za-z0-9_-]{43})/)![1]!;
      await confirmBooking(token, { origin });
      const [notice] = await database.db.select().from(emailOutbox).where(like(emailOutbox.template, "coach-booking-%"));
      expect(notice!.to).toBe("coach@example.com");
      const [row] = await database.db.select().from(appointments).where(eq(appointments.id, booking.id));
      const [coach] = await database.db.select().from(users).where(eq(users.id, row!.coachId));
      expect(coach!.email).toBe("coach@example.com");

      await submitComment(
        "die-13-anzeichen-koennte-dein-schmerz-neuroplastisch-sein",
        { authorName: "Sabine", body: "Danke" },
        { clientKey: "c", origin },
      );
      const comments = await database.db.select().from(emailOutbox).where(eq(emailOutbox.template, "new-comment"));
      expect(comments.map((m) => m.to)).toEqual(["coach@example.com"]);
    } finally {
      await database.db.delete(users).where(eq(users.email, "frueher@example.com"));
    }
  });
});

describe("the reminder's contact address", () => {
  it("names the coach's address when the practice has none, never 'per E-Mail an .'", async () => {
    await database.db.update(practiceSettings).set({ email: "" });
    try {
      const [coach] = await database.db.select().from(users).where(eq(users.email, "coach@example.com"));
      const start = new Date(Date.now() + 2 * 3_600_000);
      await database.db.insert(appointments).values({
        coachId: coach!.id,
        kind: "consultation",
        status: "confirmed",
        startAt: start,
        endAt: new Date(start.getTime() + 30 * 60_000),
        blockedFrom: start,
        blockedUntil: new Date(start.getTime() + 30 * 60_000),
        name: "Nora Neu",
        email: "nora@example.com",
        channel: "phone",
      });
      expect(await queueDueReminders({ db: database.db, origin })).toBe(1);
      const [reminder] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.template, "appointment-reminder"));
      expect(reminder!.text).toContain("per E-Mail an coach@example.com");
      expect(reminder!.text).not.toMatch(/per E-Mail an\s*\./);
    } finally {
      await database.db.update(practiceSettings).set({ email: "coach@example.com" });
    }
  });
});
