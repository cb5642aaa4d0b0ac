import { z } from "zod";
import { priceSchema } from "@/lib/billing/amount";
import { isSingleLine, singleLineMessage } from "@/lib/validation/single-line";

/** Control characters (NUL above all, which PostgreSQL refuses in text) have no place in a setting. */
export const noControl = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v);
const text = (label: string, max: number) =>
  z.string().trim().max(max, `${label}: höchstens ${max} Zeichen.`).refine(noControl, `${label}: ungültige Zeichen.`);

/** A one-line setting that may reach an email header (the practice's and the coach's name, a session type's). */
export const line = (label: string, max: number) => text(label, max).refine(isSingleLine, singleLineMessage(label));

export const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label}: bitte eine Zahl eingeben.` })
    .int(`${label}: bitte eine ganze Zahl.`)
    .min(min, `${label}: mindestens ${min}.`)
    .max(max, `${label}: höchstens ${max}.`);

/** An IANA zone this runtime knows (Node 20's list leaves out "UTC", which is valid all the same). */
export function isSupportedTimeZone(zone: string): boolean {
  return zone === "UTC" || Intl.supportedValuesOf("timeZone").includes(zone);
}

/** The coach's practice settings form: the Impressum's facts, the practice's time zone and the reminder time. */
export const practiceSettingsFormSchema = z.object({
  practiceName: line("Name der Praxis", 120).min(1, "Bitte gib den Namen der Praxis an."),
  coachName: line("Dein Name", 120),
  profession: text("Berufsbezeichnung", 200),
  street: text("Straße und Hausnummer", 200),
  postalCode: z
    .string()
    .trim()
    .regex(/^$|^[0-9A-Za-z][0-9A-Za-z -]{2,9}$/, "Postleitzahl: bitte so schreiben, z. B. 10115."),
  city: text("Ort", 120),
  email: z
    .string()
    .trim()
    .max(254, "E-Mail-Adresse: zu lang.")
    .refine((v) => v === "" || z.email().safeParse(v).success, "Bitte eine gültige E-Mail-Adresse eingeben, z. B. hallo@praxis.de."),
  phone: z
    .string()
    .trim()
    .regex(/^$|^\+?[0-9][0-9 ()/-]{4,30}$/, "Telefon: nur Ziffern, Leerzeichen und + ( ) / -, z. B. +49 30 1234567."),
  vatId: z
    .string()
    .trim()
    .transform((v) => v.replace(/\s+/g, "").toUpperCase())
    .refine(
      (v) => v === "" || /^[A-Z]{2}[0-9A-Z]{2,13}$/.test(v),
      "USt-IdNr.: zwei Buchstaben und Ziffern, z. B. DE123456789. Leer lassen, wenn du keine hast.",
    ),
  timeZone: z.string().refine(isSupportedTimeZone, "Unbekannte Zeitzone. Bitte eine aus der Liste wählen."),
  reminderLeadHours: wholeNumber("Erinnerung", 0, 168),
});
export type PracticeSettingsInput = z.infer<typeof practiceSettingsFormSchema>;

/** How long the platform keeps what has served its purpose: the daily purge applies it, /datenschutz states it. */
export const retentionSettingsFormSchema = z.object({
  sentEmailRetentionDays: wholeNumber("Inhalt gesendeter E-Mails", 1, 365),
  openRequestRetentionDays: wholeNumber("Unbestätigte und abgesagte Anfragen", 1, 365),
  pastConsultationRetentionMonths: wholeNumber("Erstgespräche ohne Coaching", 1, 120),
});
export type RetentionSettingsInput = z.infer<typeof retentionSettingsFormSchema>;

export const sessionChannels = ["video", "phone", "in_person"] as const;
export const sessionChannelLabels: Record<(typeof sessionChannels)[number], string> = {
  video: "Video",
  phone: "Telefon",
  in_person: "Vor Ort",
};

export const sessionTypeFormSchema = z.object({
  id: z.union([z.literal(""), z.uuid()]).optional(),
  name: line("Name", 80).min(1, "Bitte gib der Sitzungsart einen Namen."),
  durationMinutes: wholeNumber("Dauer", 10, 480),
  channel: z.enum(sessionChannels, { error: "Bitte wähle, wie die Sitzung stattfindet." }),
  defaultLocation: text("Ort oder Link", 500),
  /** Gross, in cents (the form writes euro: "90,00"); empty is free. Only sessions have types: the consultation stays free. */
  price: priceSchema.default(0),
});
export type SessionTypeInput = z.infer<typeof sessionTypeFormSchema>;
