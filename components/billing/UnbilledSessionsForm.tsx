"use client";

import { ActionForm, type FormAction } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";

export type UnbilledRow = { id: string; when: string; description: string; price: string };

/** "Abrechnen": the completed sessions not yet billed, each with a checkbox (all chosen at first). */
export function UnbilledSessionsForm({ action, sessions }: { action: FormAction; sessions: UnbilledRow[] }) {
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      {({ pending }) => (
        <>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 font-semibold">Abgeschlossene Sitzungen, noch nicht abgerechnet</legend>
            {sessions.map((s) => (
              <label key={s.id} className="flex items-start gap-3 rounded-xl border border-line bg-surface p-3">
                <input type="checkbox" name="appointmentIds" value={s.id} defaultChecked className="mt-1 size-5" />
                <span className="flex flex-1 flex-wrap justify-between gap-x-4">
                  <span>
                    {s.when} · {s.description}
                  </span>
                  <span className="font-medium">{s.price}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div>
            <Button type="submit" disabled={pending}>
              {pending ? "Entwurf wird erstellt …" : "Entwurf erstellen"}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
