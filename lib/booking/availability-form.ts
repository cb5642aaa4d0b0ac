import { z } from "zod";
import { isValidDate } from "@/lib/time/dates";

const TIME = /^([01]?\d|2[0-3])[:.][0-5]\d$|^24[:.]00$/;
/** "9:00" or "9.00" → "09:00". */
const normalize = (t: string) => t.replace(".", ":").padStart(5, "0");

/** "09:00-12:00, 14:00-17:00" → ranges; empty → closed. German messages for the coach's form. */
export const rangesSchema = z
  .string()
  .max(200)
  .transform((text, ctx) => {
    const parts = text
      .split(/[,;]/)
      .map((p) => p.trim())
      .filter(Boolean);
    const ranges = [];
    for (const part of parts) {
      const [rawStart, rawEnd, extra] = part.split(/\s*[-–]\s*/);
      const start = rawStart && TIME.test(rawStart) ? normalize(rawStart) : undefined;
      const end = rawEnd && TIME.test(rawEnd) ? normalize(rawEnd) : undefined;
      if (!start || !end || extra !== undefined || start === "24:00") {
        ctx.addIssue({ code: "custom", message: `„${part}“ verstehe ich nicht. Schreib Zeiten so: 09:00-12:00, 14:00-17:00` });
        return z.NEVER;
      }
      if (end <= start) {
        ctx.addIssue({ code: "custom", message: `In „${part}“ liegt das Ende nicht nach dem Anfang.` });
        return z.NEVER;
      }
      ranges.push({ start, end });
    }
    ranges.sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < ranges.length; i++) {
      if (ranges[i]!.start < ranges[i - 1]!.end) {
        ctx.addIssue({ code: "custom", message: "Die Zeiträume überschneiden sich." });
        return z.NEVER;
      }
    }
    return ranges;
  });

export function formatRanges(ranges: { start: string; end: string }[] | undefined): string {
  return (ranges ?? []).map((r) => `${r.start}-${r.end}`).join(", ");
}

const minutes = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label}: bitte eine Zahl eingeben.` })
    .int(`${label}: bitte eine ganze Zahl.`)
    .min(min, `${label}: mindestens ${min}.`)
    .max(max, `${label}: höchstens ${max}.`);

export const availabilityFormSchema = z.object({
  weekly: z.object({
    "1": rangesSchema,
    "2": rangesSchema,
    "3": rangesSchema,
    "4": rangesSchema,
    "5": rangesSchema,
    "6": rangesSchema,
    "7": rangesSchema,
  }),
  durationMinutes: minutes("Dauer", 10, 240),
  bufferBeforeMinutes: minutes("Puffer davor", 0, 120),
  bufferAfterMinutes: minutes("Puffer danach", 0, 120),
  minimumNoticeHours: minutes("Vorlauf", 0, 720),
  horizonDays: minutes("Buchbar im Voraus", 1, 365),
  maxPerDay: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= 50), "Höchstens pro Tag: leer lassen oder 1 bis 50."),
  slotIntervalMinutes: minutes("Raster", 5, 240),
  cancellationCutoffHours: minutes("Absagefrist", 0, 336),
  confirmWindowMinutes: minutes("Bestätigungsfrist", 10, 2880),
  maxPendingPerClient: minutes("Unbestätigte Buchungen je Anschluss", 1, 1000),
  confirmationEmailsPerDay: minutes("Bestätigungs-E-Mails je Adresse und Tag", 1, 50),
});

export const overrideFormSchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Bitte ein Datum wählen.")
    .refine(isValidDate, "Dieses Datum gibt es nicht."),
  until: z
    .union([
      z.literal(""),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .refine(isValidDate, "Dieses Datum gibt es nicht."),
    ])
    .optional(),
  ranges: rangesSchema,
  note: z
    .string()
    .trim()
    .max(200)
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), "Die Notiz enthält ungültige Zeichen."),
});
