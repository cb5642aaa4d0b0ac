"use client";

import { ActionForm, type FormAction } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { TextArea } from "@/components/ui/Field";

/** One suggestion for the coach: the text the client would read (editable), confirm or dismiss. */
export function SuggestionForm({
  action,
  rule,
  evidenceKey,
  text,
  firstName,
}: {
  action: FormAction;
  rule: string;
  evidenceKey: string;
  text: string;
  firstName: string;
}) {
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      {({ error, pending }) => (
        <>
          <input type="hidden" name="rule" value={rule} />
          <input type="hidden" name="evidenceKey" value={evidenceKey} />
          <TextArea label={`Text für ${firstName}`} name="text" rows={3} maxLength={500} defaultValue={text} error={error("text")} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="decision" value="confirm" disabled={pending}>
              Bestätigen
            </Button>
            <Button type="submit" name="decision" value="dismiss" variant="secondary" disabled={pending}>
              Verwerfen
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
