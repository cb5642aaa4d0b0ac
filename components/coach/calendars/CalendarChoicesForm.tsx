"use client";

import { ActionForm } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { saveCalendarChoicesAction } from "@/lib/calendars/actions";
import type { ConnectionView } from "@/lib/calendars/connections";

/** Which calendars of one connection count as busy, and whether the agenda shows their titles. */
export function CalendarChoicesForm({ connection }: { connection: ConnectionView }) {
  return (
    <ActionForm action={saveCalendarChoicesAction} className="flex flex-col gap-3">
      {({ pending }) => (
        <>
          <input type="hidden" name="connectionId" value={connection.id} />
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 font-medium">Diese Kalender blockieren Buchungen</legend>
            {connection.calendars.map((c) => (
              <label key={c.id} className="flex min-h-11 items-center gap-3">
                <input type="checkbox" name="busy" value={c.id} defaultChecked={c.busy} className="size-5" />
                {c.displayName}
              </label>
            ))}
          </fieldset>
          <label className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name="showTitles" defaultChecked={connection.showTitles} className="size-5" />
            Titel der Termine in meiner Übersicht zeigen (sonst nur „Privat“)
          </label>
          <div>
            <Button type="submit" variant="secondary" disabled={pending}>
              {pending ? "Wird gespeichert …" : "Auswahl speichern"}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
