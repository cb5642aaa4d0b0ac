import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.CALENDAR_ALLOW_LOOPBACK = "1";
  process.env.CALENDAR_SYNC_MINUTES = "5";
});

import { availabilitySettings, calendarBusy, calendarConnections, users } from "@/db/schema";
import { availableSlots } from "@/lib/appointments/holds";
import { busyBlocksBetween, calendarWarnings } from "@/lib/calendars/busy";
import { addCaldavConnection, addIcalConnection, saveCalendarChoices, listConnections } from "@/lib/calendars/connections";
import { syncCalendars } from "@/lib/calendars/sync";
import { useTestDatabase, type TestDatabase } from "./helpers/db";
import { radicaleAvailable, startRadicale, RADICALE_PASSWORD, RADICALE_USER, type Radicale } from "./helpers/radicale";

/*
 * The coach's private calendars against a real CalDAV server (Radicale) and a local HTTP server
 * serving a subscription. Everything runs in the autumn of 2027 with an injected clock; the
 * expected slots are written out by hand (practice hours Mon–Fri 09:00–12:00 and 13:00–16:00,
 * 30 minutes, 10 minutes of buffer on each side), never computed by the code under test.
 */

const available = radicaleAvailable();
const NOW = new Date("2027-10-12T06:00:00Z"); // Tuesday, 08:00 in Berlin (summer time)
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

const VTIMEZONE_BERLIN = `BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE`;

const calendar = (body: string, zone = VTIMEZONE_BERLIN) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${zone}\r\n${body}\r\nEND:VCALENDAR\r\n`.replace(/\r?\n/g, "\r\n");

/** Fridays 10:00–11:00 Berlin from 15 Oct 2027, six times, across the change to winter time on 31 Oct; 29 Oct moved to 14:00, 12 Nov left out. */
const WEEKLY = calendar(`BEGIN:VEVENT
UID:physio-weekly
DTSTAMP:20270901T000000Z
DTSTART;TZID=Europe/Berlin:20271015T100000
DTEND;TZID=Europe/Berlin:20271015T110000
RRULE:FREQ=WEEKLY;COUNT=6
EXDATE;TZID=Europe/Berlin:20271112T100000
SUMMARY:Physiotherapie
END:VEVENT
BEGIN:VEVENT
UID:physio-weekly
DTSTAMP:20270901T000000Z
RECURRENCE-ID;TZID=Europe/Berlin:20271029T100000
DTSTART;TZID=Europe/Berlin:20271029T140000
DTEND;TZID=Europe/Berlin:20271029T150000
SUMMARY:Physiotherapie (verlegt)
END:VEVENT`);
const ALL_DAY = calendar(`BEGIN:VEVENT
UID:school-day
DTSTAMP:20270901T000000Z
DTSTART;VALUE=DATE:20271020
DTEND;VALUE=DATE:20271021
SUMMARY:Schulfest
END:VEVENT`);
const TRANSPARENT = calendar(`BEGIN:VEVENT
UID:reminder-free
DTSTAMP:20270901T000000Z
DTSTART;TZID=Europe/Berlin:20271021T100000
DTEND;TZID=Europe/Berlin:20271021T110000
TRANSP:TRANSPARENT
SUMMARY:Geburtstag Oma (nur zur Erinnerung)
END:VEVENT`);
const CANCELLED = calendar(`BEGIN:VEVENT
UID:cancelled-one
DTSTAMP:20270901T000000Z
DTSTART;TZID=Europe/Berlin:20271018T100000
DTEND;TZID=Europe/Berlin:20271018T110000
STATUS:CANCELLED
SUMMARY:Abgesagt
END:VEVENT`);
const OURS = calendar(`BEGIN:VEVENT
UID:praxis-termin-00000000-0000-4000-8000-000000000001
DTSTAMP:20270901T000000Z
DTSTART:20271019T080000Z
DTEND:20271019T090000Z
SUMMARY:Sitzung · A. K.
X-PRAXIS-APPOINTMENT:00000000-0000-4000-8000-000000000001
END:VEVENT`);
/** Outlook's way: a Windows zone name and no VTIMEZONE; and a floating time (practice zone). */
const OUTLOOK = calendar(
  `BEGIN:VEVENT
