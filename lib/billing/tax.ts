import type { TaxMode } from "@/db/schema";

/*
 * How an invoice is taxed, by the practice's tax mode (one setting, lib/settings):
 * - small_business: no VAT under § 19 UStG (Kleinunternehmerregelung); the invoice says so.
 * - vat: regular VAT at 19 % (§ 12 Abs. 1 UStG), computed once per invoice from the sum of the
 *   gross amounts (prices are gross), so rounding happens once, not per line.
 * - exempt: no VAT because the service is exempt; the invoice prints the coach's legal note
 *   (e.g. "Umsatzsteuerfrei gemäß § 4 Nr. 14 UStG" for a Heilpraktiker).
 */

export const REGULAR_VAT_PERCENT = 19;

export const SMALL_BUSINESS_NOTE = "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.";

export type InvoiceTax = { taxRate: number; taxNote: string; grossCents: number; netCents: number; taxCents: number };

/** The tax of an invoice whose lines add up to `grossCents` (negative for a cancellation). */
export function invoiceTax(mode: TaxMode, grossCents: number, exemptionNote: string): InvoiceTax {
  if (mode === "vat") {
    // Half-up on the magnitude, so a cancellation invoice is the exact negation of its original.
    const magnitude = Math.abs(grossCents);
    const tax = Math.floor((magnitude * REGULAR_VAT_PERCENT) / (100 + REGULAR_VAT_PERCENT) + 0.5);
    const taxCents = grossCents < 0 ? -tax : tax;
    return { taxRate: REGULAR_VAT_PERCENT, taxNote: "", grossCents, netCents: grossCents - taxCents, taxCents };
  }
  const taxNote = mode === "small_business" ? SMALL_BUSINESS_NOTE : exemptionNote.trim();
  return { taxRate: 0, taxNote, grossCents, netCents: grossCents, taxCents: 0 };
}
