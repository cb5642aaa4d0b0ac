import { z } from "zod";
import { isValidDate } from "@/lib/time/dates";

export const EVIDENCE_MAX_LENGTH = 500;

const noControl = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A form's optional id: "" is none; anything else must be a uuid. */
const optionalId = (message: string) =>
  z
    .string()
    .max(36)
    .transform((v) => v.trim())
    .refine((v) => v === "" || uuid.test(v), message)
    .transform((v) => (v === "" ? null : v.toLowerCase()));

/**
 * One observation as the client's and the coach's forms send it. The date is a calendar day, not
 * in the future (a day and a half of slack for time zones) and not before 2000.
 */
export const safetyEvidenceSchema = z
  .object({
    id: optionalId("Diese Beobachtung gibt es nicht."),
    text: z
      .string()
      .trim()
      .min(1, "Bitte schreib auf, was du beobachtet hast.")
      .max(EVIDENCE_MAX_LENGTH, `Höchstens ${EVIDENCE_MAX_LENGTH} Zeichen.`)
      .refine(noControl, "Der Text enthält ungültige Zeichen."),
    observedOn: z.iso.date({ error: "Bitte wähle ein Datum." }).refine(isValidDate, "Bitte wähle ein Datum."),
    journalEntryId: optionalId("Diesen Tagebucheintrag gibt es nicht."),
  })
  .superRefine((v, ctx) => {
    const max = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    if (v.observedOn > max) ctx.addIssue({ code: "custom", path: ["observedOn"], message: "Das Datum liegt in der Zukunft." });
    if (v.observedOn < "2000-01-01") ctx.addIssue({ code: "custom", path: ["observedOn"], message: "Dieses Datum liegt zu weit zurück." });
  });
export type SafetyEvidenceInput = z.output<typeof safetyEvidenceSchema>;

/** A button that names one observation (delete). */
export const evidenceIdSchema = z.object({ id: z.string().regex(uuid) });

/** The coach's answer to one suggestion; a confirmation may reword the text the client will read. */
export const suggestionDecisionSchema = z
  .object({
    rule: z.enum(["movement_helped", "pain_follows_stress", "area_comes_and_goes", "pain_changes_side"], {
      error: "Diesen Vorschlag gibt es nicht.",
    }),
    evidenceKey: z.string().min(1).max(200).refine(noControl),
    decision: z.enum(["confirm", "dismiss"], { error: "Bitte bestätige oder verwirf den Vorschlag." }),
    text: z
      .string()
      .trim()
      .max(EVIDENCE_MAX_LENGTH, `Höchstens ${EVIDENCE_MAX_LENGTH} Zeichen.`)
      .refine(noControl, "Der Text enthält ungültige Zeichen."),
  })
  .refine((v) => v.decision === "dismiss" || v.text.length > 0, { path: ["text"], message: "Bitte schreib den Text für die Person." });
