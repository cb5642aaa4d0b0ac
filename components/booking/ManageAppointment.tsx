"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { TextArea } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
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
        <form onSubmit={onCancel} className="flex flex-col gap-4">
          <FormNotices state={cancelState} />
          <TextArea label="Magst du uns sagen, warum? (optional)" name="reason" rows={3} maxLength={500} />
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
