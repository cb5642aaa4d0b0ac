import type { ReactNode } from "react";
import type { LogView } from "@/lib/practice/logs";
import { formatCalendarDate } from "@/lib/time/format";

/** Practices with what was felt, the note and the coach's feedback beside each; `extra` adds a form per log (the coach's). */
export function PracticeLogList({
  logs,
  showTitle = false,
  coachName = "Deine Coach",
  extra,
}: {
  logs: LogView[];
  showTitle?: boolean;
  coachName?: string;
  extra?: (log: LogView) => ReactNode;
}) {
  if (logs.length === 0) return <p className="text-muted">Noch keine Übung eingetragen.</p>;
  return (
    <ul className="flex flex-col gap-3">
      {logs.map((l) => (
        <li key={l.id} className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4">
          <p>
            <strong>{formatCalendarDate(l.practicedOn, "long")}</strong>
            {showTitle && <> · {l.title}</>} · {l.minutes} Min.
          </p>
          <p>
            Angst {l.fearBefore} → {l.fearAfter} · Stärke {l.intensityBefore} → {l.intensityAfter}
          </p>
          {l.note && <p className="whitespace-pre-line text-muted">„{l.note}“</p>}
          {l.feedback && (
            <div className="rounded-lg bg-accent-soft p-3">
              <p className="text-sm font-semibold">Rückmeldung von {coachName}</p>
              <p className="whitespace-pre-line">{l.feedback}</p>
            </div>
          )}
          {extra?.(l)}
        </li>
      ))}
    </ul>
  );
}
