"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Field, Select, TextArea } from "@/components/ui/Field";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/http/form-action";
import { FormNotices } from "@/components/ui/FormNotices";

type SessionTypeOption = { id: string; name: string; durationMinutes: number; defaultLocation: string };

/** The coach schedules a session (or a weekly series) for this client. */
export function ScheduleSessionForm({
  action,
  types,
  firstName,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  types: SessionTypeOption[];
  firstName: string;
}) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(action, {});
  const [typeId, setTypeId] = useState(types[0]?.id ?? "");
  const e = (key: string) => state.fieldErrors?.[key]?.[0];
  const type = types.find((t) => t.id === typeId);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
      <div className="flex flex-col gap-3 md:col-span-2">
        <FormNotices state={state} />
      </div>
      <Field label="Datum" name="date" type="date" required error={e("date")} />
      <Field label="Uhrzeit" name="time" type="time" required error={e("time")} hint="In der Zeitzone der Praxis." />
      <Select
        label="Sitzungsart"
        name="sessionTypeId"
        value={typeId}
        onChange={(event) => setTypeId(event.target.value)}
        error={e("sessionTypeId")}
      >
        {types.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.durationMinutes} Min.)
          </option>
        ))}
      </Select>
      <Field
        label="Ort oder Link"
        name="location"
        maxLength={500}
        error={e("location")}
        placeholder={type?.defaultLocation || undefined}
        hint={type?.defaultLocation ? "Leer lassen für den Standard dieser Sitzungsart." : "z. B. der Videolink oder die Adresse."}
      />
      <TextArea
        label={`Notiz an ${firstName}`}
        name="noteToClient"
        rows={3}
        maxLength={2000}
        error={e("noteToClient")}
        hint="Erscheint in der Einladung und unter „Deine Termine“."
        className="md:col-span-2"
      />
      <Field
        label="Wöchentlich wiederholen (Anzahl Termine, optional)"
        name="repeatWeekly"
        type="number"
        inputMode="numeric"
        min={2}
        max={26}
        error={e("repeatWeekly")}
        hint="2 bis 26. Leer lassen für einen einzelnen Termin."
      />
      <div className="md:col-span-2">
        <Button type="submit" disabled={pending}>
          Sitzung eintragen
        </Button>
      </div>
    </form>
  );
}
