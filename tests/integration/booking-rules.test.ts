import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { appointments, availabilitySettings, emailOutbox } from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { availableSlots } from "@/lib/appointments/holds";
import { confirmBooking, createBooking } from "@/lib/appointments/consultations";
import { cancelConsultationByCoach } from "@/lib/appointments/consultations";
import { bookingRequestSchema } from "@/lib/booking/schemas";
import { addDays } from "@/lib/time/dates";
import { practiceDate } from "@/lib/time/zone";
import { AppError } from "@/lib/http/errors";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * The booking rules (lib/booking/hold-rules.ts): how long a pending booking holds its slot, how
 * many one client address may hold, one pending consultation per email address, and at most so
 * many confirmation requests per address and day. They are booking settings, not rate limits:
 * createBooking is called directly here, with no rate limit in the way, and each test sets the
 * rules it relies on.
 */
const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "client" | "coach"; email: string } }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null),
  signOut: async () => {},
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));
vi.mock("@/lib/site-url", () => ({ siteOrigin: async () => "http://localhost:3000", staticSiteOrigin: () => "http://localhost:3000" }));

const { saveAvailabilityAction } = await import("@/lib/booking/coach-actions");

let database: TestDatabase;
const origin = "http://localhost:3000";
const tz = "Europe/Berlin";
const allDay = [{ start: "08:00", end: "20:00" }];

beforeAll(async () => {
  database = await useTestDatabase();
  await seedEssentials(database.db, "coach@example.com");
});
afterAll(() => database.drop());
beforeEach(async () => {
  await database.db.delete(appointments);
  await database.db.delete(emailOutbox);
  // Open every day, so that the test does not depend on today's weekday; the rules as each test says.
  await database.db.update(availabilitySettings).set({
    weekly: { "1": allDay, "2": allDay, "3": allDay, "4": allDay, "5": allDay, "6": allDay, "7": allDay },
    maxPendingPerClient: 2,
    confirmationEmailsPerDay: 3,
  });
});

/** Free slots an hour apart (buffers never make two of them collide), `count` of them from `daysAhead` on. */
async function spacedSlots(count: number, daysAhead = 3): Promise<Date[]> {
  const first = addDays(practiceDate(new Date(), tz), daysAhead);
  const { slots } = await availableSlots(first, addDays(first, 6));
  const starts: Date[] = [];
  for (const { start } of slots) if (!starts.length || start.getTime() - starts.at(-1)!.getTime() >= 3_600_000) starts.push(start);
  expect(starts.length).toBeGreaterThanOrEqual(count);
  return starts.slice(0, count);
}

async function offered(start: Date): Promise<boolean> {
  const day = practiceDate(start, tz);
  return (await availableSlots(day, day)).slots.some((s) => s.start.getTime() === start.getTime());
}

function request(start: Date, email: string, extra: Record<string, unknown> = {}) {
  return bookingRequestSchema.parse({ start: start.toISOString(), name: "Paula Probe", email, channel: "video", consent: true, ...extra });
}

const confirmationsTo = (email: string) =>
  database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.to, email), eq(emailOutbox.template, "booking-request")))
    .orderBy(emailOutbox.createdAt);
const pendingRows = () => database.db.select().from(appointments).where(eq(appointments.status, "pending"));
const tokenIn = (text: string) => text.match(/\/termin\/bestaetigen\/([A-Za-z0-9_-]{43})/)![1]!;

describe("how long a pending booking holds its slot", () => {
  it("is 30 minutes on a new practice, and the email says so", async () => {
    await database.db.execute(sql`update availability_settings set confirm_window_minutes = default`);
    const [start] = await spacedSlots(1);
    const booking = await createBooking(request(start!, "halten@example.com"), { origin, clientKey: "hold" });
    const [row] = await database.db.select().from(appointments).where(eq(appointments.id, booking.id));
    expect(row!.pendingExpiresAt!.getTime() - row!.createdAt.getTime()).toBe(30 * 60_000);
    const [mail] = await confirmationsTo("halten@example.com");
    expect(mail!.text).toContain("innerhalb von 30 Minuten");
  });
});

