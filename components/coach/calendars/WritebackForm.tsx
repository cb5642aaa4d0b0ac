"use client";

import { ActionForm } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { Select } from "@/components/ui/Field";
import { saveWritebackAction } from "@/lib/calendars/actions";

/** The one CalDAV calendar every confirmed consultation and session is written to. */
export function WritebackForm({
  options,
  calendarId,
  fullNames,
}: {
  options: { id: string; label: string }[];
  calendarId: string | null;
  fullNames: boolean;
}) {
  return (
    <ActionForm action={saveWritebackAction} className="flex flex-col gap-4">
      {({ pending, error }) => (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 font-semibold">Termine in deinen Kalender eintragen</legend>
          <p className="text-muted">
            Jedes bestätigte Erstgespräch und jede Sitzung erscheint dort, wandert mit, wenn sie verschoben wird, und verschwindet bei einer
            Absage. Der Eintrag enthält nur „Erstgespräch“ oder „Sitzung“, die Initialen und einen Link ins Portal, nie Gesundheitsdaten.
          </p>
          <Select label="Kalender" name="calendarId" defaultValue={calendarId ?? ""} error={error("calendarId")}>
            <option value="">Nicht eintragen</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </Select>
          <label className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name="fullNames" defaultChecked={fullNames} className="size-5" />
            Volle Namen statt Initialen eintragen (die Datenschutzerklärung sagt das dann)
          </label>
          <div>
            <Button type="submit" variant="secondary" disabled={pending}>
              {pending ? "Wird gespeichert …" : "Speichern"}
            </Button>
          </div>
        </fieldset>
      )}
    </ActionForm>
  );
}
