"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/http/form-action";
import { FormNotices } from "@/components/ui/FormNotices";
import { TextArea } from "@/components/ui/Field";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** Move or cancel one upcoming session; each opens on demand so the list stays calm. */
export function SessionChangeForms({
  reschedule,
  cancel,
  date,
  time,
  firstName,
}: {
  reschedule: Action;
  cancel: Action;
  date: string;
  time: string;
  firstName: string;
}) {
  const [open, setOpen] = useState<"move" | "cancel" | null>(null);
  const [moveState, onMove, moving] = useKeptForm<FormState>(reschedule, {});
  const [cancelState, onCancel, cancelling] = useKeptForm<FormState>(cancel, {});
  const e = (key: string) => moveState.fieldErrors?.[key]?.[0];
  if (cancelState.ok) return <FormNotices state={cancelState} />;
  return (
    <div className="flex flex-col gap-3">
      {moveState.ok && !open && <FormNotices state={moveState} />}
      {open === null && (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setOpen("move")}>
            Verschieben …
          </Button>
          <Button variant="quiet" onClick={() => setOpen("cancel")}>
            Absagen …
          </Button>
        </div>
      )}
      {open === "move" && (
        <form onSubmit={onMove} noValidate className="grid gap-3 md:grid-cols-2">
          <div className="flex flex-col gap-3 md:col-span-2">
            <FormNotices state={moveState} />
          </div>
          <Field label="Neues Datum" name="date" type="date" defaultValue={date} required error={e("date")} />
          <Field label="Neue Uhrzeit" name="time" type="time" defaultValue={time} required error={e("time")} />
          <TextArea
            label="Grund (optional)"
            name="reason"
            rows={2}
            maxLength={500}
            error={e("reason")}
            hint="Steht in der E-Mail an die Person: bitte nichts über Beschwerden oder Gesundheit."
            className="md:col-span-2"
          />
          <div className="flex gap-2 md:col-span-2">
            <Button type="submit" disabled={moving}>
              Verschieben
            </Button>
            <Button variant="quiet" onClick={() => setOpen(null)}>
              Schließen
            </Button>
          </div>
        </form>
      )}
      {open === "cancel" && (
        <form onSubmit={onCancel} noValidate className="flex flex-col gap-3">
          <FormNotices state={cancelState} />
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 font-medium">Wer sagt ab?</legend>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="by" value="coach" defaultChecked className="size-5" />
              Ich sage ab
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="by" value="client" className="size-5" />
              {firstName} hat abgesagt (z. B. am Telefon)
            </label>
          </fieldset>
          <TextArea
            label="Grund der Absage"
            name="reason"
            rows={2}
            maxLength={500}
            error={cancelState.fieldErrors?.reason?.[0]}
            hint="Steht in der Absage-E-Mail an die Person: bitte nichts über Beschwerden oder Gesundheit."
          />
          <div className="flex gap-2">
            <Button type="submit" variant="danger" disabled={cancelling}>
              Ja, absagen
            </Button>
            <Button variant="quiet" onClick={() => setOpen(null)}>
              Nein
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
