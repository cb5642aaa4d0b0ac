import { z } from "zod";
import { isComplete, parseAnswers, type SelfCheckAnswers } from "@/lib/checks/self-check";
import { isSupportedTimeZone } from "@/lib/settings/schemas";
import { isValidDate } from "@/lib/time/dates";
import { isSingleLine, singleLineMessage } from "@/lib/validation/single-line";

/** Bumped whenever the consent wording on /erstgespraech changes; stored with each booking. */
export const CONSENT_VERSION = "2026-11-26";
export const CONSENT_TEXT =
  "Ich willige ein, dass meine Angaben, auch zu meiner Gesundheit, zur Vorbereitung und Durchführung des Erstgesprächs verarbeitet werden. Ich kann die Einwilligung jederzeit widerrufen.";

const noControl = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v);

/** The body of POST /api/bookings (and the booking form). Unknown keys are refused. */
export const bookingRequestSchema = z
  .object({
    start: z.iso
      .datetime({ offset: true, error: "Bitte wähle einen Termin aus." })
      .refine((v) => isValidDate(v.slice(0, 10)), "Bitte wähle einen Termin aus."),
    name: z
      .string({ error: "Bitte gib deinen Namen an." })
      .trim()
      .min(2, "Bitte gib deinen Namen an.")
      .max(100, "Der Name ist zu lang (höchstens 100 Zeichen).")
      .refine(isSingleLine, singleLineMessage("Name")),
    email: z
      .string({ error: "Bitte gib deine E-Mail-Adresse an." })
      .trim()
      .toLowerCase()
      .max(254, "Die E-Mail-Adresse ist zu lang.")
      .pipe(z.email("Bitte gib eine gültige E-Mail-Adresse an.")),
    phone: z
      .string()
      .trim()
      .max(40, "Die Telefonnummer ist zu lang.")
      .regex(/^[+()0-9 /-]*$/, "Bitte gib nur Ziffern, Leerzeichen und + ( ) / - ein.")
      .optional()
      .transform((v) => (v ? v : undefined)),
    channel: z.enum(["video", "phone"], { error: "Bitte wähle Video oder Telefon." }),
    message: z
      .string()
      .trim()
      .max(2000, "Die Nachricht ist zu lang (höchstens 2.000 Zeichen).")
      .refine(noControl, "Die Nachricht enthält ungültige Zeichen.")
      .optional()
      .transform((v) => (v ? v : undefined)),
    /** Only when the visitor ticks "attach my self-check": complete answers of the current version. */
    selfCheck: z
      .unknown()
      .optional()
      .transform((value, ctx): SelfCheckAnswers | undefined => {
        if (value === undefined || value === null) return undefined;
        const answers = parseAnswers(value);
        if (answers && isComplete(answers)) return answers;
        ctx.addIssue({
          code: "custom",
          message: "Das Selbsttest-Ergebnis ist unvollständig. Bitte mach den Test noch einmal oder buche ohne.",
        });
        return z.NEVER;
      }),
    /** The zone the visitor sees the times in; their emails name times in it. Only a zone this runtime knows. */
    timeZone: z
      .string({ error: "Unbekannte Zeitzone. Bitte wähle eine aus der Liste." })
      .max(64, "Unbekannte Zeitzone. Bitte wähle eine aus der Liste.")
      .refine(isSupportedTimeZone, "Unbekannte Zeitzone. Bitte wähle eine aus der Liste.")
      .optional(),
    consent: z.literal(true, { error: "Bitte stimme der Verarbeitung deiner Angaben zu." }),
    website: z.string().max(200).optional(), // honeypot
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.channel === "phone" && !v.phone)
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Für ein Telefongespräch brauchen wir deine Nummer." });
  });
export type BookingRequest = z.infer<typeof bookingRequestSchema>;

/**
 * A date the calendar views can search from: they widen a range by days or a week on each side and
 * turn it into instants PostgreSQL must accept (it has no year 0, and 0001-01-01 minus a day is
 * one). No slot is ever offered beyond a year from today, so years 2000 to 9998 lose nothing real.
 */
export function isSearchableDate(date: string): boolean {
  return isValidDate(date) && date >= "2000-01-01" && date <= "9998-12-31";
}

const slotSearchDate = (name: "from" | "to") =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be YYYY-MM-DD`)
    .refine(isValidDate, `${name} must be a real date`)
    .refine(isSearchableDate, `${name} must be between 2000-01-01 and 9998-12-31`);

export const slotsQuerySchema = z.object({ from: slotSearchDate("from"), to: slotSearchDate("to") });

export const cancelReasonSchema = z
  .string()
  .trim()
  .max(500, "Der Grund ist zu lang (höchstens 500 Zeichen).")
  .refine(noControl, "Der Grund enthält ungültige Zeichen.")
  .transform((v) => (v ? v : null));
