"use client";

import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import { savePlaceDefaultsAction } from "@/lib/booking/coach-actions";
import type { FormState } from "@/lib/http/form-action";

export type PlaceDefaultValues = { videoLink: string; phoneNote: string; inPersonAddress: string };

/** One field per channel: what it holds, and what the coach is told about it. */
const channels: { name: keyof PlaceDefaultValues; label: string; hint?: string; type?: string; maxLength: number }[] = [
  {
    name: "videoLink",
    label: "Link fürs Videogespräch",
    hint: "Nur https-Links, z. B. https://meet.example.com/dein-raum. Leer = ich schicke den Link vor dem Termin.",
    type: "url",
    maxLength: 500,
  },
  { name: "phoneNote", label: "Hinweis fürs Telefongespräch", hint: "Z. B. „Ich rufe dich mit unterdrückter Nummer an.“", maxLength: 300 },
  { name: "inPersonAddress", label: "Adresse für Gespräche vor Ort", maxLength: 300 },
];

/** Where consultations take place unless one has its own: one default per channel (booking settings). */
export function PlaceDefaultsForm({ values }: { values: PlaceDefaultValues }) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(savePlaceDefaultsAction, {});
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="ort-und-link">
      <h2 id="ort-und-link">Ort und Link fürs Erstgespräch</h2>
      <p className="text-muted">
        Steht in der Bestätigung, der Erinnerung, der Kalendereinladung und auf der Terminseite der Person. Für ein einzelnes Gespräch
        kannst du unter Erstgespräche etwas anderes eintragen.
      </p>
      <FormNotices state={state} />
      {channels.map((c) => (
        <Field key={c.name} {...c} defaultValue={values[c.name]} error={state.fieldErrors?.[c.name]?.[0]} />
      ))}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Wird gespeichert …" : "Ort und Link übernehmen"}
        </Button>
      </div>
    </form>
  );
}
