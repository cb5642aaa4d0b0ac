import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  appointments,
  availabilityOverrides,
  availabilitySettings,
  calendarBusy,
  calendarCalendars,
  calendarConnections,
  practiceSettings,
  users,
} from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { availableSlots, giveBack } from "@/lib/appointments/holds";
import { createBooking } from "@/lib/appointments/consultations";
import { offeredSlots, readAvailabilityVersion, SlotCache } from "@/lib/appointments/slot-cache";
import { bookingRequestSchema } from "@/lib/booking/schemas";
import { addDays } from "@/lib/time/dates";
import { practiceDate } from "@/lib/time/zone";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * /api/slots answers from a per-process cache while the change counter (availability_versions)
 * stands still. Each kind of change must move the counter and be seen at once; two caches over
 * one database stand for two instances; the answer must equal the uncached computation.
 */

let database: TestDatabase;
let queries = 0;
const logger = { logQuery: () => void queries++ };
const tz = "Europe/Berlin";
const allDay = [{ start: "08:00", end: "20:00" }];
const everyDay = { "1": allDay, "2": allDay, "3": allDay, "4": allDay, "5": allDay, "6": allDay, "7": allDay };
let coachId = "";
let clients = 0;

const today = () => practiceDate(new Date(), tz);
const from = () => addDays(today(), 2);
const to = () => addDays(today(), 8);
const iso = (r: { slots: { start: Date }[] }) => r.slots.map((s) => s.start.toISOString());
const cached = async (cache: SlotCache, now = new Date()) => iso(await offeredSlots(from(), to(), now, database.db, cache));
const uncached = async () => iso(await availableSlots(from(), to(), new Date(), database.db));
const version = async () => (await readAvailabilityVersion(database.db))!;

function book(start: Date) {
  const n = ++clients;
  const input = bookingRequestSchema.parse({
    start: start.toISOString(),
    name: `Person ${n}`,
    email: `person${n}@example.com`,
    channel: "video",
    consent: true,
  });
  return createBooking(input, { origin: "http://localhost:3000", clientKey: `client-${n}` });
}

beforeAll(async () => {
  database = await useTestDatabase({ logger });
  await seedDemo(database.db, "coach@example.com");
  const [coach] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, "coach@example.com"));
  coachId = coach!.id;
});
afterAll(() => database.drop());
beforeEach(async () => {
  await database.db.delete(appointments);
  await database.db.delete(availabilityOverrides);
  await database.db.delete(calendarConnections);
  await database.db.update(availabilitySettings).set({
    weekly: everyDay,
    durationMinutes: 30,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
    minimumNoticeMinutes: 1440,
    horizonDays: 60,
    maxPerDay: null,
    slotIntervalMinutes: 30,
  });
  await database.db.update(practiceSettings).set({ timeZone: tz });
});

/** Warms a cache, makes the change, and expects the counter to move and the cache to show what the rows say. */
async function expectSeen(change: () => Promise<unknown>) {
  const cache = new SlotCache();
  const before = await cached(cache);
  expect(before).toEqual(await uncached());
  const was = await version();
  await change();
  expect(await version()).toBeGreaterThan(was);
  const after = await cached(cache);
  expect(after).toEqual(await uncached());
  expect(after).not.toEqual(before);
}

