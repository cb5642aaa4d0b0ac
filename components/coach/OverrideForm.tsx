"use client";

import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import { saveOverrideAction } from "@/lib/booking/coach-actions";
import type { FormState } from "@/lib/http/form-action";

export function OverrideForm() {
  const [state, onSubmit, pending] = useKeptForm<FormState>(saveOverrideAction, {});
  const e = (key: string) => state.fieldErrors?.[key]?.[0];
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
      <div className="md:col-span-2 empty:hidden">
        <FormNotices state={state} />
      </div>
      <Field label="Datum" name="date" type="date" required error={e("date")} />
      <Field label="Bis (optional, für einen Zeitraum)" name="until" type="date" error={e("until")} />
      <Field
        label="Zeiten an diesen Tagen"
        name="ranges"
        placeholder="leer = geschlossen"
        error={e("ranges")}
        hint="z. B. 10:00-13:00; leer lassen für Urlaub oder Feiertag."
      />
      <Field label="Notiz (nur für dich)" name="note" maxLength={200} error={e("note")} />
      <div className="md:col-span-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          Eintragen
        </Button>
      </div>
    </form>
  );
}
