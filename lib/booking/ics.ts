/**
 * RFC 5545 iCalendar invitations (iTIP REQUEST / CANCEL, RFC 5546) for appointments.
 *
 * Pure module: no I/O, no dependencies beyond the platform's Intl. The VTIMEZONE is
 * derived from the offsets Intl reports for the zone, so it matches the runtime's tz data.
 */

export type IcsEvent = {
  uid: string; // stable per appointment, e.g. "<appointment-id>@rueckenwind-coaching"
  sequence: number; // 0 on creation, raised on every change
  method: "REQUEST" | "CANCEL";
  start: Date; // UTC instant
  end: Date; // UTC instant
  timeZone: string; // IANA zone of the practice, e.g. "Europe/Berlin": DTSTART/DTEND are written in it with TZID
  summary: string; // German, e.g. "Kostenloses Erstgespräch mit Mara Lindner"
  description?: string; // may contain newlines, commas, semicolons, backslashes, umlauts
  location?: string; // e.g. a video link or "Telefon"
  url?: string; // e.g. the manage link
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  alarmMinutesBefore?: number; // default 60: a VALARM with ACTION:DISPLAY and TRIGGER:-PT60M (omit on CANCEL)
  now?: Date; // DTSTAMP, defaults to new Date()
};

const PRODID = "-//Rueckenwind Coaching//Praxis//DE";
const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;
const DEFAULT_ALARM_MINUTES = 60;

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/** The whole VCALENDAR text with CRLF line endings, lines folded at 75 octets (UTF-8 aware, never splitting a multi-byte character). */
export function buildIcs(event: IcsEvent): string {
  const method = event.method;
  if (method !== "REQUEST" && method !== "CANCEL") throw new TypeError(`ics: unsupported method ${String(method)}`);

  const uid = structuralValue("uid", event.uid);
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) {
    throw new RangeError("ics: sequence must be a non-negative integer");
  }
  const start = validInstant("start", event.start);
  const end = validInstant("end", event.end);
  if (end.getTime() <= start.getTime()) throw new RangeError("ics: end must be after start");
  const now = event.now === undefined ? new Date() : validInstant("now", event.now);

  const zone = resolveZone(event.timeZone);
  const organizerEmail = emailValue("organizer.email", event.organizer.email);
  const attendeeEmail = emailValue("attendee.email", event.attendee.email);
  const url = event.url === undefined ? undefined : uriValue("url", event.url);

  const alarmMinutes = event.alarmMinutesBefore ?? DEFAULT_ALARM_MINUTES;
  if (!Number.isSafeInteger(alarmMinutes) || alarmMinutes < 0) {
    throw new RangeError("ics: alarmMinutesBefore must be a non-negative integer");
  }

  const summary = singleLineText(event.summary);
  const tzid = paramValue(zone.name);

  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    ...vtimezone(zone, start, end),
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${formatUtc(now)}`,
    `DTSTART;TZID=${tzid}:${formatLocal(zone, start)}`,
    `DTEND;TZID=${tzid}:${formatLocal(zone, end)}`,
    `SUMMARY:${summary}`,
  ];
  if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location !== undefined) lines.push(`LOCATION:${singleLineText(event.location)}`);
  if (url !== undefined) lines.push(`URL:${url}`);
  lines.push(`ORGANIZER${cnParam(event.organizer.name)}:mailto:${organizerEmail}`);
  const attendeeParams = [
    cnParam(event.attendee.name),
    ";ROLE=REQ-PARTICIPANT",
    method === "REQUEST" ? ";PARTSTAT=NEEDS-ACTION" : "",
    ";RSVP=FALSE",
  ].join("");
  lines.push(`ATTENDEE${attendeeParams}:mailto:${attendeeEmail}`);
  lines.push(`STATUS:${method === "REQUEST" ? "CONFIRMED" : "CANCELLED"}`, "TRANSP:OPAQUE");
  if (method === "REQUEST") {
    lines.push("BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${summary}`, `TRIGGER:-PT${alarmMinutes}M`, "END:VALARM");
  }
  lines.push("END:VEVENT", "END:VCALENDAR");

  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** The same as an email attachment: { filename: "termin.ics" (or "absage.ics" for CANCEL), contentType: 'text/calendar; charset=utf-8; method=REQUEST' (or CANCEL), content: base64 of the UTF-8 text }. */
