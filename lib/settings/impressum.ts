import type { PracticeSettings } from "@/db/schema";

/** The Impressum's required facts (§ 5 DDG) and whether the coach has filled each in. */
export const requiredImpressumFields = [
  { key: "coachName", label: "Name der Coachin oder des Coachs" },
  { key: "street", label: "Straße und Hausnummer" },
  { key: "postalCode", label: "Postleitzahl" },
  { key: "city", label: "Ort" },
  { key: "email", label: "E-Mail-Adresse" },
] as const satisfies readonly { key: keyof PracticeSettings; label: string }[];

export function missingImpressumFields(settings: PracticeSettings): string[] {
  return requiredImpressumFields.filter((f) => settings[f.key].trim() === "").map((f) => f.label);
}
