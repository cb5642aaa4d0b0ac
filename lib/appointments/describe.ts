import { shortWhen } from "@/lib/time/format";

/** "Erstgespräch mit Nora Neu am Do., 3. Dezember, 10:00" */
export function describeAppointment(
  a: { kind: "consultation" | "session"; name: string; startAt: Date; typeName?: string | null },
  timeZone: string,
): string {
  const what = a.kind === "consultation" ? "Erstgespräch" : a.typeName || "Coaching";
  return `${what} mit ${a.name} am ${shortWhen(a.startAt, timeZone)}`;
}
