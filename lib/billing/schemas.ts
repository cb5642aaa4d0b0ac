import { z } from "zod";
import { line, wholeNumber } from "@/lib/settings/schemas";
import { taxModes } from "@/db/schema";
import { isValidDate } from "@/lib/time/dates";
import { euro, paymentAmountSchema } from "./amount";

/*
 * The money forms' input: amounts in euro with a comma ("80,00") become cents, the IBAN is
 * checked by its ISO 7064 checksum, every text is one line without control characters.
 */

const required = (label: string, max: number, message: string) => line(label, max).min(1, message);

/** ISO 13616: letters moved to the end as numbers, the whole mod 97 is 1. */
export function isValidIban(input: string): boolean {
  const iban = input.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iban.startsWith("DE") && iban.length !== 22) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

const compact = (v: string) => v.replace(/\s+/g, "").toUpperCase();

/** The "Rechnungen" part of the coach's settings. */
export const billingSettingsSchema = z
  .object({
    taxMode: z.enum(taxModes, { error: "Bitte wähle, wie du Umsatzsteuer berechnest." }),
    exemptionNote: line("Hinweis zur Steuerbefreiung", 300),
    taxNumber: z
      .string()
      .trim()
      .regex(/^$|^[0-9][0-9 /]{7,18}[0-9]$/, "Steuernummer: Ziffern mit / oder Leerzeichen, z. B. 12/345/67890."),
    iban: z
      .string()
      .trim()
      .transform(compact)
      .refine(
        (v) => v === "" || isValidIban(v),
        "Diese IBAN stimmt nicht: Bitte prüfe sie Zeichen für Zeichen (die Prüfziffer passt nicht).",
      ),
    bic: z
      .string()
      .trim()
      .transform(compact)
      .refine((v) => v === "" || /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(v), "BIC: 8 oder 11 Zeichen, z. B. COBADEFFXXX."),
    accountHolder: line("Kontoinhaber*in", 120),
    paymentTermDays: wholeNumber("Zahlungsziel", 0, 90),
    paymentReminderDays: wholeNumber("Erinnerung", 0, 90),
  })
  .superRefine((v, ctx) => {
    if (v.taxMode === "exempt" && !v.exemptionNote)
      ctx.addIssue({
        code: "custom",
        path: ["exemptionNote"],
        message: "Bitte nenne den Grund der Befreiung, z. B. „Umsatzsteuerfrei gemäß § 4 Nr. 14 UStG“.",
      });
  });
export type BillingSettingsInput = z.infer<typeof billingSettingsSchema>;

/** A client's invoice address (the coach's or the client's own form). */
export const billingAddressSchema = z.object({
  name: required("Name", 200, "Bitte gib den Namen für die Rechnung an."),
  street: required("Straße und Hausnummer", 200, "Bitte gib Straße und Hausnummer an."),
  postalCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z][0-9A-Za-z -]{2,9}$/, "Postleitzahl: bitte so schreiben, z. B. 10115."),
  city: required("Ort", 100, "Bitte gib den Ort an."),
  country: line("Land", 100).transform((v) => v || "Deutschland"),
  pdfByEmail: z.string().transform((v) => v === "on" || v === "true"),
});
export type BillingAddressInput = z.infer<typeof billingAddressSchema>;

/** A real calendar day as the date fields send it (YYYY-MM-DD; "2026-02-30" is not one). */
const date = (message: string) => z.string().refine(isValidDate, message);

/** A user id (Auth.js: text, a uuid in practice): printable, short; the query decides whether it is one. */
const userId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "Diese Klient*in gibt es nicht.");

export const sellPackageSchema = z.object({
  clientId: userId,
  title: required("Titel", 120, "Bitte gib dem Paket einen Titel, z. B. „8 Sitzungen“."),
  sessions: wholeNumber("Sitzungen", 1, 100),
  price: euro("Preis"),
  expiresOn: z.union([z.literal(""), date("Gültig bis: bitte ein Datum wählen.")]).transform((v) => v || null),
});

export const draftSessionsSchema = z.object({
  clientId: userId,
  appointmentIds: z.array(z.uuid()).min(1, "Bitte wähle mindestens eine Sitzung.").max(200),
});

export const packageDraftSchema = z.object({ packageId: z.uuid("Dieses Paket gibt es nicht.") });

export const invoiceIdSchema = z.object({ invoiceId: z.uuid("Diese Rechnung gibt es nicht.") });

export const paymentSchema = z.object({
  invoiceId: z.uuid("Diese Rechnung gibt es nicht."),
  /** Empty: the full amount still open. */
  amount: paymentAmountSchema,
  paidOn: date("Datum: bitte ein Datum wählen."),
  note: line("Notiz", 300),
});

/** The list's filter (a query string: anything else shows all). */
export const invoiceListFilterSchema = z.object({
  status: z.enum(["open", "overdue", "paid", "cancelled", "draft"]).optional().catch(undefined),
});

const day = z.iso.date().refine(isValidDate);

/** The period of the export for the tax advisor: issue dates (and payment dates) from `von` to `bis`. */
export const taxExportPeriodSchema = z.object({ von: day, bis: day }).strict();