describe("one client address", () => {
  it("holds at most two pending bookings, however many it sends; confirming or expiring frees its turn", async () => {
    const starts = await spacedSlots(30);
    const results = [];
    for (const [i, start] of starts.entries()) {
      results.push(await createBooking(request(start, `adresse${i}@example.com`), { origin, clientKey: "one-address" }).catch((e) => e));
    }
    const booked = results.filter((r) => !(r instanceof Error));
    const refused = results.filter((r): r is AppError => r instanceof AppError);
    expect(booked).toHaveLength(2);
    expect(refused).toHaveLength(28);
    for (const error of refused) {
      expect(error).toMatchObject({ code: "rate_limited" });
      expect(error.message).toMatch(/warten schon 2 Buchungen auf ihre Bestätigung/);
      expect(error.details?.retryAfter).toBeGreaterThan(0);
      expect(error.details?.retryAfter).toBeLessThanOrEqual(30 * 60);
    }
    expect(await pendingRows()).toHaveLength(2);
    // Only the two held slots are gone.
    for (const [i, start] of starts.entries()) expect(await offered(start), `slot ${i}`).toBe(i >= 2);

    // Confirming one gives the address a turn again.
    const [mail] = await confirmationsTo("adresse0@example.com");
    expect((await confirmBooking(tokenIn(mail!.text), { origin })).status).toBe("confirmed");
    await createBooking(request(starts[2]!, "adresse2@example.com"), { origin, clientKey: "one-address" });
    await expect(createBooking(request(starts[3]!, "adresse3@example.com"), { origin, clientKey: "one-address" })).rejects.toMatchObject({
      code: "rate_limited",
    });
    // So does a hold that ran out.
    await database.db
      .update(appointments)
      .set({ pendingExpiresAt: sql`now() - interval '1 minute'` })
      .where(eq(appointments.email, "adresse1@example.com"));
    await createBooking(request(starts[3]!, "adresse3@example.com"), { origin, clientKey: "one-address" });
    // Another address is not affected at all.
    await createBooking(request(starts[4]!, "andere@example.com"), { origin, clientKey: "another-address" });
  });

  it("holds what the coach set", async () => {
    await database.db.update(availabilitySettings).set({ maxPendingPerClient: 1 });
    const [a, b] = await spacedSlots(2);
    await createBooking(request(a!, "erste@example.com"), { origin, clientKey: "strict" });
    await expect(createBooking(request(b!, "zweite@example.com"), { origin, clientKey: "strict" })).rejects.toThrow(
      /wartet schon eine Buchung auf ihre Bestätigung/,
    );
  });

  it("gets exactly two when ten of its requests race", async () => {
    const starts = await spacedSlots(10, 5);
    const results = await Promise.allSettled(
      starts.map((start, i) => createBooking(request(start, `wettlauf${i}@example.com`), { origin, clientKey: "racer" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(8);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "rate_limited" });
    expect(await pendingRows()).toHaveLength(2);
    console.log(`client race: 2 of 10 held (${database.engine})`);
  });
});

describe("one email address", () => {
  it("has at most one pending consultation; another request looks the same and re-sends that booking's confirmation, three a day at most", async () => {
    const starts = await spacedSlots(5);
    const email = "doppelt@example.com";
    const answers = [];
    for (const [i, start] of starts.entries())
      answers.push(await createBooking(request(start, email), { origin, clientKey: `other-${i}` }));

    // Every answer is shaped like a fresh booking of the slot asked for.
    for (const [i, answer] of answers.entries()) {
      expect(Object.keys(answer).sort()).toEqual(["end", "id", "receiptUrl", "start", "status"]);
      expect(answer.receiptUrl).toMatch(/^\/termin\/anfrage\/[A-Za-z0-9_-]{43}$/);
      expect(answer).toMatchObject({
        status: "pending",
        start: starts[i]!.toISOString(),
        end: new Date(starts[i]!.getTime() + 30 * 60_000).toISOString(),
      });
    }
    expect(new Set(answers.map((a) => a.id)).size).toBe(5);
    expect(new Set(answers.map((a) => a.receiptUrl)).size).toBe(5);

    // Yet only the first is stored and holds its slot.
    const rows = await pendingRows();
    expect(rows.map((r) => r.id)).toEqual([answers[0]!.id]);
    expect(await offered(starts[0]!)).toBe(false);
    for (const start of starts.slice(1)) expect(await offered(start)).toBe(true);

    // The address got three confirmation requests, all for the first booking's time; the newest link works, an older one does not.
    const mails = await confirmationsTo(email);
    expect(mails).toHaveLength(3);
    const when = mails[0]!.text.match(/\p{L}+, \d{1,2}\. \p{L}+ \d{4} um \d{2}:\d{2} Uhr/u)![0];
    for (const mail of mails) expect(mail.text).toContain(when);
    expect((await confirmBooking(tokenIn(mails[0]!.text), { origin })).status).toBe("gone");
    const confirmed = await confirmBooking(tokenIn(mails[2]!.text), { origin });
    expect(confirmed).toMatchObject({ status: "confirmed", appointment: { id: answers[0]!.id } });
  });

  it("gets nothing more once it had its confirmations for the day, not even a new booking", async () => {
    const starts = await spacedSlots(4);
    const email = "oft@example.com";
    for (const [i, start] of starts.slice(0, 3).entries()) {
      await createBooking(request(start, email), { origin, clientKey: `often-${i}` });
      // Each hold runs out before the next request: every request is a fresh booking.
      await database.db
        .update(appointments)
        .set({ pendingExpiresAt: sql`now() - interval '1 minute'` })
        .where(eq(appointments.email, email));
    }
    expect(await confirmationsTo(email)).toHaveLength(3);
    const answer = await createBooking(request(starts[3]!, email), { origin, clientKey: "often-3" });
    expect(answer).toMatchObject({ status: "pending", start: starts[3]!.toISOString() });
    expect(await confirmationsTo(email)).toHaveLength(3);
    expect(await pendingRows()).toHaveLength(0);
    expect(await offered(starts[3]!)).toBe(true);
  });

  it("keeps one pending booking and three emails when ten requests for it race from ten addresses", async () => {
    const starts = await spacedSlots(10, 5);
    const email = "wettlauf@example.com";
    const results = await Promise.allSettled(
      starts.map((start, i) => createBooking(request(start, email), { origin, clientKey: `race-${i}` })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(await pendingRows()).toHaveLength(1);
    expect(await confirmationsTo(email)).toHaveLength(3);
    console.log(`email race: 1 of 10 held, 3 emails (${database.engine})`);
  });

  it("is the database's rule too: a second pending consultation for one address is refused", async () => {
    const [a, b] = await spacedSlots(2);
    await createBooking(request(a!, "index@example.com"), { origin, clientKey: "i" });
    const [row] = await pendingRows();
    const { id: _id, confirmTokenHash: _c, manageTokenHash: _m, ...copy } = row!;
    void [_id, _c, _m];
    const error = await database.db
      .insert(appointments)
      .values({
        ...copy,
        startAt: b!,
        endAt: new Date(b!.getTime() + 30 * 60_000),
        blockedFrom: new Date(b!.getTime() - 10 * 60_000),
        blockedUntil: new Date(b!.getTime() + 40 * 60_000),
      })
      .catch((e) => e);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe("23505");
  });
});

describe("what an email to an address that has confirmed nothing may say", () => {
  it("greets with a plain name only; any other name is kept for the coach", async () => {
    const [a, b, c] = await spacedSlots(3);
    const cases = [
      { start: a!, email: "zoe@example.com", name: "Zoë O'Brien-Müller", greeting: "Hallo Zoë," },
      { start: b!, email: "phish@example.com", name: "Wichtig: Ihr Konto wird gesperrt … https://evil.example", greeting: "Hallo," },
      { start: c!, email: "lang@example.com", name: "Eins Zwei Drei Vier Fünf", greeting: "Hallo," },
    ];
    for (const [i, t] of cases.entries())
      await createBooking(request(t.start, t.email, { name: t.name }), { origin, clientKey: `greet-${i}` });
    for (const t of cases) {
      const [mail] = await confirmationsTo(t.email);
      expect(mail!.text.trimStart().startsWith(t.greeting), `${t.name}: ${mail!.text.slice(0, 40)}`).toBe(true);
      if (t.greeting === "Hallo,") for (const word of t.name.split(" ")) expect(mail!.text + mail!.html).not.toContain(word);
      const [row] = await database.db.select().from(appointments).where(eq(appointments.email, t.email));
      expect(row!.name).toBe(t.name);
    }
  });

  it("holds for the coach's cancellation of an unconfirmed booking, invitation included", async () => {
    const [start] = await spacedSlots(1);
    const name = "Gewinn abholen unter evil.example";
    const booking = await createBooking(request(start!, "absage@example.com", { name, channel: "phone", phone: "+49 30 999" }), {
      origin,
      clientKey: "cancel",
    });
    await cancelConsultationByCoach(booking.id, null, origin);
    const [mail] = await database.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.to, "absage@example.com"), eq(emailOutbox.template, "booking-cancelled")));
    const ics = Buffer.from(mail!.attachments[0]!.content, "base64").toString("utf8");
    for (const text of [mail!.text, mail!.html, mail!.subject, ics]) {
      expect(text).not.toContain("evil.example");
      expect(text).not.toContain("Gewinn");
      expect(text).not.toContain("999");
    }
  });
});

describe("the visitor's time zone", () => {
  it("is one the runtime knows, and names the times in the visitor's emails", async () => {
    const [start] = await spacedSlots(1);
    for (const zone of ["Mars/Olympus", "europe/berlin", "Europe/Berlin\u0000", "", "x".repeat(100)]) {
      const parsed = bookingRequestSchema.safeParse({ ...request(start!, "zone@example.com"), timeZone: zone });
      expect(parsed.success, zone).toBe(false);
      expect(parsed.error!.issues[0]!.path).toEqual(["timeZone"]);
      expect(parsed.error!.issues[0]!.message).toMatch(/Zeitzone/);
    }
    expect(bookingRequestSchema.safeParse({ ...request(start!, "zone@example.com"), timeZone: "UTC" }).success).toBe(true);
    const booking = await createBooking(request(start!, "zone@example.com", { timeZone: "America/New_York" }), {
      origin,
      clientKey: "zone",
    });
    const expected = new Intl.DateTimeFormat("de-DE", { hour: "2-digit", minute: "2-digit", timeZone: "America/New_York" }).format(start!);
    const berlin = new Intl.DateTimeFormat("de-DE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" }).format(start!);
    const [mail] = await confirmationsTo("zone@example.com");
    // Both times: the practice's and the visitor's own.
    expect(mail!.text).toContain(`${berlin} Uhr in Berlin, ${expected} Uhr bei dir (America/New_York)`);
    const [stored] = await database.db.select().from(appointments).where(eq(appointments.id, booking.id));
    expect(stored!.visitorTimeZone).toBe("America/New_York");
    const confirmed = await confirmBooking(tokenIn(mail!.text), { origin });
    expect(confirmed.status).toBe("confirmed");
    const [update] = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `booking-confirmed:${booking.id}:0`));
    expect(update!.subject).toContain(`${expected} Uhr bei dir (America/New_York)`);
  });

  it("without a zone from the browser, the practice's zone is stored and the emails name one time", async () => {
    const [start] = await spacedSlots(1);
    const booking = await createBooking(request(start!, "ohne-zone@example.com"), { origin, clientKey: "no-zone" });
    const [stored] = await database.db.select().from(appointments).where(eq(appointments.id, booking.id));
    expect(stored!.visitorTimeZone).toBe("Europe/Berlin");
    const [mail] = await confirmationsTo("ohne-zone@example.com");
    expect(mail!.text).toContain("Uhr (Europe/Berlin)");
    expect(mail!.text).not.toContain("bei dir");
  });
});

