"use client";

import { Button } from "@/components/ui/Button";
import { ActionForm, type FormAction } from "@/components/ui/ActionForm";
import { TextArea } from "@/components/ui/Field";

/** The coach's private notes (Markdown) and the homework the client sees, for one session. */
export function SessionRecordForm({
  action,
  notes,
  homework,
  firstName,
}: {
  action: FormAction;
  notes: string;
  homework: string;
  firstName: string;
}) {
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      {({ error, pending }) => (
        <>
          <TextArea
            label="Private Notizen (nur für dich)"
            name="notes"
            rows={5}
            defaultValue={notes}
            error={error("notes")}
            hint={`Markdown. ${firstName} sieht sie nie, auch nicht im Export.`}
          />
          <TextArea
            label={`Hausaufgabe für ${firstName}`}
            name="homework"
            rows={2}
            defaultValue={homework}
            maxLength={4000}
            error={error("homework")}
            hint="Erscheint unter „Deine Termine“."
          />
          <div>
            <Button type="submit" variant="secondary" disabled={pending}>
              Notizen speichern
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
