"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import type { JournalEntry } from "@/db/schema";
import { mondayOf } from "@/lib/time/dates";
import { formatCalendarDate } from "@/lib/time/format";
import { JournalForm } from "./JournalForm";

function Entry({ entry, today }: { entry: JournalEntry; today: string }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    const response = await fetch(`/api/journal/${entry.id}`, { method: "DELETE" });
    if (response.ok) router.refresh();
    else setError("Löschen hat nicht geklappt. Bitte versuche es noch einmal.");
  }
  if (editing) return <JournalForm today={today} entry={entry} onDone={() => setEditing(false)} />;
  return (
    <article aria-label={formatCalendarDate(entry.entryDate, "weekday")} className="flex flex-col gap-2 rounded-2xl border border-line bg-surface p-4">
      <p className="font-medium">{formatCalendarDate(entry.entryDate, "weekday")}</p>
      <p>
        Schmerz <strong>{entry.pain}</strong> · Stress <strong>{entry.stress}</strong>
      </p>
      {[...entry.bodyAreas, ...entry.tags].length > 0 && <p className="text-sm text-muted">{[...entry.bodyAreas, ...entry.tags].join(" · ")}</p>}
      {entry.helped.length > 0 && <p className="text-sm">Geholfen: {entry.helped.join(", ")}</p>}
      {entry.notes && <p className="whitespace-pre-line">{entry.notes}</p>}
      {error && <p role="alert" className="text-danger">{error}</p>}
      <div className="flex flex-wrap gap-2">
        {confirming ? (
          <>
            <span className="self-center">Diesen Eintrag wirklich löschen?</span>
            <Button variant="danger" onClick={remove}>
              Ja, löschen
            </Button>
            <Button variant="quiet" onClick={() => setConfirming(false)}>
              Nein
            </Button>
          </>
        ) : (
          <>
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Bearbeiten
            </Button>
            <Button variant="quiet" onClick={() => setConfirming(true)}>
              Löschen
            </Button>
          </>
        )}
      </div>
    </article>
  );
}

export function EntryList({ entries, today }: { entries: JournalEntry[]; today: string }) {
  const weeks = new Map<string, JournalEntry[]>();
  for (const entry of entries) weeks.set(mondayOf(entry.entryDate), [...(weeks.get(mondayOf(entry.entryDate)) ?? []), entry]);
  return (
    <div className="flex flex-col gap-8">
      {[...weeks].map(([monday, items]) => (
        <section key={monday} aria-label={`Woche ab ${formatCalendarDate(monday, "long")}`} className="flex flex-col gap-3">
          <h3 className="font-sans text-base font-semibold text-muted">Woche ab {formatCalendarDate(monday, "long")}</h3>
          {items.map((entry) => (
            <Entry key={entry.id} entry={entry} today={today} />
          ))}
        </section>
      ))}
    </div>
  );
}
