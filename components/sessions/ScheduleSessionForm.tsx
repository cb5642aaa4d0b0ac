"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Field, Select, TextArea } from "@/components/ui/Field";
import { ActionForm, type FormAction } from "@/components/ui/ActionForm";

type SessionTypeOption = { id: string; name: string; durationMinutes: number; defaultLocation: string };

/** The coach schedules a session (or a weekly series) for this client. */
export function ScheduleSessionForm({ action, types, firstName }: { action: FormAction; types: SessionTypeOption[]; firstName: string }) {
  const [typeId, setTypeId] = useState(types[0]?.id ?? "");
  const type = types.find((t) => t.id === typeId);
  return (
    <ActionForm action={action} className="grid gap-4 md:grid-cols-2" noticeClassName="flex flex-col gap-3 md:col-span-2">
      {({ error, pending }) => (
        <>
          <Field label="Datum" name="date" type="date" required error={error("date")} />
          <Field label="Uhrzeit" name="time" type="time" required error={error("time")} hint="In der Zeitzone der Praxis." />
          <Select
            label="Sitzungsart"
            name="sessionTypeId"
            value={typeId}
            onChange={(event) => setTypeId(event.target.value)}
            error={error("sessionTypeId")}
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
            error={error("location")}
            placeholder={type?.defaultLocation || undefined}
            hint={type?.defaultLocation ? "Leer lassen für den Standard dieser Sitzungsart." : "z. B. der Videolink oder die Adresse."}
          />
          <TextArea
            label={`Notiz an ${firstName}`}
            name="noteToClient"
            rows={3}
            maxLength={2000}
            error={error("noteToClient")}
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
            error={error("repeatWeekly")}
            hint="2 bis 26. Leer lassen für einen einzelnen Termin."
          />
          <div className="md:col-span-2">
            <Button type="submit" disabled={pending}>
              Sitzung eintragen
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