UID:outlook-1
DTSTAMP:20270901T000000Z
DTSTART;TZID=W. Europe Standard Time:20271103T100000
DTEND;TZID=W. Europe Standard Time:20271103T110000
SUMMARY:Zahnarzt
END:VEVENT
BEGIN:VEVENT
UID:floating-1
DTSTAMP:20270901T000000Z
DTSTART:20271104T150000
DTEND:20271104T160000
SUMMARY:Elternabend
END:VEVENT`,
  "",
).replace("\r\n\r\n", "\r\n");

const FULL_SUMMER = ["07:00", "07:30", "08:00", "08:30", "09:00", "09:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30"];
const FULL_WINTER = ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30"];

/** The offered starts of one practice date as UTC "HH:MM". */
async function slotsOn(date: string, now = NOW): Promise<string[]> {
  const { slots } = await availableSlots(date, date, now);
  return slots.map((s) => s.start.toISOString().slice(11, 16));
}

let database: TestDatabase;
let radicale: Radicale;
let coachId: string;
let subscription: Server;
let subscriptionUrl: string;
let subscriptionHits = 0;

describe.skipIf(!available)("the coach's calendars against Radicale", () => {
  beforeAll(async () => {
    database = await useTestDatabase();
    radicale = await startRadicale();
    const [coach] = await database.db.insert(users).values({ email: "coach@example.com", role: "coach", name: "Mara Lindner" }).returning();
    coachId = coach!.id;
    const open = [
      { start: "09:00", end: "12:00" },
      { start: "13:00", end: "16:00" },
    ];
    await database.db.insert(availabilitySettings).values({
      id: 1,
      weekly: { "1": open, "2": open, "3": open, "4": open, "5": open },
      durationMinutes: 30,
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 10,
      minimumNoticeMinutes: 0,
      horizonDays: 60,
      slotIntervalMinutes: 30,
    });
    const privat = await radicale.mkcalendar("privat");
    await radicale.put(privat, "weekly", WEEKLY);
    await radicale.put(privat, "allday", ALL_DAY);
    await radicale.put(privat, "transparent", TRANSPARENT);
    await radicale.put(privat, "cancelled", CANCELLED);
    await radicale.put(privat, "ours", OURS);
    subscription = createServer((req, res) => {
      subscriptionHits++;
      res.writeHead(200, { "content-type": "text/calendar", etag: '"v1"' });
      res.end(OUTLOOK);
    });
    await new Promise<void>((r) => subscription.listen(0, "127.0.0.1", r));
    subscriptionUrl = `http://127.0.0.1:${(subscription.address() as AddressInfo).port}/kalender.ics`;
  });
  afterAll(async () => {
    await radicale?.stop();
    await new Promise((r) => subscription?.close(r));
    await database?.drop();
  });

  it("refuses a wrong password with a German message and stores nothing", async () => {
    await expect(
      addCaldavConnection(coachId, { label: "iCloud", serverUrl: radicale.url, username: RADICALE_USER, password: "falsch" }),
    ).rejects.toMatchObject({ message: expect.stringContaining("Benutzername oder Passwort stimmen nicht") });
    expect(await database.db.select().from(calendarConnections)).toHaveLength(0);
  });

  it("a weekly appointment with an exception across the October clock change removes exactly its slots", async () => {
    // Connecting reads at the real time; the test then reads again in its autumn of 2027.
    await addCaldavConnection(coachId, { label: "iCloud", serverUrl: radicale.url, username: RADICALE_USER, password: RADICALE_PASSWORD });
    await syncCalendars({ now: NOW });
    // Friday 22 Oct (summer time, UTC+2): 10:00–11:00 blocks 09:30 to 11:00 with the buffers.
    expect(await slotsOn("2027-10-22")).toEqual(["07:00", "09:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30"]);
    // Friday 29 Oct: the occurrence moved to 14:00–15:00, so the morning is free and 13:30–15:00 is not.
    expect(await slotsOn("2027-10-29")).toEqual(["07:00", "07:30", "08:00", "08:30", "09:00", "09:30", "11:00", "13:30"]);
    // Friday 5 Nov (winter time, UTC+1): still 10:00–11:00 on the wall clock, now 09:00–10:00 UTC.
    expect(await slotsOn("2027-11-05")).toEqual(["08:00", "10:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30"]);
    // Friday 12 Nov: left out by EXDATE.
    expect(await slotsOn("2027-11-12")).toEqual(FULL_WINTER);
  });

  it("an all-day event blocks the whole day; transparent, cancelled and our own events block nothing", async () => {
    expect(await slotsOn("2027-10-20")).toEqual([]);
    expect(await slotsOn("2027-10-21")).toEqual(FULL_SUMMER); // transparent
    expect(await slotsOn("2027-10-18")).toEqual(FULL_SUMMER); // cancelled
    expect(await slotsOn("2027-10-19")).toEqual(FULL_SUMMER); // written by the platform itself
  });

  it("a subscription with a Windows zone name and a floating time blocks the right hours", async () => {
    await addIcalConnection(coachId, { label: "Outlook", url: subscriptionUrl });
    await syncCalendars({ now: NOW, connectionId: (await listConnections(coachId)).find((c) => c.label === "Outlook")!.id });
    // Wednesday 3 Nov, "W. Europe Standard Time" 10:00–11:00 = 09:00–10:00 UTC in winter.
    expect(await slotsOn("2027-11-03")).toEqual(["08:00", "10:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30"]);
    // Thursday 4 Nov, floating 15:00–16:00 read in Berlin: 14:00–15:00 UTC blocks 14:30, 15:00 and 15:30 local.
    expect(await slotsOn("2027-11-04")).toEqual(["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "12:00", "12:30", "13:00"]);
  });

  it("the agenda shows private blocks without their titles unless the coach wants them", async () => {
    const friday = { from: new Date("2027-10-22T00:00:00Z"), until: new Date("2027-10-23T00:00:00Z") };
    expect(await busyBlocksBetween(friday.from, friday.until)).toEqual([
      { start: new Date("2027-10-22T08:00:00Z"), end: new Date("2027-10-22T09:00:00Z"), allDay: false, title: null, calendar: "iCloud" },
    ]);
    const icloud = (await listConnections(coachId)).find((c) => c.label === "iCloud")!;
    await saveCalendarChoices(coachId, { connectionId: icloud.id, busy: icloud.calendars.map((c) => c.id), showTitles: true });
    await database.db.update(calendarConnections).set({ lastSyncAt: null });
    await syncCalendars({ now: NOW });
    expect((await busyBlocksBetween(friday.from, friday.until)).map((b) => b.title)).toEqual(["Physiotherapie"]);
    await saveCalendarChoices(coachId, { connectionId: icloud.id, busy: icloud.calendars.map((c) => c.id), showTitles: false });
    await database.db.update(calendarConnections).set({ lastSyncAt: null });
    await syncCalendars({ now: NOW });
    expect((await database.db.select({ title: calendarBusy.title }).from(calendarBusy)).every((r) => r.title === null)).toBe(true);
  });

  it("a calendar no longer chosen stops blocking; chosen again, it blocks again", async () => {
    const icloud = (await listConnections(coachId)).find((c) => c.label === "iCloud")!;
    await saveCalendarChoices(coachId, { connectionId: icloud.id, busy: [], showTitles: false });
    expect(await slotsOn("2027-10-20")).toEqual(FULL_SUMMER);
    await saveCalendarChoices(coachId, { connectionId: icloud.id, busy: icloud.calendars.map((c) => c.id), showTitles: false });
    // saveCalendarChoices reads at the real time; read again for the test's autumn of 2027.
    await database.db.update(calendarConnections).set({ lastSyncAt: null });
    await syncCalendars({ now: NOW });
    expect(await slotsOn("2027-10-20")).toEqual([]);
  });

  it("two sync runs at once read each calendar once", async () => {
    await database.db.update(calendarConnections).set({ lastSyncAt: null });
    const before = subscriptionHits;
    const later = minutes(30);
    const [a, b] = await Promise.all([syncCalendars({ now: later }), syncCalendars({ now: later })]);
    expect(subscriptionHits - before).toBe(1);
    expect(a.connections + b.connections).toBe(2);
    // And a run within the interval reads nothing.
    expect((await syncCalendars({ now: minutes(31) })).connections).toBe(0);
  });

  it("an appointment added in the calendar blocks its slots after the next sync", async () => {
    expect(await slotsOn("2027-11-01")).toEqual(FULL_WINTER);
    await radicale.put(
      `${radicale.url}${RADICALE_USER}/privat/`,
      "dentist",
      calendar(`BEGIN:VEVENT
UID:dentist
DTSTAMP:20271001T000000Z
DTSTART;TZID=Europe/Berlin:20271101T090000
DTEND;TZID=Europe/Berlin:20271101T100000
SUMMARY:Zahnarzt
END:VEVENT`),
    );
    await syncCalendars({ now: minutes(40) });
    // Monday 1 Nov, winter time: 09:00–10:00 Berlin takes 09:00, 09:30 and 10:00 (its buffer).
    expect(await slotsOn("2027-11-01")).toEqual(["09:30", "10:00", "10:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30"]);
  });

  it("with Radicale stopped, the last known busy times keep applying and the agenda warns", async () => {
    const rowsBefore = (await database.db.select().from(calendarBusy)).length;
    await radicale.stop();
    const failed = await syncCalendars({ now: minutes(60) });
    expect(failed.failed).toBe(1);
    expect((await database.db.select().from(calendarBusy)).length).toBe(rowsBefore);
    // Bookings go on: the slots answer at once from the database, still without the physio hour.
    expect(await slotsOn("2027-10-22", minutes(60))).toEqual(["07:00", "09:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30"]);
    await syncCalendars({ now: minutes(160) });
    expect(await calendarWarnings(minutes(160), 5)).toContain(
      "iCloud seit 2 Stunden nicht erreichbar. Bis es wieder klappt, gelten die zuletzt bekannten Termine.",
    );
  });
});
