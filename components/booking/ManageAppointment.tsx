"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState as ManageState } from "@/lib/http/form-action";
import { SlotPicker } from "./SlotPicker";

type Action = (state: ManageState, form: FormData) => Promise<ManageState>;

/** Move or cancel a confirmed consultation from the manage link. */
export function ManageAppointment({
  cancel,
  reschedule,
  practiceTimeZone,
  horizonDays,
}: {
  cancel: Action;
  reschedule: Action;
  practiceTimeZone: string;
  horizonDays: number;
}) {
  const [cancelState, onCancel, cancelling] = useKeptForm<ManageState>(cancel, {});
  const [moveState, onMove, moving] = useKeptForm<ManageState>(reschedule, {});
  const [start, setStart] = useState<string | null>(null);
  const reasonId = useId();
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="verschieben" className="flex flex-col gap-4">
        <h2 id="verschieben" className="text-xl">
          Termin verschieben
        </h2>
        <form onSubmit={onMove} className="flex flex-col gap-4">
          {moveState.message && (
            <Notice tone="danger" role="alert">
              {moveState.message}
            </Notice>
          )}
          <SlotPicker practiceTimeZone={practiceTimeZone} horizonDays={horizonDays} selected={start} onSelect={setStart} />
          <input type="hidden" name="start" value={start ?? ""} />
          <div>
            <Button type="submit" disabled={!start || moving}>
              {moving ? "Wird verschoben …" : "Auf diesen Termin verschieben"}
            </Button>
          </div>
        </form>
      </section>
      <section aria-labelledby="absagen" className="flex flex-col gap-4">
        <h2 id="absagen" className="text-xl">
          Termin absagen
        </h2>
        <form onSubmit={onCancel} className="flex flex-col gap-4">
          {cancelState.message && (
            <Notice tone="danger" role="alert">
              {cancelState.message}
            </Notice>
          )}
          <div className="flex flex-col gap-1">
            <label htmlFor={reasonId} className="font-medium">
              Magst du uns sagen, warum? (optional)
            </label>
            <textarea
              id={reasonId}
              name="reason"
              rows={3}
              maxLength={500}
              className="rounded-lg border border-line bg-surface px-3 py-2 text-base"
            />
          </div>
          <div>
            <Button type="submit" variant="danger" disabled={cancelling}>
              {cancelling ? "Wird abgesagt …" : "Termin absagen"}
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}