export function icsAttachment(event: IcsEvent): { filename: string; contentType: string; content: string } {
  const text = buildIcs(event);
  return {
    filename: event.method === "CANCEL" ? "absage.ics" : "termin.ics",
    contentType: `text/calendar; charset=utf-8; method=${event.method}`,
    content: base64Utf8(text),
  };
}

/** One appointment in a subscription feed: no METHOD, no attendees to invite, just the event. */
export type FeedEvent = {
  uid: string;
  sequence: number;
  start: Date; // UTC instant
  end: Date; // UTC instant
  status: "CONFIRMED" | "TENTATIVE";
  summary: string;
  description?: string;
  location?: string;
  url?: string;
};

export type IcsFeed = {
  name: string; // X-WR-CALNAME, e.g. "Rückenwind Coaching: Termine"
  timeZone: string; // events are written in this zone with TZID
  events: FeedEvent[];
  now?: Date; // DTSTAMP, defaults to new Date()
};

/**
 * A published calendar (METHOD:PUBLISH) with many events, for a subscription URL. One VTIMEZONE
 * covers the years from the earliest start to the latest end.
 */
export function buildIcsFeed(feed: IcsFeed): string {
  const zone = resolveZone(feed.timeZone);
  const tzid = paramValue(zone.name);
  const now = feed.now === undefined ? new Date() : validInstant("now", feed.now);
  const events = feed.events.map((event) => {
    const start = validInstant("start", event.start);
    const end = validInstant("end", event.end);
    if (end.getTime() <= start.getTime()) throw new RangeError("ics: end must be after start");
    if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) throw new RangeError("ics: sequence must be a non-negative integer");
    return { ...event, start, end };
  });
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${singleLineText(feed.name)}`,
    `X-WR-TIMEZONE:${zone.name}`,
    "REFRESH-INTERVAL;VALUE=DURATION:PT15M",
    "X-PUBLISHED-TTL:PT15M",
  ];
  if (events.length > 0) {
    const first = new Date(Math.min(...events.map((e) => e.start.getTime())));
    const last = new Date(Math.max(...events.map((e) => e.end.getTime())));
    lines.push(...vtimezone(zone, first, last));
  }
  for (const event of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${structuralValue("uid", event.uid)}`,
      `SEQUENCE:${event.sequence}`,
      `DTSTAMP:${formatUtc(now)}`,
      `DTSTART;TZID=${tzid}:${formatLocal(zone, event.start)}`,
      `DTEND;TZID=${tzid}:${formatLocal(zone, event.end)}`,
      `SUMMARY:${singleLineText(event.summary)}`,
    );
    if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location !== undefined && event.location.trim() !== "") lines.push(`LOCATION:${singleLineText(event.location)}`);
    if (event.url !== undefined) lines.push(`URL:${uriValue("url", event.url)}`);
    lines.push(`STATUS:${event.status}`, "TRANSP:OPAQUE", "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}

// ---------------------------------------------------------------------------
// Validation and escaping
// ---------------------------------------------------------------------------

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARS_EXCEPT_TAB = /[\u0000-\u0008\u000a-\u001f\u007f]/g;
const CONTROL_CHARS_ALL = /[\u0000-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const LINE_BREAKS = /\r\n|\r|\n/g;

function validInstant(field: string, value: Date): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new RangeError(`ics: ${field} is not a valid date`);
  return value;
}

/** Values that are written verbatim (UID): no control characters at all, so no CR/LF injection. */
function structuralValue(field: string, value: string): string {
  if (typeof value !== "string" || value.length === 0) throw new TypeError(`ics: ${field} must be a non-empty string`);
  if (CONTROL_CHARS.test(value)) throw new RangeError(`ics: ${field} must not contain control characters (CR/LF)`);
  return value.replace(LONE_SURROGATE, "\ufffd");
}

function emailValue(field: string, value: string): string {
  const email = structuralValue(field, value).trim();
  // Conservative: the address becomes part of a mailto: URI without further encoding.
  if (!/^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+$/.test(email)) throw new RangeError(`ics: ${field} is not a valid email address`);
  return email;
}

function uriValue(field: string, value: string): string {
  const uri = structuralValue(field, value);
  if (/\s/.test(uri)) throw new RangeError(`ics: ${field} must not contain whitespace`);
  try {
    new URL(uri);
  } catch {
    throw new RangeError(`ics: ${field} is not an absolute URL`);
  }
  return uri;
}

/** TEXT value per RFC 5545 3.3.11: escape backslash, semicolon, comma and line breaks; drop other control characters. */
function escapeText(value: string): string {
  return value
    .replace(LONE_SURROGATE, "\ufffd")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(LINE_BREAKS, "\\n")
    .replace(CONTROL_CHARS_EXCEPT_TAB, "");
}

/** TEXT value for single-line fields (SUMMARY, LOCATION): line breaks become a space, then escaped. */
function singleLineText(value: string): string {
  return escapeText(value.replace(/\s*(?:\r\n|\r|\n)\s*/g, " ").trim());
}

/** `;CN="..."` with characters not allowed in a quoted parameter (DQUOTE, controls) removed; empty when nothing is left. */
function cnParam(name: string): string {
  const cleaned = name.replace(LONE_SURROGATE, "\ufffd").replace(CONTROL_CHARS_ALL, " ").replace(/"/g, "").replace(/\s+/g, " ").trim();
  return cleaned ? `;CN="${cleaned}"` : "";
}

/** A parameter value, quoted when it contains characters that are not allowed unquoted. */
function paramValue(value: string): string {
  if (/["\u0000-\u001f\u007f]/.test(value)) throw new RangeError("ics: parameter value contains forbidden characters");
  return /[;:,]/.test(value) ? `"${value}"` : value;
}

// ---------------------------------------------------------------------------
// Folding and encoding
// ---------------------------------------------------------------------------

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Folds one content line at 75 octets: CRLF + a single space, never inside a UTF-8 sequence. */
function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // continuation lines start with one space
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

// ---------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------

type Zone = { name: string; format: Intl.DateTimeFormat };

const zoneCache = new Map<string, Zone>();

function resolveZone(timeZone: string): Zone {
  if (typeof timeZone !== "string" || timeZone.length === 0 || CONTROL_CHARS.test(timeZone)) {
    throw new RangeError("ics: timeZone must be an IANA time zone name");
  }
  const cached = zoneCache.get(timeZone);
  if (cached) return cached;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
  } catch {
    throw new RangeError(`ics: unknown time zone ${JSON.stringify(timeZone)}`);
  }
  const zone = { name: format.resolvedOptions().timeZone, format };
  zoneCache.set(timeZone, zone);
  return zone;
}

/** UTC offset of the zone at the instant, in whole seconds (east of Greenwich positive). */
function offsetSeconds(zone: Zone, epochSeconds: number): number {
  const fields: Record<string, string> = {};
  for (const part of zone.format.formatToParts(new Date(epochSeconds * 1000))) fields[part.type] = part.value;
  let year = Number(fields.year);
  if (fields.era === "BC" || fields.era === "B") year = 1 - year;
  const wall = Date.UTC(
    year,
    Number(fields.month) - 1,
    Number(fields.day),
    Number(fields.hour),
    Number(fields.minute),
    Number(fields.second),
  );
  // Date.UTC maps years 0..99 to 1900..1999; irrelevant for appointment dates but keep it exact.
  const fixed = year >= 0 && year < 100 ? new Date(wall).setUTCFullYear(year) : wall;
  return Math.round(fixed / 1000) - epochSeconds;
}

/** Broken-down wall-clock fields of an instant shifted by an offset. */
function wallClock(epochSeconds: number, offset: number) {
  const d = new Date((epochSeconds + offset) * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function formatFields(f: { year: number; month: number; day: number; hour: number; minute: number; second: number }): string {
  return `${pad(f.year, 4)}${pad(f.month)}${pad(f.day)}T${pad(f.hour)}${pad(f.minute)}${pad(f.second)}`;
}

function formatUtc(date: Date): string {
  return `${formatFields(wallClock(Math.floor(date.getTime() / 1000), 0))}Z`;
}

/** YYYYMMDDTHHMMSS wall-clock time of the instant in the zone. */
function formatLocal(zone: Zone, date: Date): string {
  const seconds = Math.floor(date.getTime() / 1000);
  return formatFields(wallClock(seconds, offsetSeconds(zone, seconds)));
}

function formatOffset(offset: number): string {
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const hhmm = `${pad(Math.floor(abs / 3600))}${pad(Math.floor((abs % 3600) / 60))}`;
  return abs % 60 === 0 ? `${sign}${hhmm}` : `${sign}${hhmm}${pad(abs % 60)}`;
}

/** A short display name for TZNAME: a real abbreviation (CET, EDT, BST, UTC) when Intl knows one, else "GMT+9" style. */
function zoneAbbreviation(zone: Zone, epochSeconds: number): string {
  let fallback = "";
  for (const locale of ["en-US", "en-GB"]) {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone.name, timeZoneName: "short" })
      .formatToParts(new Date(epochSeconds * 1000))
      .find((p) => p.type === "timeZoneName")?.value;
    if (!name) continue;
    if (!/^(GMT|UTC)[+-]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback || formatOffset(offsetSeconds(zone, epochSeconds));
}

type Transition = { at: number; from: number; to: number };

const DAY = 86_400;

/** All offset changes in [from, to), found by sampling every 12 hours and bisecting to the second. */
function findTransitions(zone: Zone, from: number, to: number): Transition[] {
  const step = DAY / 2;
  const result: Transition[] = [];
  let prevTime = from;
  let prevOffset = offsetSeconds(zone, from);
  for (let t = from + step; t <= to; t += step) {
    const offset = offsetSeconds(zone, t);
    if (offset !== prevOffset) {
      let lo = prevTime; // offset(lo) === prevOffset
      let hi = t; // offset(hi) !== prevOffset
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetSeconds(zone, mid) === prevOffset) lo = mid;
        else hi = mid;
      }
      result.push({ at: hi, from: prevOffset, to: offsetSeconds(zone, hi) });
    }
    prevTime = t;
    prevOffset = offset;
  }
  return result;
}

const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;

type Rule = { month: number; weekday: number; ordinal: number; time: string };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Describes the transition's local date as "n-th (or last) weekday of month" at a given local time. */
function ruleOf(t: Transition): Rule {
  const local = wallClock(t.at, t.from);
  const last = local.day + 7 > daysInMonth(local.year, local.month);
  return {
    month: local.month,
    weekday: local.weekday,
    ordinal: last ? -1 : Math.ceil(local.day / 7),
    time: `${pad(local.hour)}${pad(local.minute)}${pad(local.second)}`,
  };
}

/** Whether the transition happened on the rule's date and local time. */
function matchesRule(t: Transition, rule: Rule): boolean {
  const local = wallClock(t.at, t.from);
  if (local.month !== rule.month || local.weekday !== rule.weekday) return false;
  if (`${pad(local.hour)}${pad(local.minute)}${pad(local.second)}` !== rule.time) return false;
  const dim = daysInMonth(local.year, local.month);
  return rule.ordinal === -1 ? local.day + 7 > dim : Math.ceil(local.day / 7) === rule.ordinal;
}

function rrule(rule: Rule): string {
  return `FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.ordinal}${WEEKDAYS[rule.weekday] ?? "SU"}`;
}

/**
 * VTIMEZONE for the zone, correct for the event's year(s).
 *
 * Offsets come from Intl: transitions are located from January 1st of the year before the
 * event up to the end of the event's year. Transitions with the same offsets that recur on
 * the same "n-th / last weekday of month" in consecutive years are written once with a yearly
 * RRULE starting at the earliest occurrence (so the event's whole year is covered by an onset);
 * anything irregular is written as a single onset. Zones without changes get a single STANDARD.
 */
function vtimezone(zone: Zone, start: Date, end: Date): readonly string[] {
  const startYear = start.getUTCFullYear();
  const endYear = end.getUTCFullYear();
  const key = `${zone.name}|${startYear}|${endYear}`;
  const cached = vtimezoneCache.get(key);
  if (cached) return cached;
  const lines = computeVtimezone(zone, start, startYear, endYear);
  if (vtimezoneCache.size >= 64) vtimezoneCache.clear();
  vtimezoneCache.set(key, lines);
  return lines;
}

const vtimezoneCache = new Map<string, readonly string[]>();

function computeVtimezone(zone: Zone, start: Date, startYear: number, endYear: number): string[] {
  const from = Date.UTC(startYear - 1, 0, 1) / 1000;
  const to = Date.UTC(endYear + 1, 0, 1) / 1000;
  const transitions = findTransitions(zone, from, to);

  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone.name}`];
  if (transitions.length === 0) {
    const at = Math.floor(start.getTime() / 1000);
    const offset = offsetSeconds(zone, at);
    lines.push(
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      `TZOFFSETFROM:${formatOffset(offset)}`,
      `TZOFFSETTO:${formatOffset(offset)}`,
      `TZNAME:${escapeText(zoneAbbreviation(zone, at))}`,
      "END:STANDARD",
    );
    lines.push("END:VTIMEZONE");
    return lines;
  }

  // Group recurring transitions: same offsets, same rule, consecutive years.
  type Group = { first: Transition; last: Transition; rule: Rule; count: number };
  const groups: Group[] = [];
  for (const t of transitions) {
    const year = wallClock(t.at, t.from).year;
    const group = groups.find(
      (g) =>
        g.first.from === t.from && g.first.to === t.to && wallClock(g.last.at, g.last.from).year === year - 1 && matchesRule(t, g.rule),
    );
    if (group) {
      group.last = t;
      group.count += 1;
    } else {
      groups.push({ first: t, last: t, rule: ruleOf(t), count: 1 });
    }
  }

  for (const g of groups) {
    const { first } = g;
    // DAYLIGHT: the offset goes up and comes back down within the window.
    const daylight = first.to > first.from && transitions.some((t) => t.from === first.to && t.to === first.from);
    const kind = daylight ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${formatFields(wallClock(first.at, first.from))}`,
      `TZOFFSETFROM:${formatOffset(first.from)}`,
      `TZOFFSETTO:${formatOffset(first.to)}`,
    );
    if (g.count > 1) {
      // Stop the rule if the same offset change later follows a different pattern inside the window.
      const superseded = transitions.some((t) => t.at > g.last.at && t.from === first.from && t.to === first.to);
      lines.push(`RRULE:${rrule(g.rule)}${superseded ? `;UNTIL=${formatFields(wallClock(g.last.at, 0))}Z` : ""}`);
    }
    lines.push(`TZNAME:${escapeText(zoneAbbreviation(zone, first.at))}`, `END:${kind}`);
  }
  lines.push("END:VTIMEZONE");
  return lines;
}
