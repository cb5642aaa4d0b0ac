const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let f = cache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("de-DE", {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
    });
    cache.set(timeZone, f);
  }
  return f;
}

/** "Dienstag, 1. Dezember 2026 um 10:00 Uhr (Europe/Berlin)": how emails and pages name a time. */
export function formatAppointmentTime(start: Date, timeZone: string, { withZone = true } = {}): string {
  return `${formatter(timeZone).format(start)} Uhr${withZone ? ` (${timeZone})` : ""}`;
}
