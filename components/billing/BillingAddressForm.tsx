"use client";

import { ActionForm, type FormAction } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";

export type BillingAddressValues = { name: string; street: string; postalCode: string; city: string; country: string; pdfByEmail: boolean };

/** A client's invoice address: on the coach's client page and in the client's own /dashboard/rechnungen. */
export function BillingAddressForm({ action, values, own }: { action: FormAction; values: BillingAddressValues; own: boolean }) {
  return (
    <ActionForm action={action} className="grid gap-4 md:grid-cols-2" noticeClassName="md:col-span-2">
      {({ pending, error }) => (
        <>
          <Field label="Name" name="name" defaultValue={values.name} error={error("name")} autoComplete={own ? "name" : "off"} />
          <Field
            label="Straße und Hausnummer"
            name="street"
            defaultValue={values.street}
            error={error("street")}
            autoComplete={own ? "street-address" : "off"}
          />
          <Field
            label="Postleitzahl"
            name="postalCode"
            defaultValue={values.postalCode}
            error={error("postalCode")}
            autoComplete={own ? "postal-code" : "off"}
          />
          <Field label="Ort" name="city" defaultValue={values.city} error={error("city")} autoComplete={own ? "address-level2" : "off"} />
          <Field
            label="Land"
            name="country"
            defaultValue={values.country}
            error={error("country")}
            autoComplete={own ? "country-name" : "off"}
          />
          <label className="flex gap-3 md:col-span-2">
            <input type="checkbox" name="pdfByEmail" defaultChecked={values.pdfByEmail} className="mt-1 size-5" />
            <span className="flex flex-col">
              <span className="font-medium">Rechnungen als PDF per E-Mail mitschicken</span>
              <span className="text-sm text-muted">
                Sonst kommt nur ein Hinweis mit Link, und {own ? "du lädst" : "die Person lädt"} die Rechnung hier herunter. Schon der Name
                der Praxis auf der Rechnung verrät, worum es im Coaching geht: Wer {own ? "dein" : "das"} Postfach mitliest, sieht es.
              </span>
            </span>
          </label>
          <div className="md:col-span-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Wird gespeichert …" : "Rechnungsadresse speichern"}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
