import type { FormAction } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import type { EvidenceRow } from "@/lib/safety/queries";
import { formatCalendarDate } from "@/lib/time/format";
import { EvidenceForm, type LinkableEntry } from "./EvidenceForm";

/**
 * The observations, newest first. Those `mine` says the reader wrote can be changed (a form
 * behind "Ändern") and deleted; the others are read-only.
 */
export function EvidenceList({
  items,
  mine,
  sourceLabel,
  saveAction,
  deleteAction,
  deleteFields = {},
  entries,
  today,
}: {
  items: EvidenceRow[];
  mine: (item: EvidenceRow) => boolean;
  sourceLabel: (item: EvidenceRow) => string;
  saveAction: FormAction;
  deleteAction: (form: FormData) => Promise<void>;
  deleteFields?: Record<string, string>;
  entries: LinkableEntry[];
  today: string;
}) {
  if (items.length === 0) return <p className="text-muted">Noch keine Beobachtungen.</p>;
  return (
    <ul className="flex flex-col gap-3">
      {items.map((item) => (
        <li key={item.id} className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4">
          <p className="text-sm text-muted">
            {formatCalendarDate(item.observedOn, "long")} · {sourceLabel(item)}
            {item.journalDate ? ` · Tagebuch vom ${formatCalendarDate(item.journalDate, "long")}` : ""}
          </p>
          <p className="break-words whitespace-pre-line">{item.text}</p>
          {mine(item) && (
            <div className="flex flex-col gap-2">
              <details>
                <summary className="min-h-11 cursor-pointer py-2 text-accent">Ändern</summary>
                <EvidenceForm
                  action={saveAction}
                  entries={entries}
                  today={today}
                  values={{ id: item.id, text: item.text, observedOn: item.observedOn, journalEntryId: item.journalEntryId }}
                  textLabel="Beobachtung"
                  submitLabel="Änderung speichern"
                />
              </details>
              <form action={deleteAction}>
                <input type="hidden" name="id" value={item.id} />
                {Object.entries(deleteFields).map(([name, value]) => (
                  <input key={name} type="hidden" name={name} value={value} />
                ))}
                <Button type="submit" variant="quiet" className="px-0">
                  Löschen
                </Button>
              </form>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
