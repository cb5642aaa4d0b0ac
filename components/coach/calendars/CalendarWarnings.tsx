import Link from "next/link";

/** Calendars that could not be read for a while, and appointments not yet written back: on the agenda. */
export function CalendarWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="mb-2 flex flex-col gap-2" aria-label="Deine Kalender">
      {warnings.map((w) => (
        <li key={w}>
          <Link href="/coach/einstellungen#eigene-kalender">{w}</Link>
        </li>
      ))}
    </ul>
  );
}
