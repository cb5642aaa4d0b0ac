import { z } from "zod";
import { journalReminderSchema } from "@/lib/reminders/schemas";
import { uuidSchema } from "@/lib/sql/uuid";

/** A whole number from a form field; an empty field is no answer (not 0, which Number("") would make it). */
const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message),
  );
const scale = (message: string) => wholeNumber(0, 10, message);
const phq = wholeNumber(0, 3, "Bitte wähle eine Antwort.");

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
  weekday: wholeNumber(1, 7, "Bitte wähle einen Wochentag."),
  // The hour and the zone as the journal reminder takes them: one rule for both reminders.
  hour: journalReminderSchema.shape.hour,
  timeZone: journalReminderSchema.shape.timeZone,
});
export type WeeklyCheckinInput = z.infer<typeof weeklyCheckinSchema>;

/** The coach's "ask for a new baseline" button: the client's id, bound in a hidden field. */
export const requestBaselineSchema = z.object({ clientId: uuidSchema });
