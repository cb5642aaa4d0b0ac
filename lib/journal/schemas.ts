import { z } from "zod";
import { isValidDate } from "@/lib/time/dates";

export const BODY_AREAS = [
  "Nacken",
  "Schultern",
  "oberer Rücken",
  "unterer Rücken",
  "Kreuzbein/Becken",
  "Hüfte",
  "Beine",
  "Kopf",
  "Bauch",
] as const;
/** Mood 1 … 5, as the form offers it and every view writes it. */
export const MOODS = ["sehr schlecht", "eher schlecht", "mittel", "eher gut", "sehr gut"] as const;

/** "eher gut" for 4; null for an entry without a mood. */
export function moodLabel(mood: number | null | undefined): string | null {
  return typeof mood === "number" ? (MOODS[mood - 1] ?? null) : null;
}

export const SUGGESTED_TAGS = [
  "Stress bei der Arbeit",
  "Streit",
  "Sorgen",
  "Angst",
  "Ärger",
  "Traurigkeit",
  "wenig Schlaf",
  "langes Sitzen",
  "Wetter",
  "Termindruck",
  "Erschöpfung",
  "Freude",
] as const;
export const SUGGESTED_HELPED = [
  "Somatic Tracking",
  "Spaziergang",
  "Sicherheitsbotschaft",
  "Atmen",
  "Bewegung mit Freude",
  "Gespräch",
  "Ablenkung",
  "Pause",
] as const;

const noControl = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v);
const tagList = (label: string) =>
  z
    .array(
      z.string().trim().min(1).max(60, `${label}: höchstens 60 Zeichen je Eintrag.`).refine(noControl, `${label}: ungültige Zeichen.`),
      {
        error: `${label}: bitte eine Liste.`,
      },
    )
    .max(20, `${label}: höchstens 20 Einträge.`)
    .transform((items) => [...new Set(items)]);

const scale = (label: string) =>
  z
    .number({ error: `Bitte wähle ${label} von 0 bis 10.` })
    .int(`Bitte wähle ${label} von 0 bis 10.`)
    .min(0, `Bitte wähle ${label} von 0 bis 10.`)
    .max(10, `Bitte wähle ${label} von 0 bis 10.`);

const entryFields = z
  .object({
    entryDate: z.iso.date({ error: "Bitte wähle ein Datum." }),
    pain: scale("deinen Schmerz"),
    stress: scale("deinen Stress"),
    mood: z.number().int().min(1).max(5).nullable().optional(),
    bodyAreas: tagList("Körperbereiche").optional(),
    tags: tagList("Auslöser").optional(),
    helped: tagList("Was geholfen hat").optional(),
    notes: z
      .string()
      .max(4000, "Die Notiz ist zu lang (höchstens 4.000 Zeichen).")
      .refine(noControl, "Die Notiz enthält ungültige Zeichen.")
      .optional(),
  })
  .strict();

/** No entries for the future (a day and a half of slack for time zones) or before 2000. */
function plausibleDate(v: { entryDate?: string }, ctx: z.RefinementCtx) {
  if (v.entryDate === undefined) return;
  const max = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
  if (v.entryDate > max) ctx.addIssue({ code: "custom", path: ["entryDate"], message: "Einträge für die Zukunft gehen nicht." });
  if (v.entryDate < "2000-01-01") ctx.addIssue({ code: "custom", path: ["entryDate"], message: "Dieses Datum liegt zu weit zurück." });
}

/** One journal entry as the form and the API send it. */
export const journalEntrySchema = entryFields.superRefine(plausibleDate);
export type JournalEntryInput = z.infer<typeof journalEntrySchema>;

/** PATCH: any subset of the fields. */
export const journalPatchSchema = entryFields.partial().strict().superRefine(plausibleDate);

export const journalQuerySchema = z.object({
  from: z.iso.date().refine(isValidDate).optional(),
  to: z.iso.date().refine(isValidDate).optional(),
  tag: z.string().max(60).refine(noControl).optional(),
  q: z.string().max(100).refine(noControl).optional(),
});
