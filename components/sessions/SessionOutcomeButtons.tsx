"use client";

import { Button } from "@/components/ui/Button";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/http/form-action";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** For a session that has begun: how it went ("Stattgefunden" draws a package credit). */
export function SessionOutcomeButtons({ action }: { action: Action }) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(action, {});
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <FormNotices state={state} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="outcome" value="completed" variant="secondary" disabled={pending}>
          Stattgefunden
        </Button>
        <Button type="submit" name="outcome" value="no_show" variant="quiet" disabled={pending}>
          Nicht erschienen
        </Button>
      </div>
    </form>
  );
}
