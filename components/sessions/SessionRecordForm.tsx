"use client";

import { Button } from "@/components/ui/Button";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/http/form-action";
import { FormNotices } from "@/components/ui/FormNotices";
import { TextArea } from "@/components/ui/Field";

/** The coach's private notes (Markdown) and the homework the client sees, for one session. */
export function SessionRecordForm({
  action,
  notes,
  homework,
  firstName,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  notes: string;
  homework: string;
  firstName: string;
}) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(action, {});
  const e = (key: string) => state.fieldErrors?.[key]?.[0];
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormNotices state={state} />
      <TextArea
        label="Private Notizen (nur für dich)"
        name="notes"
        rows={5}
        defaultValue={notes}
        error={e("notes")}
        hint={`Markdown. ${firstName} sieht sie nie, auch nicht im Export.`}
      />
      <TextArea
        label={`Hausaufgabe für ${firstName}`}
        name="homework"
        rows={2}
        defaultValue={homework}
        maxLength={4000}
        error={e("homework")}
        hint="Erscheint unter „Deine Termine“."
      />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Notizen speichern
        </Button>
      </div>
    </form>
  );
}
