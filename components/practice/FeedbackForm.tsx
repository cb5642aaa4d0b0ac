"use client";

import { ActionForm, type FormAction } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { TextArea } from "@/components/ui/Field";

const FEEDBACK_MAX = 1000;

/** The coach's short answer to one practice; the client reads it beside that practice. */
export function FeedbackForm({ action, feedback, firstName }: { action: FormAction; feedback: string | null; firstName: string }) {
  return (
    <ActionForm action={action} className="flex flex-col gap-2">
      {({ error, pending }) => (
        <>
          <TextArea
            name="feedback"
            label={feedback ? "Rückmeldung ändern" : `Rückmeldung an ${firstName}`}
            rows={2}
            maxLength={FEEDBACK_MAX}
            defaultValue={feedback ?? ""}
            error={error("feedback")}
          />
          <div>
            <Button type="submit" variant="secondary" disabled={pending}>
              Rückmeldung speichern
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