describe("the coach's booking rules", () => {
  const form = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(values)) data.set(k, v);
    return data;
  };
  const valid = {
    "weekly.1": "09:00-12:00",
    durationMinutes: "30",
    bufferBeforeMinutes: "10",
    bufferAfterMinutes: "10",
    minimumNoticeHours: "24",
    horizonDays: "60",
    maxPerDay: "",
    slotIntervalMinutes: "30",
    cancellationCutoffHours: "24",
    confirmWindowMinutes: "20",
    maxPendingPerClient: "3",
    confirmationEmailsPerDay: "5",
  };

  it("are saved with the other booking settings, with German messages for what does not fit", async () => {
    session.user = { id: "coach", role: "coach", email: "coach@example.com" };
    const refused = await saveAvailabilityAction({}, form({ ...valid, maxPendingPerClient: "0", confirmationEmailsPerDay: "viele" }));
    expect(refused.fieldErrors?.maxPendingPerClient?.[0]).toBe("Unbestätigte Buchungen je Anschluss: mindestens 1.");
    expect(refused.fieldErrors?.confirmationEmailsPerDay?.[0]).toBe("Bestätigungs-E-Mails je Adresse und Tag: bitte eine Zahl eingeben.");
    expect((await saveAvailabilityAction({}, form(valid))).ok).toBeTruthy();
    const [row] = await database.db.select().from(availabilitySettings);
    expect(row).toMatchObject({ confirmWindowMinutes: 20, maxPendingPerClient: 3, confirmationEmailsPerDay: 5 });
  });
});
