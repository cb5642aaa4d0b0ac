import type { JournalEntry } from "@/db/schema";
import { moodLabel } from "@/lib/journal/schemas";
import { formatClock } from "@/lib/time/format";

/**
 * Everything the client wrote in one entry, as the client and the coach read it: the time it was
 * written (several entries can share a day), pain, stress, mood, where it hurt, what happened,
 * what helped and the notes.
 */
export function EntryDetails({ entry, timeZone }: { entry: JournalEntry; timeZone: string }) {
  const mood = moodLabel(entry.mood);
  return (
    <>
      <p>
        <span className="text-muted">{formatClock(entry.createdAt, timeZone)} Uhr · </span>
        Schmerz <strong>{entry.pain}</strong> · Stress <strong>{entry.stress}</strong>
        {mood && (
          <>
            {" "}
            · Stimmung <strong>{mood}</strong>
          </>
        )}
      </p>
      {entry.bodyAreas.length > 0 && <p className="text-sm">Wo: {entry.bodyAreas.join(", ")}</p>}
      {entry.tags.length > 0 && <p className="text-sm">Was los war: {entry.tags.join(", ")}</p>}
      {entry.helped.length > 0 && <p className="text-sm">Geholfen: {entry.helped.join(", ")}</p>}
      {entry.notes && <p className="whitespace-pre-line">{entry.notes}</p>}
    </>
  );
}
