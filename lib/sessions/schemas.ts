import { z } from "zod";
import { UUID_PATTERN } from "@/lib/sql/uuid";
import { isValidDate } from "@/lib/time/dates";

const noControl = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v);

/** Empty form fields count as "not given". */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .refine(noControl, "Der Text enthält ungültige Zeichen.")
    .optional()
    .transform((v) => (v ? v : null));

export const practiceDateSchema = z
  .string({ error: "Bitte wähle ein Datum." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Bitte wähle ein Datum.", abort: true })
  .refine(isValidDate, "Dieses Datum gibt es nicht.");

export const practiceTimeSchema = z
  .string({ error: "Bitte gib eine Uhrzeit an." })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Bitte gib eine Uhrzeit an (SS:MM).");

/** The coach schedules one session, or a weekly series of 2 to 26, for a client. */
export const scheduleSessionSchema = z.object({
  clientId: z.string().regex(UUID_PATTERN, "Diese Person gibt es nicht."),
  date: practiceDateSchema,
  time: practiceTimeSchema,
  sessionTypeId: z.uuid({ error: "Bitte wähle eine Sitzungsart." }),
  location: optionalText(500, "Ort oder Link sind zu lang (höchstens 500 Zeichen)."),
  noteToClient: optionalText(2000, "Die Notiz ist zu lang (höchstens 2.000 Zeichen)."),
  /** How many weekly sessions in all; empty or 1 = a single session. */
  repeatWeekly: z
    .union([z.literal(""), z.coerce.number({ error: "Bitte gib eine Zahl von 2 bis 26 an." })])
    .optional()
    .transform((v) => (v === "" || v === undefined ? 1 : v))
    .pipe(
      z
        .number()
        .int("Bitte gib eine ganze Zahl an.")
        .refine((n) => n === 1 || (n >= 2 && n <= 26), "Eine Serie hat 2 bis 26 Termine."),
    ),
});
export type ScheduleSessionInput = z.infer<typeof scheduleSessionSchema>;

export const rescheduleSessionSchema = z.object({
  date: practiceDateSchema,
  time: practiceTimeSchema,
  reason: optionalText(500, "Der Grund ist zu lang (höchstens 500 Zeichen)."),
});
export type RescheduleSessionInput = z.infer<typeof rescheduleSessionSchema>;

export const cancelSessionSchema = z.object({
  reason: optionalText(500, "Der Grund ist zu lang (höchstens 500 Zeichen)."),
  /** Who asked for the cancellation: the coach, or the client through the coach. */
  by: z.enum(["coach", "client"], { error: "Bitte wähle, wer absagt." }).default("coach"),
});

/** The coach records how a session that has begun went. */
export const sessionOutcomeSchema = z.object({
  outcome: z.enum(["completed", "no_show"], { error: "Bitte wähle, wie die Sitzung war." }),
});

/** The coach's private notes (Markdown) and the homework the client sees. */
export const sessionRecordSchema = z.object({
  notes: z
    .string()
    .max(20_000, "Die Notizen sind zu lang (höchstens 20.000 Zeichen).")
    .refine(noControl, "Die Notizen enthalten ungültige Zeichen.")
    .optional()
    .transform((v) => v ?? ""),
  homework: optionalText(4000, "Die Hausaufgabe ist zu lang (höchstens 4.000 Zeichen)."),
});
export type SessionRecordInput = z.infer<typeof sessionRecordSchema>;
