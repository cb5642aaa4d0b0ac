"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { addDays, addMonths, datesOfMonth, isoWeekday, mondayOf } from "@/lib/time/dates";
import { formatCalendarDate } from "@/lib/time/format";

const weekdays = [
  ["Mo", "Montag"],
  ["Di", "Dienstag"],
  ["Mi", "Mittwoch"],
  ["Do", "Donnerstag"],
  ["Fr", "Freitag"],
  ["Sa", "Samstag"],
  ["So", "Sonntag"],
] as const;

/** The day a key moves to, as date pickers do: arrows by day and week, Home/End the week, PageUp/PageDown the month. */
function target(date: string, key: string): string | null {
  switch (key) {
    case "ArrowLeft":
      return addDays(date, -1);
    case "ArrowRight":
      return addDays(date, 1);
    case "ArrowUp":
      return addDays(date, -7);
    case "ArrowDown":
      return addDays(date, 7);
    case "Home":
      return mondayOf(date);
    case "End":
      return addDays(mondayOf(date), 6);
    case "PageUp":
    case "PageDown": {
      const month = addMonths(date.slice(0, 7), key === "PageUp" ? -1 : 1);
      const last = datesOfMonth(month).at(-1)!;
      const day = `${month}-${date.slice(8)}`;
      return day > last ? last : day;
    }
    default:
      return null;
  }
}

/**
 * A month of days as a grid with one Tab stop (a roving tabindex): the arrow keys move between
 * days, across months within [first, last]; Enter or Space picks a day with free times. Days
 * without free times stay reachable and say so, as in a date picker.
 */
export function DayGrid({
  month,
  onMonth,
  first,
  last,
  counts,
  selected,
  onPick,
}: {
  month: string;
  onMonth: (month: string) => void;
  /** The first and last date one may move to. */
  first: string;
  last: string;
  counts: Map<string, number>;
  selected: string | null;
  onPick: (date: string) => void;
}) {
  const grid = useRef<HTMLTableElement>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const moved = useRef(false);
  const dates = datesOfMonth(month);
  const firstFree = dates.find((d) => (counts.get(d) ?? 0) > 0);
  const inMonth = (d: string | null) => (d && d.startsWith(month) ? d : null);
  const tabStop = inMonth(focused) ?? inMonth(selected) ?? firstFree ?? [first, dates[0]!].sort().at(-1)!;

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    grid.current?.querySelector<HTMLButtonElement>(`[data-date="${tabStop}"]`)?.focus();
  }, [tabStop]);

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const next = target(tabStop, event.key);
    if (!next) return;
    event.preventDefault();
    const clamped = next < first ? first : next > last ? last : next;
    moved.current = true;
    setFocused(clamped);
    if (!clamped.startsWith(month)) onMonth(clamped.slice(0, 7));
  }

  const cells: (string | null)[] = [...Array.from({ length: isoWeekday(dates[0]!) - 1 }, () => null), ...dates];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const monthLabel = formatCalendarDate(`${month}-01`, "month-year");

  return (
    <table
      ref={grid}
      role="grid"
      aria-label={`Tage im ${monthLabel}`}
      aria-describedby="tage-tasten"
      onKeyDown={onKeyDown}
      className="w-full table-fixed text-center"
    >
      <caption id="tage-tasten" className="sr-only">
        Mit den Pfeiltasten wechselst du zwischen den Tagen, mit Bild auf und Bild ab zwischen den Monaten.
      </caption>
      <thead>
        <tr>
          {weekdays.map(([short, long]) => (
            <th key={short} scope="col" abbr={long} className="pb-1 text-sm font-normal text-muted">
              {short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.find(Boolean)}>
            {week.map((date, i) => {
              if (!date) return <td key={`leer-${i}`} />;
              const count = counts.get(date) ?? 0;
              const label = formatCalendarDate(date, "weekday");
              return (
                <td key={date} className="p-0.5">
                  <button
                    type="button"
                    data-date={date}
                    tabIndex={date === tabStop ? 0 : -1}
                    aria-disabled={count === 0 ? true : undefined}
                    aria-pressed={selected === date}
                    aria-label={count ? `${label}, ${count} freie Termine` : `${label}, keine freien Termine`}
                    onFocus={() => setFocused(date)}
                    onClick={() => count > 0 && onPick(date)}
                    className="min-h-11 w-full rounded-lg text-base aria-disabled:text-muted/60 not-aria-disabled:bg-accent-soft not-aria-disabled:font-semibold not-aria-disabled:text-accent-strong aria-pressed:bg-accent aria-pressed:text-white"
                  >
                    {Number(date.slice(8))}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
