"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/http/form-action";
import { CancelAppointment } from "./CancelAppointment";
import { SlotPicker } from "./SlotPicker";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** Move or cancel a confirmed consultation from the manage link; cancelling asks first. */
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
  const [moveState, onMove, moving] = useKeptForm<FormState>(reschedule, {});
  const [start, setStart] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="verschieben" className="flex flex-col gap-4">
        <h2 id="verschieben" className="text-xl">
          Termin verschieben
        </h2>
        <form onSubmit={onMove} className="flex flex-col gap-4">
          <FormNotices state={moveState} />
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
        <CancelAppointment action={cancel} reasonLabel="Magst du mir sagen, warum? (optional)" />
      </section>
    </div>
  );
}
