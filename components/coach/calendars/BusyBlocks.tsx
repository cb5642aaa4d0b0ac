import type { BusyBlock } from "@/lib/calendars/busy";
import { formatClock } from "@/lib/time/format";

/** The coach's private appointments of one day in the agenda: time and, only if wanted, the title. */
export function BusyBlocks({ blocks, timeZone }: { blocks: BusyBlock[] | undefined; timeZone: string }) {
  if (!blocks?.length) return null;
  return (
    <ul className="flex flex-col gap-1" aria-label="Private Termine">
      {blocks.map((b, i) => (
        <li key={`${b.start.toISOString()}-${i}`} className="rounded-lg border border-dashed border-line px-3 py-1 text-sm text-muted">
          <span className="tabular-nums">
            {b.allDay ? "ganztägig" : `${formatClock(b.start, timeZone)}–${formatClock(b.end, timeZone)}`}
          </span>{" "}
          {b.title ?? "Privat"} <span className="sr-only">({b.calendar})</span>
        </li>
      ))}
    </ul>
  );
}
