import { z } from "zod";
import { exerciseKinds, practiceFrequencies } from "@/db/schema";
import { isSingleLine, singleLineMessage } from "@/lib/validation/single-line";
import { isUuid } from "@/lib/sql/uuid";

export const NOTE_MAX = 500;
export const FEEDBACK_MAX = 1000;
export const MINUTES_MAX = 600;

/** Any control character but tab, CR and LF (which multi-line text keeps), and NUL above all. */
const noControl = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v);

/** A whole number typed into a form field, between `min` and `max`; anything else is `message`. */
const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^-?\d{1,6}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));

const scale = (label: string) => wholeNumber(0, 10, `Bitte wähle ${label} von 0 bis 10.`);

const multiLine = (label: string, max: number) =>
  z
    .string({ error: `${label}: bitte als Text.` })
    .max(max, `${label} ist zu lang (höchstens ${max.toLocaleString("de-DE")} Zeichen).`)
    .refine(noControl, `${label} enthält ungültige Zeichen.`);

const id = (message: string) => z.string({ error: message }).refine(isUuid, message);
const optionalId = (message: string) =>
  z
    .string({ error: message })
    .refine((v) => v === "" || isUuid(v), message)
    .transform((v) => (v === "" ? null : v));

export const frequencyLabel: Record<(typeof practiceFrequencies)[number], string> = {
  daily: "täglich",
  three_per_week: "3× pro Woche",
  weekly: "wöchentlich",
};

export const kindLabel: Record<(typeof exerciseKinds)[number], string> = {
  somatic_tracking: "Somatic Tracking",
  safety_reappraisal: "Sicherheit neu bewerten",
  positive_affect: "Angenehmes verstärken",
  expressive_writing: "Schreiben",
  graded_return: "Zurück zur Bewegung",
  other: "Andere Übung",
};

/** The coach's own exercise: new (id "") or an edit of one of theirs. */
export const exerciseFormSchema = z.object({
  id: optionalId("Diese Übung gibt es nicht."),
  title: z
    .string({ error: "Bitte gib einen Titel ein." })
    .trim()
    .min(1, "Bitte gib einen Titel ein.")
    .max(120, "Der Titel ist zu lang (höchstens 120 Zeichen).")
    .refine(isSingleLine, singleLineMessage("Titel")),
  summary: multiLine("Die Kurzbeschreibung", 300).transform((v) => v.trim()),
  body: multiLine("Die Anleitung", 8000)
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, "Bitte schreib eine Anleitung."),
  minutes: wholeNumber(1, 120, "Bitte gib die Dauer in Minuten an (1 bis 120)."),
  kind: z.enum(exerciseKinds, { error: "Bitte wähle eine Art." }),
  audioId: optionalId("Diese Aufnahme gibt es nicht. Bitte lade sie noch einmal hoch."),
  archived: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
export type ExerciseInput = z.output<typeof exerciseFormSchema>;

export const assignmentFormSchema = z.object({
  exerciseId: id("Bitte wähle eine Übung."),
  frequency: z.enum(practiceFrequencies, { error: "Bitte wähle, wie oft." }),
  note: multiLine("Die Notiz", NOTE_MAX).transform((v) => v.trim()),
});
export type AssignmentInput = z.output<typeof assignmentFormSchema>;

export const endAssignmentSchema = z.object({ assignmentId: id("Diese Hausaufgabe gibt es nicht.") });

/** A practice the client logs: minutes, fear and intensity before and after, a short note. */
export const practiceLogSchema = z.object({
  exerciseId: id("Diese Übung gibt es nicht."),
  minutes: wholeNumber(1, MINUTES_MAX, `Bitte gib die Minuten an (1 bis ${MINUTES_MAX}).`),
  fearBefore: scale("deine Angst vorher"),
  fearAfter: scale("deine Angst nachher"),
  intensityBefore: scale("die Stärke vorher"),
  intensityAfter: scale("die Stärke nachher"),
  note: multiLine("Die Notiz", NOTE_MAX).transform((v) => v.trim()),
});
export type PracticeLogInput = z.output<typeof practiceLogSchema>;

export const feedbackSchema = z.object({
  logId: id("Diesen Eintrag gibt es nicht."),
  feedback: multiLine("Die Rückmeldung", FEEDBACK_MAX)
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, "Bitte schreib eine kurze Rückmeldung."),
});
export type FeedbackInput = z.output<typeof feedbackSchema>;
