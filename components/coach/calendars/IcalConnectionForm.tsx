"use client";

import { ActionForm } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { addIcalConnectionAction } from "@/lib/calendars/actions";

/** Subscribes to a calendar's secret iCal address (Google, Outlook): read only. */
export function IcalConnectionForm() {
  return (
    <ActionForm action={addIcalConnectionAction} className="flex flex-col gap-4">
      {({ pending, error }) => (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 font-semibold">Kalender abonnieren (Google, Outlook)</legend>
          <Field label="Name" name="label" maxLength={80} placeholder="z. B. Google privat" error={error("label")} />
          <Field
            label="Geheime Adresse im iCal-Format"
            name="url"
            type="url"
            inputMode="url"
            maxLength={2000}
            autoComplete="off"
            hint="Google Kalender: Einstellungen → dein Kalender → „Kalender integrieren“ → „Privatadresse im iCal-Format“. Outlook: Einstellungen → Kalender → Freigegebene Kalender → „Kalender veröffentlichen“ → ICS-Link. Wer die Adresse kennt, sieht deine Termine; sie wird verschlüsselt gespeichert."
            error={error("url")}
          />
          <div>
            <Button type="submit" disabled={pending}>
              {pending ? "Wird geprüft …" : "Abonnieren"}
            </Button>
          </div>
        </fieldset>
      )}
    </ActionForm>
  );
}
