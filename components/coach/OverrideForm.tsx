"use client";

import { ActionForm } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { saveOverrideAction } from "@/lib/booking/coach-actions";

export function OverrideForm() {
  return (
    <ActionForm action={saveOverrideAction} className="grid gap-4 md:grid-cols-2" noticeClassName="md:col-span-2">
      {({ error, pending }) => (
        <>
          <Field label="Datum" name="date" type="date" required error={error("date")} />
          <Field label="Bis (optional, für einen Zeitraum)" name="until" type="date" error={error("until")} />
          <Field
            label="Zeiten an diesen Tagen"
            name="ranges"
            placeholder="leer = geschlossen"
            error={error("ranges")}
            hint="z. B. 10:00-13:00; leer lassen für Urlaub oder Feiertag."
          />
          <Field label="Notiz (nur für dich)" name="note" maxLength={200} error={error("note")} />
          <div className="md:col-span-2">
            <Button type="submit" variant="secondary" disabled={pending}>
              Eintragen
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
