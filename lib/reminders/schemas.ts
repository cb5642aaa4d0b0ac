import { z } from "zod";

/** Whether a name is an IANA time zone this runtime knows ("Europe/Berlin", "America/New_York"). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(name) && name !== "UTC") return false;
  try {
    new Intl.DateTimeFormat("de-DE", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The client's daily journal reminder, as the form sends it. */
export const journalReminderSchema = z.object({
  enabled: z.boolean(),
  hour: z.coerce
    .number({ error: "Bitte wähle eine Uhrzeit." })
    .int("Bitte wähle eine Uhrzeit.")
    .min(0, "Bitte wähle eine Uhrzeit.")
    .max(23, "Bitte wähle eine Uhrzeit."),
  timeZone: z.string().max(64).refine(isTimeZone, "Diese Zeitzone kenne ich nicht."),
});
export type JournalReminderInput = z.infer<typeof journalReminderSchema>;
