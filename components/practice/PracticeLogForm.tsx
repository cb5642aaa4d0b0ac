"use client";

import { useEffect, useRef } from "react";
import { ActionForm, type FormAction } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { Field, Select, TextArea } from "@/components/ui/Field";

const NOTE_MAX = 500;
const scale = Array.from({ length: 11 }, (_, n) => String(n));

function ScaleSelect({ name, label, error }: { name: string; label: string; error?: string }) {
  return (
    <Select name={name} label={label} defaultValue="" error={error} required>
      <option value="" disabled>
        wählen
      </option>
      {scale.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </Select>
  );
}

/** After a saved practice the form starts afresh (minutes back to the exercise's length), so a second tap saves nothing twice. */
function ResetAfterSave({ saved }: { saved: object }) {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if ("ok" in saved && saved.ok) marker.current?.closest("form")?.reset();
  }, [saved]);
  return <span ref={marker} hidden />;
}

/**
 * Logging one practice on a phone in a few taps: minutes (pre-filled with the exercise's length),
 * fear of the sensation and its intensity before and after, each 0-10 on the phone's own picker,
 * and a short note. The answer (what was saved, this week's count) appears at the form's top.
 */
export function PracticeLogForm({ action, minutes }: { action: FormAction; minutes: number }) {
  return (
    <ActionForm action={action} className="flex flex-col gap-4">
      {({ state, error, pending }) => (
        <>
          <ResetAfterSave saved={state} />
          <Field
            name="minutes"
            label="Wie viele Minuten?"
            type="number"
            inputMode="numeric"
            min={1}
            max={600}
            defaultValue={minutes}
            error={error("minutes")}
            className="max-w-60"
          />
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 font-medium">Angst oder Sorge wegen der Empfindung (0–10)</legend>
            <div className="grid grid-cols-2 gap-3">
              <ScaleSelect name="fearBefore" label="Angst vorher" error={error("fearBefore")} />
              <ScaleSelect name="fearAfter" label="Angst nachher" error={error("fearAfter")} />
            </div>
          </fieldset>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 font-medium">Stärke der Empfindung (0–10)</legend>
            <div className="grid grid-cols-2 gap-3">
              <ScaleSelect name="intensityBefore" label="Stärke vorher" error={error("intensityBefore")} />
              <ScaleSelect name="intensityAfter" label="Stärke nachher" error={error("intensityAfter")} />
            </div>
          </fieldset>
          <TextArea name="note" label="Kurze Notiz (optional)" rows={2} maxLength={NOTE_MAX} error={error("note")} />
          <div>
            <Button type="submit" disabled={pending}>
              {pending ? "Wird gespeichert …" : "Übung eintragen"}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
