import ICAL from "ical.js";
import { parseDateOrThrow } from "@/lib/time/dates";
import { startOfPracticeDate, wallClockToUtcMs } from "@/lib/time/zone";
import { ianaZone } from "./windows-zones";

/*
 * Busy intervals out of iCalendar text, for one window of time (pure: no I/O, no clock).
 * Recurrences are expanded by ical.js (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides); wall
 * times become instants here, by the TZID of the event's own DTSTART/DTEND: an IANA name, a
 * Windows name (Outlook, often without VTIMEZONE), or a VTIMEZONE of the file; floating times
 * and dates are read in the practice zone. Transparent and cancelled events do not block.
 * Throws CalendarTooComplexError past the bounds below.
 */

export type BusyInterval = { start: Date; end: Date; uid: string; title: string | null; allDay: boolean };

/** UIDs and the property our write-back uses: our own events are never someone's busy time. */
export const OWN_UID_PREFIX = "praxis-termin-";
export const OWN_PROPERTY = "x-praxis-appointment";

/*
 * Bounds on the work one calendar can cause (anyone who can put an event into it, e.g. with an
 * invitation, controls its rules). Daily and weekly series are first moved close to the window
 * (below), so a real calendar stays far below these; past them the whole calendar fails closed
 * (CalendarTooComplexError: the last known busy times keep applying and the coach is told)
 * rather than silently dropping events. Rules more often than daily are no one's appointments
 * and are ignored.
 */
const MAX_STEPS_PER_EVENT = 5_000;
const MAX_STEPS_PER_CALENDAR = 100_000;
const MAX_INTERVALS = 20_000;
const DAY_MS = 86_400_000;

export class CalendarTooComplexError extends Error {
  constructor() {
    super("Der Kalender enthält zu viele oder zu häufige Serientermine, um ihn zu lesen. Die zuletzt gelesenen Zeiten gelten weiter.");
  }
}

/**
 * Moves a daily or weekly series without COUNT forward by whole periods to just before the
 * window, so its iteration starts there instead of at a DTSTART decades ago. Whole periods keep
 * the grid: the same weekdays and wall times, so EXDATE and RECURRENCE-ID still match.
 * Returns false for rules ical.js should not expand at all (more often than daily).
 */
function nearWindow(master: ICAL.Component, event: ICAL.Event, from: number): boolean {
  const rule = master.getFirstPropertyValue("rrule");
  if (!(rule instanceof ICAL.Recur)) return true;
  if (rule.freq === "SECONDLY" || rule.freq === "MINUTELY" || rule.freq === "HOURLY") return false;
  if (rule.count || (rule.freq !== "DAILY" && rule.freq !== "WEEKLY")) return true;
  const periodDays = Math.max(1, rule.interval || 1) * (rule.freq === "WEEKLY" ? 7 : 1);
  const start = event.startDate;
  const lengthDays = Math.ceil(Math.max(0, event.endDate.toUnixTime() - start.toUnixTime()) / 86_400) + 2;
  const periods = Math.floor((from - start.toUnixTime() * 1000) / DAY_MS / periodDays) - Math.ceil(lengthDays / periodDays);
  if (periods <= 0) return true;
  const shift = (name: "dtstart" | "dtend") => {
    const property = master.getFirstProperty(name);
    const value = property?.getFirstValue();
    if (!property || !(value instanceof ICAL.Time)) return;
    const moved = value.clone();
    moved.adjust(periods * periodDays, 0, 0, 0);
    property.setValue(moved);
  };
  shift("dtstart");
  shift("dtend");
  return true;
}

type Zones = Map<string, ICAL.Timezone>;

function instant(time: ICAL.Time, tzid: string | null, zones: Zones, practiceZone: string): number {
  if (time.isDate) return startOfPracticeDate(time.toString().slice(0, 10), practiceZone).getTime();
  if (time.zone === ICAL.Timezone.utcTimezone) return time.toUnixTime() * 1000;
  const date = { year: time.year, month: time.month, day: time.day };
  const zone = ianaZone(tzid);
  if (zone) return wallClockToUtcMs(date, time.hour, time.minute, time.second, zone);
  const vtimezone = tzid ? zones.get(tzid) : undefined;
  if (vtimezone) {
    const local = new ICAL.Time({ ...date, hour: time.hour, minute: time.minute, second: time.second, isDate: false }, vtimezone);
    return local.toUnixTime() * 1000;
  }
  parseDateOrThrow(time.toString().slice(0, 10));
  return wallClockToUtcMs(date, time.hour, time.minute, time.second, practiceZone);
}

