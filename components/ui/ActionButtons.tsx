"use client";

import { Button } from "@/components/ui/Button";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/http/form-action";

type Action = (state: FormState, form: FormData) => Promise<FormState>;
export type ActionButton = { label: string; name?: string; value?: string; variant?: "primary" | "secondary" | "quiet" };

/**
 * A few buttons that each send one click to a bound action (the pressed one's name and value go
 * along); the answer or the refusal shows beside them. With `once`, a success replaces the buttons.
 */
export function ActionButtons({ action, buttons, once = false }: { action: Action; buttons: ActionButton[]; once?: boolean }) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(action, {});
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <FormNotices state={state} />
      {!(once && state.ok) && (
        <div className="flex flex-wrap gap-2">
          {buttons.map((b) => (
            <Button key={b.label} type="submit" name={b.name} value={b.value} variant={b.variant ?? "secondary"} disabled={pending}>
              {b.label}
            </Button>
          ))}
        </div>
      )}
    </form>
  );
}
