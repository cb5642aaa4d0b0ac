"use client";

import { ActionForm, type FormAction } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { Field, Select, TextArea } from "@/components/ui/Field";

export type LinkableEntry = { id: string; label: string };

/** Adds or changes one observation: what was noticed, on which day, and optionally which journal entry. */
export function EvidenceForm({
  action,
  entries,
  today,
  values,
  textLabel,
  submitLabel,
}: {
  action: FormAction;
  entries: LinkableEntry[];
  today: string;
  values?: { id: string; text: string; observedOn: string; journalEntryId: string | null };
  textLabel: string;
  submitLabel: string;
}) {
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      {({ error, pending }) => (
        <>
          {values && <input type="hidden" name="id" value={values.id} />}
          <TextArea
            label={textLabel}
            name="text"
            rows={3}
            maxLength={500}
            required
            defaultValue={values?.text}
            error={error("text")}
            hint="Zum Beispiel: „Beim Wandern war der Schmerz weg.“ Höchstens 500 Zeichen."
          />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field
              label="Datum"
              name="observedOn"
              type="date"
              max={today}
              required
              defaultValue={values?.observedOn ?? today}
              error={error("observedOn")}
            />
            <Select
              label="Tagebucheintrag (optional)"
              name="journalEntryId"
              defaultValue={values?.journalEntryId ?? ""}
              error={error("journalEntryId")}
            >
              <option value="">Keiner</option>
              {entries.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <Button type="submit" variant={values ? "secondary" : "primary"} disabled={pending}>
              {submitLabel}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
