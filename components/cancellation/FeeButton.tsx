"use client";

import { Button } from "@/components/ui/Button";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/http/form-action";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** One click bills the fee of one session; the answer (or the refusal) stays beside it. */
export function FeeButton({ action, label }: { action: Action; label: string }) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(action, {});
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <FormNotices state={state} />
      {!state.ok && (
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {label}
          </Button>
        </div>
      )}
    </form>
  );
}
