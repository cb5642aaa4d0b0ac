"use client";

import { useSyncExternalStore } from "react";
import { Select } from "@/components/ui/Field";

const noSubscription = () => () => {};
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * The hour and the zone of a reminder, for every reminder form. Until the client saved a zone,
 * the device's own is preselected (known only in the browser: null on the server, so hydration
 * matches), else the practice's.
 */
export function ReminderTimeFields({
  hour,
  timeZone,
  practiceZone,
  zones,
  error,
}: {
  hour: number;
  /** The client's stored zone; null until they saved one. */
  timeZone: string | null;
  practiceZone: string;
  zones: string[];
  error: (field: string) => string | undefined;
}) {
  const device = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  const preselected = timeZone ?? (device && zones.includes(device) ? device : practiceZone);
  return (
    <>
      <Select label="Uhrzeit" name="hour" defaultValue={String(hour)} error={error("hour")}>
        {HOURS.map((h) => (
          <option key={h} value={h}>{`${String(h).padStart(2, "0")}:00 Uhr`}</option>
        ))}
      </Select>
      <Select key={preselected} label="Deine Zeitzone" name="timeZone" defaultValue={preselected} error={error("timeZone")}>
        {zones.map((z) => (
          <option key={z}>{z}</option>
        ))}
      </Select>
    </>
  );
}
