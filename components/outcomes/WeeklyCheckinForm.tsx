"use client";

import { ActionForm } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { ReminderTimeFields } from "@/components/reminders/ReminderTimeFields";
import { Select } from "@/components/ui/Field";
import { saveWeeklyCheckinAction } from "@/lib/outcomes/actions";

const WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];

/**
 * The weekly check-in email (on by default): weekday, hour and zone, or off. Until the client
 * saved a zone, the device's own is offered (once known, after the first render).
 */
export function WeeklyCheckinForm(props: {
  enabled: boolean;
  weekday: number;
  hour: number;
  timeZone: string | null;
  practiceZone: string;
  zones: string[];
}) {
  const { enabled, weekday, hour, timeZone, practiceZone, zones } = props;
  return (
    <ActionForm action={saveWeeklyCheckinAction} className="flex flex-col gap-4">
      {({ pending, error }) => (
        <>
          <label className="flex items-center gap-3">
            <input type="checkbox" name="enabled" defaultChecked={enabled} className="size-6 shrink-0 accent-accent" />
            <span>Erinnere mich einmal pro Woche per E-Mail an den Check-in</span>
          </label>
          <div className="grid gap-4 sm:grid-cols-3">
            <Select label="Wochentag" name="weekday" defaultValue={String(weekday)} error={error("weekday")}>
              {WEEKDAYS.map((day, index) => (
                <option key={day} value={index + 1}>
                  {day}
                </option>
              ))}
            </Select>
            <ReminderTimeFields hour={hour} timeZone={timeZone} practiceZone={practiceZone} zones={zones} error={error} />
          </div>
          <div>
            <Button type="submit" variant="secondary" disabled={pending}>
              {pending ? "Wird gespeichert …" : "Erinnerung speichern"}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
