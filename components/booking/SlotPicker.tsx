"use client";

import { useEffect, useMemo, useState } from "react";
import { addDays, addMonths, datesOfMonth } from "@/lib/time/dates";
import { formatCalendarDate, formatClock } from "@/lib/time/format";
import { practiceDate } from "@/lib/time/zone";
import { Select } from "@/components/ui/Field";
import { DayGrid } from "./DayGrid";

export type SlotJson = { start: string; end: string };

const COMMON_ZONES = [
  "Europe/Berlin",
  "Europe/Vienna",
  "Europe/Zurich",
  "Europe/London",
  "Europe/Madrid",
  "Europe/Lisbon",
  "Atlantic/Canary",
  "America/New_York",
  "Asia/Dubai",
];

/**
 * A month of days with free slots and the times of the chosen day, shown in the visitor's time
 * zone (detected, switchable). Fetches /api/slots for the visible month only.
 */
export function SlotPicker({
  practiceTimeZone,
  horizonDays,
  selected,
  onSelect,
  refreshKey = 0,
}: {
  practiceTimeZone: string;
  horizonDays: number;
  selected: string | null;
  onSelect: (start: string | null) => void;
  refreshKey?: number;
}) {
  const [timeZone, setTimeZone] = useState(practiceTimeZone);
  const [today] = useState(() => practiceDate(new Date(), practiceTimeZone));
  const [month, setMonth] = useState(() => today.slice(0, 7));
  const [slots, setSlots] = useState<SlotJson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [day, setDay] = useState<string | null>(null);

  useEffect(() => {
    // The visitor's own zone, once known in the browser.
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the zone is only known in the browser
    if (detected) setTimeZone(detected);
  }, []);

  const last = addDays(today, horizonDays);
  useEffect(() => {
    const controller = new AbortController();
    const from = [`${month}-01`, today].sort()[1]!;
    const lastOfMonth = datesOfMonth(month).at(-1)!;
    const to = [lastOfMonth, last].sort()[0]!;
    if (to < from) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- nothing to fetch for a month outside the horizon
      setSlots([]);
      return;
    }
    setSlots(null);
    setError(null);
    fetch(`/api/slots?from=${addDays(from, -1)}&to=${addDays(to, 1)}`, { signal: controller.signal, cache: "no-store" })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((data: { slots: SlotJson[] }) => setSlots(data.slots))
      .catch((e: Error) => {
        if (e.name !== "AbortError") setError("Die freien Termine konnten gerade nicht geladen werden. Bitte lade die Seite neu.");
      });
    return () => controller.abort();
  }, [month, today, last, refreshKey]);

  const byDay = useMemo(() => {
    const map = new Map<string, SlotJson[]>();
    for (const slot of slots ?? []) {
      const key = practiceDate(new Date(slot.start), timeZone);
      if (!key.startsWith(month)) continue;
      map.set(key, [...(map.get(key) ?? []), slot]);
    }
    return map;
  }, [slots, timeZone, month]);

  const monthLabel = formatCalendarDate(`${month}-01`, "month-year");
  const counts = useMemo(() => new Map(Array.from(byDay, ([date, list]) => [date, list.length])), [byDay]);
  const zones = Array.from(new Set([timeZone, practiceTimeZone, ...COMMON_ZONES]));
  const daySlots = day ? (byDay.get(day) ?? []) : [];

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end gap-3">
        <Select label="Zeiten anzeigen in" name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
          {zones.map((z) => (
            <option key={z} value={z}>{`${z.replaceAll("_", " ")}${z === practiceTimeZone ? " (Praxis)" : ""}`}</option>
          ))}
        </Select>
        <p className="text-sm text-muted">Die Praxis arbeitet in der Zeitzone {practiceTimeZone}.</p>
      </div>

      <div className="flex items-center justify-between gap-3">
        <button
          type="button"
          onClick={() => setMonth(addMonths(month, -1))}
          disabled={month <= today.slice(0, 7)}
          className="min-h-11 rounded-lg border border-line px-3 disabled:opacity-40"
          aria-label="Voriger Monat"
        >
          ←
        </button>
        <h3 aria-live="polite" className="font-sans text-lg font-semibold">
          {monthLabel}
        </h3>
        <button
          type="button"
          onClick={() => setMonth(addMonths(month, 1))}
          disabled={month >= last.slice(0, 7)}
          className="min-h-11 rounded-lg border border-line px-3 disabled:opacity-40"
          aria-label="Nächster Monat"
        >
          →
        </button>
      </div>

      {error && (
        <p role="alert" className="text-danger">
          {error}
        </p>
      )}
      {slots === null && !error && <p role="status">Freie Termine werden geladen …</p>}

      <DayGrid
        month={month}
        onMonth={setMonth}
        first={today}
        last={last}
        counts={counts}
        selected={day}
        onPick={(date) => {
          setDay(date);
          onSelect(null);
        }}
      />

      {day && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 font-medium">Uhrzeit am {formatCalendarDate(day, "weekday")}</legend>
          <div className="flex flex-wrap gap-2">
            {daySlots.map((slot) => (
              <button
                key={slot.start}
                type="button"
                aria-pressed={selected === slot.start}
                onClick={() => onSelect(slot.start)}
                className="min-h-11 min-w-20 rounded-lg border border-accent px-3 text-accent aria-pressed:bg-accent aria-pressed:text-white"
              >
                {formatClock(new Date(slot.start), timeZone)}
              </button>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
