import { z } from "zod";
import { isTimeZone } from "@/lib/reminders/schemas";

const scale = (message: string) => z.coerce.number({ error: message }).int(message).min(0, message).max(10, message);
const phq = z.coerce
  .number({ error: "Bitte wähle eine Antwort." })
  .int("Bitte wähle eine Antwort.")
  .min(0, "Bitte wähle eine Antwort.")
  .max(3, "Bitte wähle eine Antwort.");

/** One check-in as the form sends it: four 0–10 answers and the four PHQ-4 answers (0–3). */
export const checkinSchema = z.object({
  averagePain: scale("Bitte wähle einen Wert von 0 bis 10."),
  worstPain: scale("Bitte wähle einen Wert von 0 bis 10."),
  interference: scale("Bitte wähle einen Wert von 0 bis 10."),
  damageBelief: scale("Bitte wähle einen Wert von 0 bis 10."),
  phq1: phq,
  phq2: phq,
  phq3: phq,
  phq4: phq,
});
export type CheckinInput = z.infer<typeof checkinSchema>;

/** The weekly check-in email: on or off, which weekday (1 = Monday) and hour, in which zone. */
export const weeklyCheckinSchema = z.object({
  enabled: z.boolean(),
  weekday: z.coerce
    .number({ error: "Bitte wähle einen Wochentag." })
    .int("Bitte wähle einen Wochentag.")
    .min(1, "Bitte wähle einen Wochentag.")
    .max(7, "Bitte wähle einen Wochentag."),
  hour: z.coerce
    .number({ error: "Bitte wähle eine Uhrzeit." })
    .int("Bitte wähle eine Uhrzeit.")
    .min(0, "Bitte wähle eine Uhrzeit.")
    .max(23, "Bitte wähle eine Uhrzeit."),
  timeZone: z.string().max(64).refine(isTimeZone, "Diese Zeitzone kenne ich nicht."),
});
export type WeeklyCheckinInput = z.infer<typeof weeklyCheckinSchema>;
