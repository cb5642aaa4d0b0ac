"use client";

import type { FormState } from "@/lib/http/form-action";
import { useId, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { useKeptForm } from "@/components/ui/useKeptForm";

type State = FormState;

export function CancelOwnAppointment({ action }: { action: (state: State, form: FormData) => Promise<State> }) {
  const [state, onSubmit, pending] = useKeptForm<State>(action, {});
  const [open, setOpen] = useState(false);
  const id = useId();
  if (state.ok)
    return (
      <Notice role="status" tone="success">
        {state.ok}
      </Notice>
    );
  if (!open)
    return (
      <div>
        <Button variant="quiet" onClick={() => setOpen(true)}>
          Termin absagen …
        </Button>
      </div>
    );
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      {state.message && (
        <Notice tone="danger" role="alert">
          {state.message}
        </Notice>
      )}
      <label htmlFor={id} className="font-medium">
        Grund (optional)
      </label>
      <textarea id={id} name="reason" rows={2} maxLength={500} className="rounded-lg border border-line bg-surface px-3 py-2" />
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          Ja, absagen
        </Button>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          Nein
        </Button>
      </div>
    </form>
  );
}
