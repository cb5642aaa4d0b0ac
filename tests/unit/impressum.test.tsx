import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { OrMissing } from "@/components/site/Missing";
import type { PracticeSettings } from "@/db/schema";
import { missingImpressumFields } from "@/lib/settings/impressum";

/*
 * The demo practice has a complete Impressum (its invoices need the address), so what an
 * incomplete one shows is tested here rather than in the public journey.
 */
const complete = {
  coachName: "Mara Lindner",
  street: "Lindenstraße 12",
  postalCode: "10969",
  city: "Berlin",
  email: "praxis@example.com",
} as PracticeSettings;

describe("the Impressum's required facts", () => {
  it("names what is missing, in the coach's words, and nothing when all is there", () => {
    expect(missingImpressumFields(complete)).toEqual([]);
    expect(missingImpressumFields({ ...complete, street: "", postalCode: " ", city: "" })).toEqual([
      "Straße und Hausnummer",
      "Postleitzahl",
      "Ort",
    ]);
    expect(missingImpressumFields({ ...complete, email: "" })).toEqual(["E-Mail-Adresse"]);
  });

  it("marks a missing fact plainly where it belongs, and shows a present one as it is", () => {
    expect(renderToStaticMarkup(<OrMissing value="" label="Straße und Hausnummer" />)).toContain("[Straße und Hausnummer bitte ergänzen]");
    expect(renderToStaticMarkup(<OrMissing value="Lindenstraße 12" label="Straße und Hausnummer" />)).toBe("Lindenstraße 12");
  });
});