describe("the free slots' cache", () => {
  it("answers a warm request with exactly one query, the counter", async () => {
    const cache = new SlotCache();
    const cold = await cached(cache);
    queries = 0;
    const warm = await cached(cache);
    expect(queries).toBe(1);
    expect(warm).toEqual(cold);
    expect(warm).toEqual(await uncached());
    // A wider range computes only the dates it lacks, and is then warm as a whole.
    await offeredSlots(from(), addDays(from(), 40), new Date(), database.db, cache);
    queries = 0;
    await offeredSlots(addDays(from(), 10), addDays(from(), 40), new Date(), database.db, cache);
    expect(queries).toBe(1);
  });

  it("sees the coach change the weekly hours", async () => {
    // Wednesdays closed: the seven days asked for hold one.
    await expectSeen(() => database.db.update(availabilitySettings).set({ weekly: { ...everyDay, "3": [] } }));
    await expectSeen(() => database.db.update(availabilitySettings).set({ durationMinutes: 60 }));
  });

  it("sees an override added", async () => {
    await expectSeen(() => database.db.insert(availabilityOverrides).values({ date: addDays(from(), 1), ranges: [] }));
  });

  it("sees a booking made and then cancelled", async () => {
    const cache = new SlotCache();
    const [slot] = (await offeredSlots(from(), to(), new Date(), database.db, cache)).slots;
    let id = "";
    await expectSeen(async () => (id = (await book(slot!.start)).id));
    await expectSeen(() =>
      giveBack(database.db, eq(appointments.id, id), { by: "coach", reason: null, statuses: ["pending", "confirmed"] }),
    );
  });

  it("frees a pending hold's time once it has run out, with no write", async () => {
    const cache = new SlotCache();
    const now = new Date();
    const [slot] = (await offeredSlots(from(), to(), now, database.db, cache)).slots;
    const booking = await book(slot!.start);
    const [row] = await database.db.select().from(appointments).where(eq(appointments.id, booking.id));
    const start = slot!.start.toISOString();
    expect(await cached(cache, now)).not.toContain(start);
    const was = await version();
    const later = new Date(row!.pendingExpiresAt!.getTime() + 1000);
    expect(await cached(cache, later)).toContain(start);
    expect(await version()).toBe(was);
    queries = 0;
    expect(await cached(cache, new Date(later.getTime() + 60_000))).toContain(start);
    expect(queries).toBe(1);
  });

  // PostgreSQL only: the embedded database runs in this process and reads its (faked) clock.
  it.runIf(process.env.TEST_DATABASE_URL)(
    "decides a hold's expiry by the database's clock, as booking does, with this server's clock behind",
    async () => {
      const cache = new SlotCache();
      const [slot] = (await offeredSlots(from(), to(), new Date(), database.db, cache)).slots;
      const booking = await book(slot!.start);
      const start = slot!.start.toISOString();
      // Ran out a minute ago by the database's clock.
      await database.db.execute(sql`update appointments set pending_expires_at = now() - interval '1 minute' where id = ${booking.id}`);
      vi.useFakeTimers({ now: Date.now() - 10 * 60_000, toFake: ["Date"] });
      try {
        const offered = iso(await offeredSlots(from(), to(), undefined, database.db, cache));
        expect(offered).toContain(start);
        expect(offered).toEqual(iso(await availableSlots(from(), to(), new Date(), database.db)));
      } finally {
        vi.useRealTimers();
      }
    },
  );

  it("sees a calendar busy time synced, and a calendar no longer counted", async () => {
    const [connection] = await database.db
      .insert(calendarConnections)
      .values({ coachId, kind: "ical", label: "Privat", secret: "x" })
      .returning();
    const [calendar] = await database.db
      .insert(calendarCalendars)
      .values({ connectionId: connection!.id, href: "/privat/", displayName: "Privat", version: "1" })
      .returning();
    const day = addDays(from(), 2);
    // As a sync writes it: the busy times and its calendar's version in one transaction.
    await expectSeen(() =>
      database.db.transaction(async (tx) => {
        await tx.insert(calendarBusy).values({
          calendarId: calendar!.id,
          startAt: new Date(`${day}T08:00:00Z`),
          endAt: new Date(`${day}T12:00:00Z`),
          uid: "physio",
        });
        await tx.update(calendarCalendars).set({ version: "2" }).where(eq(calendarCalendars.id, calendar!.id));
      }),
    );
    await expectSeen(() => database.db.update(calendarCalendars).set({ busy: false }).where(eq(calendarCalendars.id, calendar!.id)));
  });

  it("sees the practice's time zone change", async () => {
    await expectSeen(() => database.db.update(practiceSettings).set({ timeZone: "America/New_York" }));
  });

  it("counts a transaction once and a rolled-back one not at all", async () => {
    const was = await version();
    await database.db.transaction(async (tx) => {
      await tx.insert(availabilityOverrides).values({ date: addDays(from(), 3), ranges: [] });
      await tx.insert(availabilityOverrides).values({ date: addDays(from(), 4), ranges: [] });
      await tx.update(availabilitySettings).set({ maxPerDay: 3 });
    });
    expect(await version()).toBe(was + 1);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.delete(availabilityOverrides);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await version()).toBe(was + 1);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    "holds the counter's lock only while committing, so writers of different dates never queue on it",
    async () => {
      await database.db.transaction(async (tx) => {
        await tx.insert(availabilityOverrides).values({ date: addDays(from(), 5), ranges: [] });
        // Another connection of the pool takes the counter's row at once while this transaction is open.
        await database.db.execute(sql`select version from availability_versions where id = 1 for update nowait`);
      });
      const bookings = (await offeredSlots(from(), to(), new Date(), database.db, new SlotCache())).slots.filter((_, i) => i % 10 === 0);
      const results = await Promise.allSettled(bookings.slice(0, 8).map((s) => book(s.start)));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(Math.min(8, bookings.length));
    },
  );

  it("keeps two instances right: each sees what was written through the other", async () => {
    const a = new SlotCache();
    const b = new SlotCache();
    const offered = (await offeredSlots(from(), to(), new Date(), database.db, a)).slots;
    const [first, second] = [offered[0], offered[10]];
    expect(await cached(b)).toEqual(await cached(a));
    // A booking through instance A (its booking path never touches a cache) ...
    await book(first!.start);
    expect(await cached(b)).not.toContain(first!.start.toISOString());
    expect(await cached(a)).toEqual(await cached(b));
    // ... and one through B.
    await book(second!.start);
    expect(await cached(a)).not.toContain(second!.start.toISOString());
    expect(await cached(a)).toEqual(await uncached());
    expect(await cached(b)).toEqual(await uncached());
  });
});

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const range = fc
  .tuple(fc.integer({ min: 12, max: 40 }), fc.integer({ min: 1, max: 16 }))
  .map(([start, length]) => ({ start: hhmm(start * 30), end: hhmm(Math.min(48, start + length) * 30) }));

