import { formatAppointmentTime, formatClock } from "@/lib/time/format";
import { practiceDate } from "@/lib/time/zone";

/** The city of a zone as people say it: "Berlin" for Europe/Berlin, "New York" for America/New_York. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split("/").at(-1) ?? timeZone).replaceAll("_", " ");
}

/**
 * An appointment's time for the person who booked it. In the practice's zone; when the booker's
 * zone shows another wall time, theirs too: "Dienstag, 1. Dezember 2026 um 10:00 Uhr in Berlin,
 * 04:00 Uhr bei dir (America/New_York)", with their own date when it is another day.
 */
export function bookerWhen(start: Date, practiceZone: string, bookerZone: string | null | undefined): string {
  const practice = formatAppointmentTime(start, practiceZone, { withZone: false });
  if (!bookerZone || bookerZone === practiceZone) return formatAppointmentTime(start, practiceZone);
  const theirs = formatAppointmentTime(start, bookerZone, { withZone: false });
  if (theirs === practice) return formatAppointmentTime(start, practiceZone);
  const sameDay = practiceDate(start, bookerZone) === practiceDate(start, practiceZone);
  return `${practice} in ${zoneCity(practiceZone)}, ${sameDay ? `${formatClock(start, bookerZone)} Uhr` : theirs} bei dir (${bookerZone})`;
}
