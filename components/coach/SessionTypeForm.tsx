"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/Button";
import { Field, Select } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import { saveSessionTypeAction } from "@/lib/settings/actions";
import type { FormState } from "@/lib/http/form-action";
import { euroInput } from "@/lib/billing/money";
import { sessionChannelLabels, sessionChannels } from "@/lib/settings/schemas";

export type SessionTypeValues = {
  id?: string;
  name: string;
  durationMinutes: number | "";
  channel: (typeof sessionChannels)[number];
  defaultLocation: string;
  /** Gross, in cents. */
  priceCents?: number;
};

const empty: SessionTypeValues = { name: "", durationMinutes: 50, channel: "video", defaultLocation: "" };

/** Adds a session type (no id) or edits one. */
export function SessionTypeForm({ values = empty, legend }: { values?: SessionTypeValues; legend: string }) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(saveSessionTypeAction, {});
  const e = (key: string) => state.fieldErrors?.[key]?.[0];
  const form = useRef<HTMLFormElement>(null);
  // A new type was added: empty the form for the next one (edits keep what was saved).
  useEffect(() => {
    if (!values.id && state.ok) form.current?.reset();
  }, [state, values.id]);
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-1 font-semibold">{legend}</legend>
        {values.id && <input type="hidden" name="id" value={values.id} />}
        <Field label="Name" name="name" defaultValue={values.name} error={e("name")} />
        <Field
          label="Dauer (Minuten)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          defaultValue={String(values.durationMinutes)}
          error={e("durationMinutes")}
        />
        <Select label="Wie" name="channel" defaultValue={values.channel} error={e("channel")}>
          {sessionChannels.map((c) => (
            <option key={c} value={c}>
              {sessionChannelLabels[c]}
            </option>
          ))}
        </Select>
        <Field
          label="Ort oder Link"
          name="defaultLocation"
          defaultValue={values.defaultLocation}
          error={e("defaultLocation")}
          hint="Videolink oder Adresse; wird beim Planen einer Sitzung vorgeschlagen."
        />
        <Field
          label="Preis (brutto, €)"
          name="price"
          inputMode="decimal"
          placeholder="90,00"
          defaultValue={euroInput(values.priceCents ?? 0)}
          error={e("price")}
          hint="Was eine Sitzung kostet, z. B. 90,00. Leer lassen für kostenlos. Das Erstgespräch bleibt immer kostenlos."
        />
      </fieldset>
      <FormNotices state={state} />
      <div>
        <Button type="submit" variant={values.id ? "secondary" : "primary"} disabled={pending}>
          {pending ? "Wird gespeichert …" : values.id ? "Speichern" : "Sitzungsart hinzufügen"}
        </Button>
      </div>
    </form>
  );
}