describe("the route's answer", () => {
  it("equals the uncached computation for random rules", async () => {
    const { GET } = await import("@/app/api/slots/route");
    const first = addDays(today(), -1);
    const last = addDays(today(), 12);
    const rules = fc.record({
      weekly: fc.array(fc.array(range, { maxLength: 2 }), { minLength: 7, maxLength: 7 }),
      overrides: fc.uniqueArray(fc.record({ day: fc.integer({ min: 0, max: 13 }), ranges: fc.array(range, { maxLength: 1 }) }), {
        selector: (o) => o.day,
        maxLength: 3,
      }),
      durationMinutes: fc.constantFrom(15, 30, 45, 60),
      bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
      bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
      slotIntervalMinutes: fc.constantFrom(15, 30, 60),
      minimumNoticeMinutes: fc.constantFrom(0, 90, 1440, 2880),
      horizonDays: fc.integer({ min: 1, max: 14 }),
      maxPerDay: fc.option(fc.integer({ min: 1, max: 2 })),
      holds: fc.array(
        fc.record({
          day: fc.integer({ min: 0, max: 12 }),
          halfHour: fc.integer({ min: 16, max: 38 }),
          kind: fc.constantFrom("confirmed", "pending", "gone"),
        }),
        { maxLength: 5 },
      ),
      timeZone: fc.constantFrom("Europe/Berlin", "America/New_York", "Asia/Kolkata"),
    });
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(rules, async (r) => {
        await database.db.delete(appointments);
        await database.db.delete(availabilityOverrides);
        await database.db.update(practiceSettings).set({ timeZone: r.timeZone });
        const { holds, overrides, weekly, timeZone: _, ...settings } = r;
        await database.db
          .update(availabilitySettings)
          .set({ ...settings, weekly: Object.fromEntries(weekly.map((ranges, i) => [String(i + 1), ranges])) });
        for (const o of overrides)
          await database.db.insert(availabilityOverrides).values({ date: addDays(first, o.day), ranges: o.ranges });
        for (const [i, h] of holds.entries()) {
          const start = new Date(`${addDays(first, h.day)}T00:00:00Z`);
          start.setUTCMinutes(h.halfHour * 30);
          const end = new Date(start.getTime() + 50 * 60_000);
          // A pending hold that has run out ("gone") must not block; one still running must.
          const expires = new Date(Date.now() + (h.kind === "gone" ? -3_600_000 : 3_600_000));
          await database.db
            .insert(appointments)
            .values({
              coachId,
              kind: "consultation",
              status: h.kind === "confirmed" ? "confirmed" : "pending",
              startAt: start,
              endAt: end,
              bufferBeforeMinutes: 5,
              bufferAfterMinutes: 5,
              blockedFrom: new Date(start.getTime() - 5 * 60_000),
              blockedUntil: new Date(end.getTime() + 5 * 60_000),
              name: `Hold ${i}`,
              email: `hold${i}@example.com`,
              pendingExpiresAt: h.kind === "confirmed" ? null : expires,
            })
            .catch((error: unknown) => {
              // Two random holds may overlap: the exclusion constraint refuses the second, as it should.
              if ((error as { cause?: { code?: string } }).cause?.code !== "23P01") throw error;
            });
        }
        const expected = await availableSlots(first, last, new Date(), database.db);
        if (expected.slots.length > 0) answered++;
        for (const round of ["cold", "warm"]) {
          const response = await GET(new NextRequest(`http://localhost:3000/api/slots?from=${first}&to=${last}`));
          const body = await response.json();
          expect(body, round).toEqual({
            timeZone: r.timeZone,
            durationMinutes: r.durationMinutes,
            slots: expected.slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })),
          });
        }
      }),
      { numRuns: 25 },
    );
    // Not vacuous: most random rules leave some slots.
    expect(answered).toBeGreaterThan(10);
  });
});
