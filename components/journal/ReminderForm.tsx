"use client";

import { useId } from "react";
import { Button } from "@/components/ui/Button";
import { ReminderTimeFields } from "@/components/reminders/ReminderTimeFields";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/http/form-action";
import { saveJournalReminderAction } from "@/lib/reminders/actions";

/**
 * The opt-in daily journal reminder: on or off, at which hour, in which zone. Without a stored
 * zone the device's own is preselected (a client may live outside the practice's zone).
 */
export function ReminderForm({
  enabled,
  hour,
  timeZone,
  practiceZone,
  zones,
}: {
  enabled: boolean;
  hour: number;
  /** The client's stored zone; null until they saved one. */
  timeZone: string | null;
  practiceZone: string;
  zones: string[];
}) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(saveJournalReminderAction, {});
  const enabledId = useId();
  const error = (key: string) => state.fieldErrors?.[key]?.[0];
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormNotices state={state} />
      <div className="flex items-center gap-3">
        <input id={enabledId} type="checkbox" name="enabled" defaultChecked={enabled} className="size-6 accent-accent" />
        <label htmlFor={enabledId}>Erinnere mich per E-Mail, wenn ich an einem Tag noch nichts eingetragen habe</label>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <ReminderTimeFields hour={hour} timeZone={timeZone} practiceZone={practiceZone} zones={zones} error={error} />
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Wird gespeichert …" : "Erinnerung speichern"}
        </Button>
      </div>
    </form>
  );
}
