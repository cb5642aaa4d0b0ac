import { z } from "zod";

/** "80", "80,00", "1.234,50" or "80.00" → cents; null when it is not an amount. */
export function parseEuro(input: string): number | null {
  const v = input.trim().replace(/\s|€/g, "");
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+([,.]\d{1,2})?$/.test(v)) return null;
  const normalised = /,/.test(v) ? v.replace(/\./g, "").replace(",", ".") : /^\d{1,3}(\.\d{3})+$/.test(v) ? v.replace(/\./g, "") : v;
  const cents = Math.round(Number(normalised) * 100);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** An amount in euro, at most 100.000 €; `min` in cents. */
export const euro = (label: string, min = 0) =>
  z
    .string()
    .transform((v, ctx) => {
      const cents = parseEuro(v);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: `${label}: bitte als Betrag schreiben, z. B. 80,00.` });
        return z.NEVER;
      }
      return cents;
    })
    .pipe(
      z
        .number()
        .min(min, min > 0 ? `${label}: mindestens ${(min / 100).toFixed(2).replace(".", ",")} €.` : `${label}: nicht negativ.`)
        .max(10_000_000, `${label}: höchstens 100.000,00 €.`),
    );

/** A session type's gross price; empty is free. */
export const priceSchema = z
  .string()
  .transform((v) => (v.trim() === "" ? "0" : v))
  .pipe(euro("Preis"));

/** A payment's amount: empty is "all that is still open" (null), else at least 0,01 €. */
export const paymentAmountSchema = z.string().transform((v, ctx) => {
  if (v.trim() === "") return null;
  const cents = parseEuro(v);
  if (cents === null || cents < 1 || cents > 10_000_000) {
    ctx.addIssue({ code: "custom", message: "Betrag: bitte als Betrag schreiben, z. B. 80,00 (oder leer lassen für den ganzen Betrag)." });
    return z.NEVER;
  }
  return cents;
});