function tzidOf(component: ICAL.Component, name: "dtstart" | "dtend"): string | null {
  const value = component.getFirstProperty(name)?.getParameter("tzid");
  return typeof value === "string" ? value : null;
}

function blocks(component: ICAL.Component): boolean {
  const transp = String(component.getFirstPropertyValue("transp") ?? "").toUpperCase();
  const status = String(component.getFirstPropertyValue("status") ?? "").toUpperCase();
  return transp !== "TRANSPARENT" && status !== "CANCELLED";
}

export function isOwnEvent(component: ICAL.Component): boolean {
  const uid = String(component.getFirstPropertyValue("uid") ?? "");
  return uid.startsWith(OWN_UID_PREFIX) || component.hasProperty(OWN_PROPERTY);
}

/** The busy intervals that overlap [from, until), sorted by start; texts that do not parse add nothing. */
export function expandBusy(texts: string[], window: { from: Date; until: Date }, practiceZone: string): BusyInterval[] {
  const from = window.from.getTime();
  const until = window.until.getTime();
  const out: BusyInterval[] = [];
  const push = (item: ICAL.Component, start: ICAL.Time, end: ICAL.Time | null, zones: Zones) => {
    if (!blocks(item)) return;
    const startMs = instant(start, tzidOf(item, "dtstart"), zones, practiceZone);
    let endMs: number;
    if (end) endMs = instant(end, start.isDate ? null : (tzidOf(item, "dtend") ?? tzidOf(item, "dtstart")), zones, practiceZone);
    else if (start.isDate) {
      const next = start.clone();
      next.day += 1;
      endMs = instant(next, null, zones, practiceZone);
    } else endMs = startMs;
    if (endMs <= startMs || endMs <= from || startMs >= until) return;
    const summary = item.getFirstPropertyValue("summary");
    out.push({
      start: new Date(startMs),
      end: new Date(endMs),
      uid: String(item.getFirstPropertyValue("uid") ?? "").slice(0, 500),
      title: typeof summary === "string" ? summary.slice(0, 200) : null,
      allDay: start.isDate,
    });
  };

  let steps = 0;
  for (const text of texts) {
    let root: ICAL.Component;
    try {
      root = new ICAL.Component(ICAL.parse(text));
    } catch {
      continue;
    }
    const zones: Zones = new Map();
    for (const vtz of root.getAllSubcomponents("vtimezone")) {
      const tzid = vtz.getFirstPropertyValue("tzid");
      if (typeof tzid === "string") zones.set(tzid, new ICAL.Timezone(vtz));
    }
    const byUid = new Map<string, { master?: ICAL.Component; exceptions: ICAL.Component[] }>();
    for (const vevent of root.getAllSubcomponents("vevent")) {
      if (isOwnEvent(vevent)) continue;
      const uid = String(vevent.getFirstPropertyValue("uid") ?? "");
      const entry = byUid.get(uid) ?? { exceptions: [] };
      if (vevent.hasProperty("recurrence-id")) entry.exceptions.push(vevent);
      else entry.master = vevent;
      byUid.set(uid, entry);
    }
    for (const { master, exceptions } of byUid.values()) {
      try {
        if (!master) {
          // Only overrides (an invitation to one instance): each is an event of its own.
          for (const e of exceptions) {
            const ev = new ICAL.Event(e);
            push(e, ev.startDate, ev.endDate ?? null, zones);
          }
          continue;
        }
        // ical.js relates the overrides (same UID, same VCALENDAR) to their master by itself.
        const event = new ICAL.Event(master);
        if (!event.isRecurring()) {
          push(master, event.startDate, master.hasProperty("dtend") || master.hasProperty("duration") ? event.endDate : null, zones);
          continue;
        }
        if (!nearWindow(master, event, from)) continue;
        const moved = new ICAL.Event(master);
        const hasEnd = master.hasProperty("dtend") || master.hasProperty("duration");
        const iterator = moved.iterator();
        for (let step = 0, next = iterator.next(); next; step++, next = iterator.next()) {
          if (step >= MAX_STEPS_PER_EVENT || ++steps > MAX_STEPS_PER_CALENDAR) throw new CalendarTooComplexError();
          const details = moved.getOccurrenceDetails(next);
          const item = details.item.component;
          // Generated occurrences are compared by their wall time; a day of slack covers any zone.
          if (next.toUnixTime() * 1000 > until + DAY_MS) break;
          push(item, details.startDate, hasEnd || item !== master ? details.endDate : null, zones);
          if (out.length > MAX_INTERVALS) throw new CalendarTooComplexError();
        }
      } catch (error) {
        if (error instanceof CalendarTooComplexError) throw error;
        // One malformed event must not hide the others.
      }
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}
