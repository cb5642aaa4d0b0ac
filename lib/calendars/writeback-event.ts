import type { Appointment } from "@/db/schema";
import { OWN_PROPERTY, OWN_UID_PREFIX } from "./expand";

/*
 * The event written into the coach's own calendar: when, what kind, whose initials (full names
 * only when the coach turned them on), and a link into the portal. Nothing else: no message,
 * no note, no place a client wrote; the calendar provider sees only this.
 */

export function ownUid(appointmentId: string): string {
  return `${OWN_UID_PREFIX}${appointmentId}`;
}

/** "Anna Keller" → "A. K."; a single name → "A."; nothing usable → "". */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/u)
    .map((part) => [...part.replace(/[^\p{L}]/gu, "")][0])
    .filter(Boolean)
    .slice(0, 3)
    .map((letter) => `${letter!.toUpperCase()}.`)
    .join(" ");
}

export function eventTitle(appointment: Pick<Appointment, "kind" | "name">, fullNames: boolean): string {
  const kind = appointment.kind === "consultation" ? "Erstgespräch" : "Sitzung";
  const who = fullNames
    ? appointment.name
        .replace(/[\p{Cc}\p{Cf}]/gu, " ")
        .trim()
        .slice(0, 100)
    : initials(appointment.name);
  return who ? `${kind} · ${who}` : kind;
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
const escapeText = (s: string) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** RFC 5545 folding: lines of at most 75 octets, continued with a space. */
function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

export function writebackIcs(
  appointment: Pick<Appointment, "id" | "kind" | "name" | "startAt" | "endAt" | "clientId" | "sequence">,
  options: { fullNames: boolean; origin: string; now: Date },
): string {
  const link = `${options.origin}/coach/${appointment.clientId ? `klienten/${appointment.clientId}` : "termine"}`;
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Rueckenwind Coaching//Praxis//DE",
    "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    `UID:${ownUid(appointment.id)}`,
    `DTSTAMP:${stamp(options.now)}`,
    `DTSTART:${stamp(appointment.startAt)}`,
    `DTEND:${stamp(appointment.endAt)}`,
    `SEQUENCE:${appointment.sequence}`,
    `SUMMARY:${escapeText(eventTitle(appointment, options.fullNames))}`,
    `DESCRIPTION:${escapeText(`Im Praxis-Portal: ${link}`)}`,
    `URL:${link}`,
    "TRANSP:OPAQUE",
    `${OWN_PROPERTY.toUpperCase()}:${appointment.id}`,
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ]
    .map(fold)
    .join("\r\n");
}
