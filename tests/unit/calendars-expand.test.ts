import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { sinceInWords } from "@/lib/calendars/busy";
import { CalendarTooComplexError, expandBusy } from "@/lib/calendars/expand";
import { ianaZone } from "@/lib/calendars/windows-zones";
import { eventTitle, initials, writebackIcs } from "@/lib/calendars/writeback-event";

const wrap = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${body.replace(/\n/g, "\r\n")}\r\nEND:VCALENDAR\r\n`;
const window = { from: new Date("2027-03-01T00:00:00Z"), until: new Date("2027-05-01T00:00:00Z") };
const iso = (list: { start: Date; end: Date }[]) => list.map((b) => `${b.start.toISOString()}/${b.end.toISOString()}`);

describe("expanding busy times", () => {
  it("reads a VTIMEZONE under a name of its own, a DURATION, and UTC times", () => {
    const text = wrap(`BEGIN:VTIMEZONE
TZID:Mitteleuropa
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:a
DTSTART;TZID=Mitteleuropa:20270326T090000
DURATION:PT90M
RRULE:FREQ=DAILY;COUNT=3
END:VEVENT
BEGIN:VEVENT
UID:b
DTSTART:20270410T120000Z
DTEND:20270410T130000Z
END:VEVENT`);
    // 26 and 27 March in winter time (UTC+1), 28 March after the change (UTC+2).
    expect(iso(expandBusy([text], window, "Europe/Berlin"))).toEqual([
      "2027-03-26T08:00:00.000Z/2027-03-26T09:30:00.000Z",
      "2027-03-27T08:00:00.000Z/2027-03-27T09:30:00.000Z",
      "2027-03-28T07:00:00.000Z/2027-03-28T08:30:00.000Z",
      "2027-04-10T12:00:00.000Z/2027-04-10T13:00:00.000Z",
    ]);
  });

  it("a multi-day event blocks from its start to its end; an all-day event without DTEND one day", () => {
    const text = wrap(`BEGIN:VEVENT
UID:trip
DTSTART;TZID=Europe/Berlin:20270415T180000
DTEND;TZID=Europe/Berlin:20270417T120000
END:VEVENT
BEGIN:VEVENT
UID:holiday
DTSTART;VALUE=DATE:20270420
END:VEVENT`);
    expect(iso(expandBusy([text], window, "Europe/Berlin"))).toEqual([
      "2027-04-15T16:00:00.000Z/2027-04-17T10:00:00.000Z",
      "2027-04-19T22:00:00.000Z/2027-04-20T22:00:00.000Z",
    ]);
  });

  it("a runaway rule stops, text that is no calendar adds nothing", () => {
    const runaway = wrap(`BEGIN:VEVENT
UID:r
DTSTART:19700101T000000Z
DTEND:19700101T000001Z
RRULE:FREQ=SECONDLY
END:VEVENT`);
    expect(expandBusy([runaway, "not a calendar", "BEGIN:VCALENDAR"], window, "Europe/Berlin")).toEqual([]);
  });

  it("a daily series begun in 1970 still blocks its days in the window, with its exception, and a real appointment beside it stays", () => {
    const text = wrap(`BEGIN:VEVENT
UID:old
DTSTART;TZID=Europe/Berlin:19700101T070000
DTEND;TZID=Europe/Berlin:19700101T073000
RRULE:FREQ=DAILY
EXDATE;TZID=Europe/Berlin:20270302T070000
END:VEVENT
BEGIN:VEVENT
UID:seconds
DTSTART:20270301T000000Z
RRULE:FREQ=SECONDLY
END:VEVENT
BEGIN:VEVENT
UID:dentist
DTSTART:20270303T130000Z
DTEND:20270303T140000Z
END:VEVENT`);
    const first = { from: window.from, until: new Date("2027-03-04T00:00:00Z") };
    // 07:00 in Berlin is 06:00 UTC in March before the change; 2 March is excepted; the every-second rule is nobody's appointment.
    expect(iso(expandBusy([text], first, "Europe/Berlin"))).toEqual([
      "2027-03-01T06:00:00.000Z/2027-03-01T06:30:00.000Z",
      "2027-03-03T06:00:00.000Z/2027-03-03T06:30:00.000Z",
      "2027-03-03T13:00:00.000Z/2027-03-03T14:00:00.000Z",
    ]);
  });

  it("a calendar of more series than it could be read for fails as a whole instead of dropping some", () => {
    const many = Array.from(
      { length: 2_000 },
      (_, i) => `BEGIN:VEVENT\nUID:s${i}\nDTSTART:20270301T0${i % 10}0000Z\nDTEND:20270301T0${i % 10}0500Z\nRRULE:FREQ=DAILY\nEND:VEVENT`,
    ).join("\n");
    expect(() => expandBusy([wrap(many)], window, "Europe/Berlin")).toThrow(CalendarTooComplexError);
  });

  it("maps Outlook's Windows zone names and keeps IANA names", () => {
    expect(ianaZone("W. Europe Standard Time")).toBe("Europe/Berlin");
    expect(ianaZone('"Romance Standard Time"')).toBe("Europe/Paris");
    expect(ianaZone("/mozilla.org/20050126_1/Europe/Vienna")).toBe("Europe/Vienna");
    expect(ianaZone("America/New_York")).toBe("America/New_York");
    expect(ianaZone("Erfundene Zone")).toBeNull();
  });
});

describe("the event written into the coach's calendar", () => {
  it("carries the kind and initials, full names only when wanted", () => {
    expect(initials("Anna Keller")).toBe("A. K.");
    expect(initials("Jörg-Peter Özdemir")).toBe("J. P. Ö.");
    expect(eventTitle({ kind: "session", name: "Anna Keller" }, false)).toBe("Sitzung · A. K.");
    expect(eventTitle({ kind: "consultation", name: "Anna Keller" }, true)).toBe("Erstgespräch · Anna Keller");
  });

  it("is valid iCalendar with our UID and marker, the times in UTC and a link into the portal", () => {
    const ics = writebackIcs(
      {
        id: "00000000-0000-4000-8000-000000000009",
        kind: "session",
        name: "Anna Keller",
        clientId: "client-1",
        startAt: new Date("2027-10-29T09:00:00Z"),
        endAt: new Date("2027-10-29T09:50:00Z"),
        sequence: 2,
      },
      { fullNames: false, origin: "https://praxis.example.de", now: new Date("2027-10-01T00:00:00Z") },
    );
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!;
    expect(event.getFirstPropertyValue("uid")).toBe("praxis-termin-00000000-0000-4000-8000-000000000009");
    expect(event.getFirstPropertyValue("summary")).toBe("Sitzung · A. K.");
    expect(event.getFirstPropertyValue("description")).toBe("Im Praxis-Portal: https://praxis.example.de/coach/klienten/client-1");
    expect((event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe("2027-10-29T09:00:00.000Z");
    expect(event.getFirstPropertyValue("x-praxis-appointment")).toBe("00000000-0000-4000-8000-000000000009");
  });

  it("says how long a calendar has been unreachable in plain German", () => {
    expect(sinceInWords(2 * 3_600_000 + 5 * 60_000)).toBe("seit 2 Stunden");
    expect(sinceInWords(3_600_000)).toBe("seit einer Stunde");
    expect(sinceInWords(20 * 60_000)).toBe("seit 20 Minuten");
    expect(sinceInWords(3 * 86_400_000)).toBe("seit 3 Tagen");
  });
});
