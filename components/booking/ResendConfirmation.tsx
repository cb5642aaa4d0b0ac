"use client";

import { Button } from "@/components/ui/Button";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/http/form-action";

/** "Send the email again" on a booking request's own page. */
export function ResendConfirmation({ action }: { action: (state: FormState, form: FormData) => Promise<FormState> }) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(action, {});
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <FormNotices state={state} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Wird gesendet …" : "E-Mail noch einmal senden"}
        </Button>
      </div>
    </form>
  );
}
