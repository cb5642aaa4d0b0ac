import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, practiceSettings, users } from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { GET } from "@/app/api/kalender/[file]/route";
import { renewCalendarFeedToken } from "@/lib/calendar/feed";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
let coachId: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedEssentials(database.db, "coach@example.com");
  const [coach] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, "coach@example.com"));
  coachId = coach!.id;
});
afterAll(() => database.drop());

async function add(hoursFromNow: number, values: Partial<typeof appointments.$inferInsert>) {
  const start = new Date(Date.now() + hoursFromNow * HOUR);
  const end = new Date(start.getTime() + HOUR);
  await database.db.insert(appointments).values({
    coachId,
    kind: "session",
    status: "confirmed",
    startAt: start,
    endAt: end,
    blockedFrom: start,
    blockedUntil: end,
    name: "Anna Beispiel",
    email: "anna@example.com",
    ...values,
  });
}

function fetchFeed(file: string) {
  return GET(new NextRequest(`http://localhost/api/kalender/${file}`), { params: Promise.resolve({ file }) });
}

describe("calendar feed", () => {
  it("answers 404 to a wrong or malformed token, and before any token exists", async () => {
    expect((await fetchFeed("A".repeat(43) + ".ics")).status).toBe(404);
    expect((await fetchFeed("nope.ics")).status).toBe(404);
  });

  it("serves the coach's pending and confirmed appointments as parseable iCalendar, without health data", async () => {
    await add(24, { name: "Anna Beispiel", location: "https://meet.example.com/a", message: "Seit Jahren Rückenschmerzen" });
    await add(48, {
      kind: "consultation",
      status: "pending",
      pendingExpiresAt: new Date(Date.now() + HOUR),
      name: "Bernd Gast",
      email: "bernd@example.com",
      channel: "phone",
      phone: "0170 1234567",
    });
    await add(72, { status: "cancelled", name: "Clara Abgesagt" });
    await add(-24 * 100, { name: "Dora Alt" });
    await add(24 * 400, { name: "Emil Weitweg" });

    const token = await renewCalendarFeedToken();
    const response = await fetchFeed(`${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const text = await response.text();
    expect(text).not.toContain("Rückenschmerzen");

    const calendar = new ICAL.Component(ICAL.parse(text));
    // Times are UTC instants: no VTIMEZONE that a calendar's own tz data could disagree with.
    expect(calendar.getFirstSubcomponent("vtimezone")).toBeNull();
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const summaries = events.map((e) => e.summary);
    expect(summaries.some((s) => s.endsWith("Anna Beispiel"))).toBe(true);
    expect(summaries).toContain("(unbestätigt) Erstgespräch: Bernd Gast");
    expect(summaries).toHaveLength(2);
    const anna = events.find((e) => e.summary.endsWith("Anna Beispiel"))!;
    expect(anna.location).toBe("https://meet.example.com/a");
    expect(anna.startDate.zone?.tzid).toBe("UTC");
    expect(Math.abs(anna.startDate.toJSDate().getTime() - (Date.now() + 24 * HOUR))).toBeLessThan(2000);
  });

  it("makes the old URL stop working when the coach renews the secret", async () => {
    const old = await renewCalendarFeedToken();
    expect((await fetchFeed(`${old}.ics`)).status).toBe(200);
    const renewed = await renewCalendarFeedToken();
    expect((await fetchFeed(`${old}.ics`)).status).toBe(404);
    expect((await fetchFeed(`${renewed}.ics`)).status).toBe(200);
    const [row] = await database.db.select().from(practiceSettings);
    expect(row!.calendarFeedTokenHash).not.toContain(renewed);
  });
});
