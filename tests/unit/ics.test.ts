import { describe, expect, it } from "vitest";
import { buildIcs, icsAttachment, type IcsEvent } from "@/lib/booking/ics";

function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: "appt-123@rueckenwind-coaching",
    sequence: 0,
    method: "REQUEST",
    start: new Date("2026-12-01T09:00:00Z"),
    end: new Date("2026-12-01T09:30:00Z"),
    timeZone: "Europe/Berlin",
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

describe("buildIcs: calendar frame", () => {
  it("writes VCALENDAR with version, prodid, calscale and method", () => {
    const lines = unfold(buildIcs(event()));
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(value(lines, "VERSION")).toBe("2.0");
    expect(value(lines, "PRODID")).toBe("-//Rueckenwind Coaching//Praxis//DE");
    expect(value(lines, "CALSCALE")).toBe("GREGORIAN");
    expect(values(lines, "METHOD")).toEqual(["REQUEST"]);
    expect(blocks(lines, "VEVENT")).toHaveLength(1);
  });

  it("ends every line with CRLF and has no bare CR or LF", () => {
    const text = buildIcs(event({ description: "a\nb\r\nc\rd" }));
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("keeps UID stable across changes and writes SEQUENCE and DTSTAMP", () => {
    const first = unfold(buildIcs(event()));
    const changed = unfold(
      buildIcs(event({ sequence: 3, start: new Date("2026-12-02T09:00:00Z"), end: new Date("2026-12-02T10:00:00Z") })),
    );
    expect(value(first, "UID")).toBe("appt-123@rueckenwind-coaching");
    expect(value(changed, "UID")).toBe(value(first, "UID"));
    expect(value(first, "SEQUENCE")).toBe("0");
    expect(value(changed, "SEQUENCE")).toBe("3");
    expect(value(first, "DTSTAMP")).toBe("20261120T081530Z");
  });

  it("writes organizer and attendee with quoted CN", () => {
    const lines = unfold(buildIcs(event()));
    expect(values(lines, "ORGANIZER")).toEqual(["mailto:mara@example.com"]);
    expect(lines).toContain('ORGANIZER;CN="Mara Lindner":mailto:mara@example.com');
    expect(lines).toContain('ATTENDEE;CN="Max Müller";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:max@example.com');
    expect(value(lines, "STATUS")).toBe("CONFIRMED");
    expect(value(lines, "URL")).toBe("https://example.com/termin/verwalten?token=abc");
    expect(value(lines, "LOCATION")).toBe("Telefon");
  });

  it("omits optional properties that are not given", () => {
    const lines = unfold(buildIcs(event({ description: undefined, location: undefined, url: undefined })));
    expect(values(lines, "DESCRIPTION")).toEqual([value(lines, "SUMMARY")]); // only the VALARM's
    expect(values(lines, "LOCATION")).toEqual([]);
    expect(values(lines, "URL")).toEqual([]);
  });
});

describe("buildIcs: times", () => {
  it("writes DTSTART/DTEND as Berlin wall-clock time in winter (CET)", () => {
    const lines = unfold(buildIcs(event()));
    expect(lines).toContain("DTSTART;TZID=Europe/Berlin:20261201T100000");
    expect(lines).toContain("DTEND;TZID=Europe/Berlin:20261201T103000");
  });

  it("writes DTSTART as Berlin wall-clock time in summer (CEST)", () => {
    const lines = unfold(buildIcs(event({ start: new Date("2026-07-15T08:00:00Z"), end: new Date("2026-07-15T09:00:00Z") })));
    expect(lines).toContain("DTSTART;TZID=Europe/Berlin:20260715T100000");
    expect(lines).toContain("DTEND;TZID=Europe/Berlin:20260715T110000");
  });

  it("uses the given zone for other practices", () => {
    const ny = unfold(buildIcs(event({ timeZone: "America/New_York" })));
    expect(ny).toContain("DTSTART;TZID=America/New_York:20261201T040000");
    const tokyo = unfold(buildIcs(event({ timeZone: "Asia/Tokyo" })));
    expect(tokyo).toContain("DTSTART;TZID=Asia/Tokyo:20261201T180000");
  });

  it("rejects invalid times and zones", () => {
    expect(() => buildIcs(event({ end: new Date("2026-12-01T08:00:00Z") }))).toThrow(RangeError);
    expect(() => buildIcs(event({ start: new Date("nope") }))).toThrow(RangeError);
    expect(() => buildIcs(event({ timeZone: "Mars/Olympus" }))).toThrow(RangeError);
    expect(() => buildIcs(event({ sequence: -1 }))).toThrow(RangeError);
  });
});

describe("buildIcs: VTIMEZONE", () => {
  const zoneOf = (timeZone: string, start = new Date("2026-12-01T09:00:00Z")) => {
    const lines = unfold(buildIcs(event({ timeZone, start, end: new Date(start.getTime() + 3_600_000) })));
    const [tz, ...more] = blocks(lines, "VTIMEZONE");
    expect(more).toEqual([]);
    return { tz: tz ?? [], daylight: blocks(tz ?? [], "DAYLIGHT"), standard: blocks(tz ?? [], "STANDARD") };
  };

  it("describes Europe/Berlin with EU rules", () => {
    const { tz, daylight, standard } = zoneOf("Europe/Berlin");
    expect(value(tz, "TZID")).toBe("Europe/Berlin");
    expect(daylight).toHaveLength(1);
    expect(standard).toHaveLength(1);
    const [d] = daylight;
    const [s] = standard;
    expect(value(d!, "TZOFFSETFROM")).toBe("+0100");
    expect(value(d!, "TZOFFSETTO")).toBe("+0200");
    expect(value(d!, "RRULE")).toBe("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    expect(value(d!, "DTSTART")).toMatch(/^\d{4}0(3)(2[5-9]|3[01])T020000$/);
    expect(value(d!, "TZNAME")).toBeTruthy();
    expect(value(s!, "TZOFFSETFROM")).toBe("+0200");
    expect(value(s!, "TZOFFSETTO")).toBe("+0100");
    expect(value(s!, "RRULE")).toBe("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    expect(value(s!, "DTSTART")).toMatch(/^\d{4}10(2[5-9]|3[01])T030000$/);
  });

  it("starts the rules no later than the event's year", () => {
    const { daylight, standard } = zoneOf("Europe/Berlin", new Date("2026-01-10T09:00:00Z"));
    for (const block of [...daylight, ...standard]) expect(Number(value(block, "DTSTART")!.slice(0, 4))).toBeLessThan(2026);
  });

  it("describes Europe/London", () => {
    const { daylight, standard } = zoneOf("Europe/London");
    expect(value(daylight[0]!, "TZOFFSETFROM")).toBe("+0000");
    expect(value(daylight[0]!, "TZOFFSETTO")).toBe("+0100");
    expect(value(daylight[0]!, "RRULE")).toBe("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    expect(value(daylight[0]!, "DTSTART")).toMatch(/T010000$/);
    expect(value(standard[0]!, "RRULE")).toBe("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    expect(value(standard[0]!, "DTSTART")).toMatch(/T020000$/);
  });

  it("describes America/New_York with US rules", () => {
    const { daylight, standard } = zoneOf("America/New_York");
    expect(daylight).toHaveLength(1);
    expect(standard).toHaveLength(1);
    expect(value(daylight[0]!, "TZOFFSETFROM")).toBe("-0500");
    expect(value(daylight[0]!, "TZOFFSETTO")).toBe("-0400");
    expect(value(daylight[0]!, "RRULE")).toBe("FREQ=YEARLY;BYMONTH=3;BYDAY=2SU");
    expect(value(standard[0]!, "TZOFFSETFROM")).toBe("-0400");
    expect(value(standard[0]!, "TZOFFSETTO")).toBe("-0500");
    expect(value(standard[0]!, "RRULE")).toBe("FREQ=YEARLY;BYMONTH=11;BYDAY=1SU");
    expect(value(daylight[0]!, "TZNAME")).toBe("EDT");
    expect(value(standard[0]!, "TZNAME")).toBe("EST");
  });

  it("uses a single STANDARD for Asia/Tokyo", () => {
    const { daylight, standard } = zoneOf("Asia/Tokyo");
    expect(daylight).toEqual([]);
    expect(standard).toHaveLength(1);
    expect(value(standard[0]!, "TZOFFSETFROM")).toBe("+0900");
    expect(value(standard[0]!, "TZOFFSETTO")).toBe("+0900");
    expect(values(standard[0]!, "RRULE")).toEqual([]);
  });

  it("uses a single STANDARD for UTC", () => {
    const { daylight, standard } = zoneOf("UTC");
    expect(daylight).toEqual([]);
    expect(standard).toHaveLength(1);
    expect(value(standard[0]!, "TZOFFSETTO")).toBe("+0000");
  });

  it("writes single onsets instead of a wrong RRULE when the rules changed (US 2007)", () => {
    const { daylight } = zoneOf("America/New_York", new Date("2007-06-01T12:00:00Z"));
    expect(daylight.map((b) => value(b, "DTSTART"))).toEqual(["20060402T020000", "20070311T020000"]);
    expect(daylight.flatMap((b) => values(b, "RRULE"))).toEqual([]);
  });
});

describe("buildIcs: escaping and injection", () => {
  it("escapes TEXT values per RFC 5545", () => {
    const description = "Komma, Semikolon; Backslash \\ und\nZeilenumbruch";
    const lines = unfold(buildIcs(event({ description })));
    expect(lines).toContain("DESCRIPTION:Komma\\, Semikolon\\; Backslash \\\\ und\\nZeilenumbruch");
    expect(unescapeText(value(lines, "DESCRIPTION")!)).toBe(description);
  });

  it("cannot create a new property from CR/LF in the summary", () => {
    const text = buildIcs(event({ summary: "Termin\r\nATTENDEE:mailto:evil@x" }));
    const lines = unfold(text);
    expect(values(lines, "ATTENDEE")).toEqual(["mailto:max@example.com"]);
    expect(lines.some((l) => l.startsWith("ATTENDEE:"))).toBe(false);
    expect(value(lines, "SUMMARY")).toBe("Termin ATTENDEE:mailto:evil@x");
    const physicalWithEvil = text.split("\r\n").filter((l) => l.includes("evil"));
    expect(physicalWithEvil.length).toBeGreaterThan(0);
    for (const line of physicalWithEvil) expect(line).toMatch(/^(SUMMARY|DESCRIPTION):| /);
  });

  it("cannot create a new property from CR/LF in location or description", () => {
    const lines = unfold(
      buildIcs(event({ location: "Telefon\nSTATUS:CANCELLED", description: "x\r\nORGANIZER:mailto:evil@x\rMETHOD:CANCEL" })),
    );
    expect(values(lines, "STATUS")).toEqual(["CONFIRMED"]);
    expect(values(lines, "ORGANIZER")).toEqual(["mailto:mara@example.com"]);
    expect(values(lines, "METHOD")).toEqual(["REQUEST"]);
  });

  it("strips quotes and control characters from CN parameters", () => {
    const lines = unfold(
      buildIcs(event({ attendee: { name: 'Max "The Back" Müller\r\nATTENDEE:mailto:evil@x', email: "max@example.com" } })),
    );
    const attendees = lines.filter((l) => l.startsWith("ATTENDEE"));
    expect(attendees).toHaveLength(1);
    expect(attendees[0]).toMatch(/^ATTENDEE;CN="Max The Back Müller ATTENDEE:mailto:evil@x";ROLE=/);
    expect(attendees[0]!.endsWith(":mailto:max@example.com")).toBe(true);
  });

  it("rejects CR/LF in structural fields", () => {
    expect(() => buildIcs(event({ uid: "x\r\nATTENDEE:mailto:evil@x" }))).toThrow(RangeError);
    expect(() => buildIcs(event({ url: "https://example.com/\r\nX:1" }))).toThrow(RangeError);
    expect(() => buildIcs(event({ attendee: { name: "Max", email: "max@example.com\r\nX:1" } }))).toThrow(RangeError);
    expect(() => buildIcs(event({ organizer: { name: "Mara", email: "not an email" } }))).toThrow(RangeError);
    expect(() => buildIcs(event({ timeZone: "Europe/Berlin\r\nX:1" }))).toThrow(RangeError);
  });
});

describe("buildIcs: folding", () => {
  const description =
    "Liebe Frau Müller, schön, dass Sie sich für ein Erstgespräch entschieden haben! 😀 " +
    "Bitte halten Sie Ihre Befunde bereit; wir besprechen Übungen für Rücken, Schultern und Hüfte. " +
    "Größe, Gewicht und Beschwerden (äöüß ÄÖÜ) notieren.\nBis bald — Mara 🌿🧘‍♀️";

  it("keeps every physical line at most 75 octets", () => {
    const text = buildIcs(event({ description, summary: "Ü".repeat(100), location: "😀".repeat(40) }));
    const physical = text.split("\r\n");
    expect(physical.length).toBeGreaterThan(unfold(text).length);
    for (const line of physical) expect(utf8Bytes(line)).toBeLessThanOrEqual(75);
  });

  it("never splits a multi-byte character", () => {
    const text = buildIcs(event({ description, summary: "Ü".repeat(100), location: "😀".repeat(40) }));
    // Each physical line must be valid UTF-8 on its own.
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for (const line of text.split("\r\n")) {
      const bytes = new TextEncoder().encode(line);
      expect(decoder.decode(bytes)).toBe(line);
      expect(line).not.toMatch(/[\ud800-\udbff]$|^ ?[\udc00-\udfff]/);
    }
  });

  it("restores the long UTF-8 description exactly when unfolded", () => {
    const lines = unfold(buildIcs(event({ description })));
    expect(unescapeText(value(lines, "DESCRIPTION")!)).toBe(description);
  });

  it("folds with CRLF and a single space", () => {
    const text = buildIcs(event({ description: "a".repeat(200) }));
    expect(text).toContain(`DESCRIPTION:${"a".repeat(63)}\r\n ${"a".repeat(74)}\r\n ${"a".repeat(63)}\r\n`);
  });
});

describe("buildIcs: alarm and cancellation", () => {
  it("adds a display alarm 60 minutes before by default", () => {
    const lines = unfold(buildIcs(event()));
    const alarms = blocks(lines, "VALARM");
    expect(alarms).toHaveLength(1);
    expect(value(alarms[0]!, "ACTION")).toBe("DISPLAY");
    expect(value(alarms[0]!, "TRIGGER")).toBe("-PT60M");
    expect(value(alarms[0]!, "DESCRIPTION")).toBeTruthy();
  });

  it("uses the given alarm lead time", () => {
    const alarms = blocks(unfold(buildIcs(event({ alarmMinutesBefore: 1440 }))), "VALARM");
    expect(value(alarms[0]!, "TRIGGER")).toBe("-PT1440M");
    expect(() => buildIcs(event({ alarmMinutesBefore: -5 }))).toThrow(RangeError);
  });

  it("writes a CANCEL with STATUS:CANCELLED and no alarm", () => {
    const lines = unfold(buildIcs(event({ method: "CANCEL", sequence: 2 })));
    expect(values(lines, "METHOD")).toEqual(["CANCEL"]);
    expect(value(lines, "STATUS")).toBe("CANCELLED");
    expect(value(lines, "SEQUENCE")).toBe("2");
    expect(value(lines, "UID")).toBe("appt-123@rueckenwind-coaching");
    expect(blocks(lines, "VALARM")).toEqual([]);
    expect(lines.some((l) => l.includes("VALARM") || l.startsWith("TRIGGER"))).toBe(false);
    expect(values(lines, "ATTENDEE")).toEqual(["mailto:max@example.com"]);
  });
});

describe("icsAttachment", () => {
  const decode = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));

  it("returns termin.ics with method=REQUEST and base64 UTF-8 content", () => {
    const e = event({ description: "Rückenschmerzen 😀" });
    const attachment = icsAttachment(e);
    expect(attachment.filename).toBe("termin.ics");
    expect(attachment.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(attachment.content).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(decode(attachment.content)).toBe(buildIcs(e));
  });

  it("returns absage.ics with method=CANCEL", () => {
    const e = event({ method: "CANCEL", sequence: 1 });
    const attachment = icsAttachment(e);
    expect(attachment.filename).toBe("absage.ics");
    expect(attachment.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
    expect(decode(attachment.content)).toBe(buildIcs(e));
  });
});
