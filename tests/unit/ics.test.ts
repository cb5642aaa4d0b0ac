import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { feedIcs, invitationAttachment, invitationIcs } from "@/lib/calendar/ics";
import type { Invitation } from "@/lib/calendar/invitation";

function event(overrides: Partial<Invitation> = {}): Invitation {
  return {
    uid: "appt-123@rueckenwind-coaching",
    sequence: 0,
    method: "REQUEST",
    start: new Date("2026-12-01T09:00:00Z"),
    end: new Date("2026-12-01T09:30:00Z"),
    summary: "Kostenloses Erstgespräch mit Mara Lindner",
    description: "Wir sprechen über Ihre Rückenschmerzen.",
    location: "Telefon",
    url: "https://example.com/termin/verwalten?token=abc",
    organizer: { name: "Mara Lindner", email: "mara@example.com" },
    attendee: { name: "Max Müller", email: "max@example.com" },
    now: new Date("2026-11-20T08:15:30Z"),
    ...overrides,
  };
}

/** Unfolds continuation lines (CRLF + one space) and splits into content lines. */
function unfold(text: string): string[] {
  const lines = text.replace(/\r\n /g, "").split("\r\n");
  expect(lines.pop()).toBe(""); // text ends with CRLF
  return lines;
}

/** Values of all content lines whose name (before ; or :) is `name`. */
function values(lines: string[], name: string): string[] {
  return lines.filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`)).map((l) => l.slice(l.indexOf(":") + 1));
}

function value(lines: string[], name: string): string | undefined {
  return values(lines, name)[0];
}

/** The content lines of each BEGIN:<name> ... END:<name> block. */
function blocks(lines: string[], name: string): string[][] {
  const out: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (line === `BEGIN:${name}`) current = [];
    else if (line === `END:${name}` && current) {
      out.push(current);
      current = undefined;
    } else current?.push(line);
  }
  return out;
}

/** Reverses RFC 5545 TEXT escaping. */
function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** The first VEVENT as an independent parser (ical.js) reads it. */
function parsed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

/** "10:00" on "2026-12-01": how a calendar app in that zone shows the instant (Intl, not our code). */
function wallClock(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "short" }).format(instant);
}

describe("invitationIcs: calendar frame", () => {
  it("writes VCALENDAR with version, prodid, calscale and method", () => {
    const lines = unfold(invitationIcs(event()));
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(value(lines, "VERSION")).toBe("2.0");
    expect(value(lines, "PRODID")).toBe("-//Rueckenwind Coaching//Praxis//DE");
    expect(value(lines, "CALSCALE")).toBe("GREGORIAN");
    expect(values(lines, "METHOD")).toEqual(["REQUEST"]);
    expect(blocks(lines, "VEVENT")).toHaveLength(1);
  });

  it("ends every line with CRLF and has no bare CR or LF", () => {
    const text = invitationIcs(event({ description: "a\nb\r\nc\rd" }));
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("keeps UID stable across changes and writes SEQUENCE and DTSTAMP", () => {
    const first = unfold(invitationIcs(event()));
    const changed = unfold(
      invitationIcs(event({ sequence: 3, start: new Date("2026-12-02T09:00:00Z"), end: new Date("2026-12-02T10:00:00Z") })),
    );
    expect(value(first, "UID")).toBe("appt-123@rueckenwind-coaching");
    expect(value(changed, "UID")).toBe(value(first, "UID"));
    expect(value(first, "SEQUENCE")).toBe("0");
    expect(value(changed, "SEQUENCE")).toBe("3");
    expect(value(first, "DTSTAMP")).toBe("20261120T081530Z");
  });

  it("writes organizer and attendee with their names, as a parser reads them", () => {
    const text = invitationIcs(event());
    const { vevent, event: parsedEvent } = parsed(text);
    const organizer = vevent.getFirstProperty("organizer")!;
    expect(organizer.getParameter("cn")).toBe("Mara Lindner");
    expect(String(organizer.getFirstValue()).toLowerCase()).toBe("mailto:mara@example.com");
    const attendees = vevent.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.getParameter("cn")).toBe("Max Müller");
    expect(attendees[0]!.getParameter("role")).toBe("REQ-PARTICIPANT");
    expect(attendees[0]!.getParameter("partstat")).toBe("NEEDS-ACTION");
    expect(attendees[0]!.getParameter("rsvp")).toBe("FALSE");
    expect(String(attendees[0]!.getFirstValue()).toLowerCase()).toBe("mailto:max@example.com");
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(vevent.getFirstPropertyValue("url")).toBe("https://example.com/termin/verwalten?token=abc");
    expect(parsedEvent.location).toBe("Telefon");
    expect(parsedEvent.summary).toBe("Kostenloses Erstgespräch mit Mara Lindner");
  });

  it("omits optional properties that are not given", () => {
    const lines = unfold(invitationIcs(event({ description: undefined, location: undefined, url: undefined })));
    expect(values(lines, "DESCRIPTION")).toEqual([value(lines, "SUMMARY")]); // only the VALARM's
    expect(values(lines, "LOCATION")).toEqual([]);
    expect(values(lines, "URL")).toEqual([]);
  });
});

describe("invitationIcs: times", () => {
  it("writes DTSTART/DTEND in UTC, which a calendar in Berlin shows at 10:00 in winter (CET)", () => {
    const text = invitationIcs(event());
    const lines = unfold(text);
    expect(lines).toContain("DTSTART:20261201T090000Z");
    expect(lines).toContain("DTEND:20261201T093000Z");
    const { event: e } = parsed(text);
    expect(e.startDate.toJSDate().toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(e.endDate.toJSDate().toISOString()).toBe("2026-12-01T09:30:00.000Z");
    expect(wallClock(e.startDate.toJSDate(), "Europe/Berlin")).toBe("2026-12-01 10:00");
    expect(wallClock(e.startDate.toJSDate(), "America/New_York")).toBe("2026-12-01 04:00");
  });

  it("and at 10:00 in summer (CEST), from the same kind of UTC time", () => {
    const text = invitationIcs(event({ start: new Date("2026-07-15T08:00:00Z"), end: new Date("2026-07-15T09:00:00Z") }));
    expect(unfold(text)).toContain("DTSTART:20260715T080000Z");
    const { event: e } = parsed(text);
    expect(wallClock(e.startDate.toJSDate(), "Europe/Berlin")).toBe("2026-07-15 10:00");
    expect(wallClock(e.endDate.toJSDate(), "Europe/Berlin")).toBe("2026-07-15 11:00");
  });

  it("needs no VTIMEZONE and names no TZID: every time is an instant", () => {
    const text = invitationIcs(event());
    expect(blocks(unfold(text), "VTIMEZONE")).toEqual([]);
    expect(text).not.toContain("TZID");
  });

  it("rejects invalid times", () => {
    expect(() => invitationIcs(event({ end: new Date("2026-12-01T08:00:00Z") }))).toThrow(RangeError);
    expect(() => invitationIcs(event({ end: new Date("2026-12-01T09:00:00Z") }))).toThrow(RangeError);
    expect(() => invitationIcs(event({ start: new Date("nope") }))).toThrow(RangeError);
    expect(() => invitationIcs(event({ sequence: -1 }))).toThrow(RangeError);
  });
});

describe("invitationIcs: escaping and injection", () => {
  it("escapes TEXT values per RFC 5545", () => {
    const description = "Komma, Semikolon; Backslash \\ und\nZeilenumbruch";
    const text = invitationIcs(event({ description }));
    const lines = unfold(text);
    expect(lines).toContain("DESCRIPTION:Komma\\, Semikolon\\; Backslash \\\\ und\\nZeilenumbruch");
    expect(unescapeText(value(lines, "DESCRIPTION")!)).toBe(description);
    expect(parsed(text).event.description).toBe(description);
  });

  it("cannot create a new property from CR/LF in the summary", () => {
    const text = invitationIcs(event({ summary: "Termin\r\nATTENDEE:mailto:evil@x" }));
    const lines = unfold(text);
    expect(parsed(text).vevent.getAllProperties("attendee")).toHaveLength(1);
    expect(lines.some((l) => l.startsWith("ATTENDEE:"))).toBe(false);
    expect(value(lines, "SUMMARY")).toBe("Termin ATTENDEE:mailto:evil@x");
    const physicalWithEvil = text.split("\r\n").filter((l) => l.includes("evil"));
    expect(physicalWithEvil.length).toBeGreaterThan(0);
    for (const line of physicalWithEvil) expect(line).toMatch(/^(SUMMARY|DESCRIPTION):| /);
  });

  it("cannot create a new property from CR/LF in location or description", () => {
    const lines = unfold(
      invitationIcs(event({ location: "Telefon\nSTATUS:CANCELLED", description: "x\r\nORGANIZER:mailto:evil@x\rMETHOD:CANCEL" })),
    );
    expect(values(lines, "STATUS")).toEqual(["CONFIRMED"]);
    expect(values(lines, "ORGANIZER")).toEqual(["mailto:mara@example.com"]);
    expect(values(lines, "METHOD")).toEqual(["REQUEST"]);
  });

  it("strips quotes and control characters from CN parameters", () => {
    const text = invitationIcs(event({ attendee: { name: 'Max "The Back" Müller\r\nATTENDEE:mailto:evil@x', email: "max@example.com" } }));
    const attendees = parsed(text).vevent.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.getParameter("cn")).toBe("Max The Back Müller ATTENDEE:mailto:evil@x");
    expect(String(attendees[0]!.getFirstValue()).toLowerCase()).toBe("mailto:max@example.com");
    expect(unfold(text).filter((l) => l.startsWith("ATTENDEE"))).toHaveLength(1);
  });

  it("rejects CR/LF in structural fields", () => {
    expect(() => invitationIcs(event({ uid: "x\r\nATTENDEE:mailto:evil@x" }))).toThrow(RangeError);
    expect(() => invitationIcs(event({ url: "https://example.com/\r\nX:1" }))).toThrow(RangeError);
    expect(() => invitationIcs(event({ attendee: { name: "Max", email: "max@example.com\r\nX:1" } }))).toThrow(RangeError);
    expect(() => invitationIcs(event({ organizer: { name: "Mara", email: "not an email" } }))).toThrow(RangeError);
  });
});

describe("invitationIcs: folding", () => {
  const description =
    "Liebe Frau Müller, schön, dass Sie sich für ein Erstgespräch entschieden haben! 😀 " +
    "Bitte halten Sie Ihre Befunde bereit; wir besprechen Übungen für Rücken, Schultern und Hüfte. " +
    "Größe, Gewicht und Beschwerden (äöüß ÄÖÜ) notieren.\nBis bald — Mara 🌿🧘‍♀️";

  it("keeps every physical line at most 75 octets", () => {
    const text = invitationIcs(event({ description, summary: "Ü".repeat(100), location: "😀".repeat(40) }));
    const physical = text.split("\r\n");
    expect(physical.length).toBeGreaterThan(unfold(text).length);
    for (const line of physical) expect(utf8Bytes(line)).toBeLessThanOrEqual(75);
  });

  it("never splits a multi-byte character", () => {
    const text = invitationIcs(event({ description, summary: "Ü".repeat(100), location: "😀".repeat(40) }));
    // Each physical line must be valid UTF-8 on its own.
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for (const line of text.split("\r\n")) {
      const bytes = new TextEncoder().encode(line);
      expect(decoder.decode(bytes)).toBe(line);
      expect(line).not.toMatch(/[\ud800-\udbff]$|^ ?[\udc00-\udfff]/);
    }
  });

  it("restores the long UTF-8 description exactly when unfolded", () => {
    const text = invitationIcs(event({ description }));
    expect(unescapeText(value(unfold(text), "DESCRIPTION")!)).toBe(description);
    expect(parsed(text).event.description).toBe(description);
  });

  it("folds with CRLF and a single space", () => {
    const text = invitationIcs(event({ description: "a".repeat(200) }));
    const physical = text.split("\r\n");
    const start = physical.findIndex((l) => l.startsWith("DESCRIPTION:a"));
    const continued = physical.slice(start + 1, start + 3);
    expect(continued).toHaveLength(2);
    for (const line of continued) expect(line).toMatch(/^ a+$/);
    expect(physical[start]! + continued.map((l) => l.slice(1)).join("")).toBe(`DESCRIPTION:${"a".repeat(200)}`);
  });
});

describe("invitationIcs: alarm and cancellation", () => {
  it("adds a display alarm 60 minutes before by default", () => {
    const text = invitationIcs(event());
    const alarms = parsed(text).vevent.getAllSubcomponents("valarm");
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.getFirstPropertyValue("action")).toBe("DISPLAY");
    expect((alarms[0]!.getFirstPropertyValue("trigger") as ICAL.Duration).toSeconds()).toBe(-60 * 60);
    expect(alarms[0]!.getFirstPropertyValue("description")).toBeTruthy();
  });

  it("uses the given alarm lead time", () => {
    const alarms = parsed(invitationIcs(event({ alarmMinutesBefore: 1440 }))).vevent.getAllSubcomponents("valarm");
    expect((alarms[0]!.getFirstPropertyValue("trigger") as ICAL.Duration).toSeconds()).toBe(-1440 * 60);
    expect(() => invitationIcs(event({ alarmMinutesBefore: -5 }))).toThrow(RangeError);
  });

  it("writes a CANCEL with STATUS:CANCELLED and no alarm", () => {
    const text = invitationIcs(event({ method: "CANCEL", sequence: 2 }));
    const lines = unfold(text);
    expect(values(lines, "METHOD")).toEqual(["CANCEL"]);
    expect(value(lines, "STATUS")).toBe("CANCELLED");
    expect(value(lines, "SEQUENCE")).toBe("2");
    expect(value(lines, "UID")).toBe("appt-123@rueckenwind-coaching");
    expect(blocks(lines, "VALARM")).toEqual([]);
    expect(lines.some((l) => l.includes("VALARM") || l.startsWith("TRIGGER"))).toBe(false);
    const attendees = parsed(text).vevent.getAllProperties("attendee");
    expect(attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(["mailto:max@example.com"]);
  });
});

describe("invitationAttachment", () => {
  const decode = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));

  it("returns termin.ics with method=REQUEST and base64 UTF-8 content", () => {
    const e = event({ description: "Rückenschmerzen 😀" });
    const attachment = invitationAttachment(e);
    expect(attachment.filename).toBe("termin.ics");
    expect(attachment.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(attachment.content).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(decode(attachment.content)).toBe(invitationIcs(e));
  });

  it("returns absage.ics with method=CANCEL", () => {
    const e = event({ method: "CANCEL", sequence: 1 });
    const attachment = invitationAttachment(e);
    expect(attachment.filename).toBe("absage.ics");
    expect(attachment.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
    expect(decode(attachment.content)).toBe(invitationIcs(e));
  });
});

describe("feedIcs", () => {
  const feedEvent = {
    uid: "feed-1@rueckenwind-coaching",
    sequence: 1,
    start: new Date("2026-12-01T09:00:00Z"),
    end: new Date("2026-12-01T10:00:00Z"),
    status: "TENTATIVE" as const,
    summary: "(unbestätigt) Erstgespräch: Bernd Gast",
    description: "Erstgespräch (Telefon)\nE-Mail: bernd@example.com",
    location: "Telefon",
  };

  it("publishes a named calendar that refreshes every 15 minutes, events in UTC", () => {
    const text = feedIcs({ name: "Rückenwind, Coaching: Termine", events: [feedEvent, { ...feedEvent, uid: "feed-2@x", status: "CONFIRMED" }] });
    const lines = unfold(text);
    expect(values(lines, "METHOD")).toEqual(["PUBLISH"]);
    expect(value(lines, "X-WR-CALNAME")).toBe("Rückenwind\\, Coaching: Termine");
    expect(value(lines, "REFRESH-INTERVAL")).toBe("PT15M");
    expect(blocks(lines, "VTIMEZONE")).toEqual([]);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(["feed-1@rueckenwind-coaching", "feed-2@x"]);
    expect(events.map((e) => e.component.getFirstPropertyValue("status"))).toEqual(["TENTATIVE", "CONFIRMED"]);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(events[0]!.description).toBe("Erstgespräch (Telefon)\nE-Mail: bernd@example.com");
    expect(values(lines, "ATTENDEE")).toEqual([]);
  });

  it("leaves out an empty location and refuses a bad event", () => {
    expect(values(unfold(feedIcs({ name: "x", events: [{ ...feedEvent, location: "  " }] })), "LOCATION")).toEqual([]);
    expect(() => feedIcs({ name: "x", events: [{ ...feedEvent, uid: "a\r\nX:1" }] })).toThrow(RangeError);
    expect(() => feedIcs({ name: "x", events: [{ ...feedEvent, end: feedEvent.start }] })).toThrow(RangeError);
  });
});
