"use client";

import { ActionForm, type FormAction } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { Select, TextArea } from "@/components/ui/Field";

/** The coach gives the client an exercise of the library as homework, with how often. */
export function AssignExerciseForm({
  action,
  exercises,
  frequencies,
}: {
  action: FormAction;
  exercises: { id: string; title: string }[];
  frequencies: { value: string; label: string }[];
}) {
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      {({ error, pending }) => (
        <>
          <Select name="exerciseId" label="Übung" defaultValue="" error={error("exerciseId")}>
            <option value="" disabled>
              Bitte wählen
            </option>
            {exercises.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </Select>
          <Select name="frequency" label="Wie oft?" defaultValue="daily" error={error("frequency")}>
            {frequencies.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </Select>
          <TextArea name="note" label="Notiz dazu (optional)" rows={2} maxLength={500} error={error("note")} />
          <div>
            <Button type="submit" disabled={pending}>
              Als Hausaufgabe geben
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
