/** How the coach's pages and messages name a session's time in the practice zone: "Do., 3. Dezember, 10:00". */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const timeFormatters = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions) {
  let f = map.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("de-DE", { ...options, timeZone });
    map.set(timeZone, f);
  }
  return f;
}

export function shortWhen(instant: Date, timeZone: string): string {
  const date = cached(dateFormatters, timeZone, { weekday: "short", day: "numeric", month: "long" }).format(instant);
  const time = cached(timeFormatters, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
  return `${date}, ${time}`;
}

/** "Erstgespräch mit Nora Neu am Do., 3. Dezember, 10:00" */
export function describeAppointment(
  a: { kind: "consultation" | "session"; name: string; startAt: Date; typeName?: string | null },
  timeZone: string,
): string {
  const what = a.kind === "consultation" ? "Erstgespräch" : a.typeName || "Coaching";
  return `${what} mit ${a.name} am ${shortWhen(a.startAt, timeZone)}`;
}

export const channelText = { video: "per Video", phone: "per Telefon", in_person: "vor Ort" } as const;

/** The practice date and "HH:MM" of an instant, as the date and time inputs want them. */
export function practiceClock(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}
