"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/Button";
import { Select } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/http/form-action";
import { saveWeeklyCheckinAction } from "@/lib/outcomes/actions";

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];

/** The weekly check-in email (on by default): weekday, hour and zone, or off. */
export function WeeklyCheckinForm({
  enabled,
  weekday,
  hour,
  timeZone,
  practiceZone,
  zones,
}: {
  enabled: boolean;
  weekday: number;
  hour: number;
  timeZone: string | null;
  practiceZone: string;
  zones: string[];
}) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(saveWeeklyCheckinAction, {});
  const zone = useRef<HTMLSelectElement>(null);
  const enabledId = useId();
  useEffect(() => {
    const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!timeZone && zone.current && zones.includes(device)) zone.current.value = device;
  }, [timeZone, zones]);
  const error = (key: string) => state.fieldErrors?.[key]?.[0];
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormNotices state={state} />
      <div className="flex items-center gap-3">
        <input id={enabledId} type="checkbox" name="enabled" defaultChecked={enabled} className="size-6 shrink-0 accent-accent" />
        <label htmlFor={enabledId}>Erinnere mich einmal pro Woche per E-Mail an den Check-in</label>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Select label="Wochentag" error={error("weekday")} name="weekday" defaultValue={String(weekday)}>
          {WEEKDAYS.map((day, i) => (
            <option key={day} value={i + 1}>
              {day}
            </option>
          ))}
        </Select>
        <Select label="Uhrzeit" error={error("hour")} name="hour" defaultValue={String(hour)}>
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {String(h).padStart(2, "0")}:00 Uhr
            </option>
          ))}
        </Select>
        <Select label="Deine Zeitzone" error={error("timeZone")} ref={zone} name="timeZone" defaultValue={timeZone ?? practiceZone}>
          {zones.map((z) => (
            <option key={z}>{z}</option>
          ))}
        </Select>
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Wird gespeichert …" : "Erinnerung speichern"}
        </Button>
      </div>
    </form>
  );
}
