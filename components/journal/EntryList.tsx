"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import type { JournalEntry } from "@/db/schema";
import { mondayOf } from "@/lib/time/dates";
import { formatCalendarDate, formatClock } from "@/lib/time/format";
import { EntryDetails } from "./EntryDetails";
import { JournalForm } from "./JournalForm";

type Context = { today: string; timeZone: string; userId: string };

function Entry({ entry, today, timeZone, userId }: { entry: JournalEntry } & Context) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    const response = await fetch(`/api/journal/${entry.id}`, { method: "DELETE" });
    if (response.ok) router.refresh();
    else setError("Löschen hat nicht geklappt. Bitte versuche es noch einmal.");
  }
  if (editing) return <JournalForm today={today} userId={userId} entry={entry} onDone={() => setEditing(false)} />;
  const day = formatCalendarDate(entry.entryDate, "weekday");
  return (
    <article
      id={`eintrag-${entry.id}`}
      tabIndex={-1}
      aria-label={`${day}, ${formatClock(entry.createdAt, timeZone)} Uhr`}
      className="flex scroll-mt-6 flex-col gap-2 rounded-2xl border border-line bg-surface p-4 outline-accent target:border-accent target:bg-accent-soft"
    >
      <p className="font-medium">{day}</p>
      <EntryDetails entry={entry} timeZone={timeZone} />
      {error && (
        <p role="alert" className="text-danger">
          {error}
        </p>
      )}
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

export function EntryList({ entries, ...context }: { entries: JournalEntry[] } & Context) {
  const weeks = new Map<string, JournalEntry[]>();
  for (const entry of entries) weeks.set(mondayOf(entry.entryDate), [...(weeks.get(mondayOf(entry.entryDate)) ?? []), entry]);
  return (
    <div className="flex flex-col gap-8">
      {[...weeks].map(([monday, items]) => (
        <section key={monday} aria-label={`Woche ab ${formatCalendarDate(monday, "long")}`} className="flex flex-col gap-3">
          <h3 className="font-sans text-base font-semibold text-muted">Woche ab {formatCalendarDate(monday, "long")}</h3>
          {items.map((entry) => (
            <Entry key={entry.id} entry={entry} {...context} />
          ))}
        </section>
      ))}
    </div>
  );
}
