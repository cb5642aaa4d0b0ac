"use client";

import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import { savePlaceDefaultsAction } from "@/lib/booking/coach-actions";
import type { FormState } from "@/lib/http/form-action";

export type PlaceDefaultValues = { videoLink: string; phoneNote: string; inPersonAddress: string };

/** Where consultations take place unless one has its own: one default per channel (booking settings). */
export function PlaceDefaultsForm({ values }: { values: PlaceDefaultValues }) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(savePlaceDefaultsAction, {});
  const e = (key: keyof PlaceDefaultValues) => state.fieldErrors?.[key]?.[0];
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="ort-und-link">
      <h2 id="ort-und-link">Ort und Link fürs Erstgespräch</h2>
      <p className="text-muted">
        Steht in der Bestätigung, der Erinnerung, der Kalendereinladung und auf der Terminseite der Person. Für ein einzelnes Gespräch
        kannst du unter Erstgespräche etwas anderes eintragen.
      </p>
      <FormNotices state={state} />
      <Field
        label="Link fürs Videogespräch"
        name="videoLink"
        type="url"
        inputMode="url"
        defaultValue={values.videoLink}
        error={e("videoLink")}
        hint="Nur https-Links, z. B. https://meet.example.com/dein-raum. Leer = ich schicke den Link vor dem Termin."
        maxLength={500}
      />
      <Field
        label="Hinweis fürs Telefongespräch"
        name="phoneNote"
        defaultValue={values.phoneNote}
        error={e("phoneNote")}
        hint="Z. B. „Ich rufe dich mit unterdrückter Nummer an.“"
        maxLength={300}
      />
      <Field
        label="Adresse für Gespräche vor Ort"
        name="inPersonAddress"
        autoComplete="street-address"
        defaultValue={values.inPersonAddress}
        error={e("inPersonAddress")}
        maxLength={300}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Wird gespeichert …" : "Ort und Link speichern"}
        </Button>
      </div>
    </form>
  );
}
