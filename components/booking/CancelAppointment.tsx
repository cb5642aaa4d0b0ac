"use client";

import { useState } from "react";
import type { FormState } from "@/lib/http/form-action";
import { Button } from "@/components/ui/Button";
import { TextArea } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";

/**
 * Cancelling one's own appointment (the client's dashboard, a visitor's manage page) in two
 * steps: "Termin absagen …" opens the question, and only "Ja, absagen" cancels.
 */
export function CancelAppointment({
  action,
  reasonLabel = "Grund (optional)",
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  reasonLabel?: string;
}) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(action, {});
  const [open, setOpen] = useState(false);
  if (state.ok) return <FormNotices state={state} />;
  if (!open)
    return (
      <div>
        <Button variant="quiet" onClick={() => setOpen(true)}>
          Termin absagen …
        </Button>
      </div>
    );
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Termin absagen">
      <FormNotices state={state} />
      <p className="font-medium">Möchtest du diesen Termin wirklich absagen?</p>
      {/* The question just opened where the button was: the reason field takes the focus. */}
      <TextArea label={reasonLabel} name="reason" rows={2} maxLength={500} autoFocus />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Wird abgesagt …" : "Ja, absagen"}
        </Button>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          Nein, Termin behalten
        </Button>
      </div>
    </form>
  );
}
