import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { removeConnectionAction } from "@/lib/calendars/actions";
import type { ConnectionView } from "@/lib/calendars/connections";
import { formatDateTime } from "@/lib/time/format";
import { CaldavConnectionForm } from "./CaldavConnectionForm";
import { CalendarChoicesForm } from "./CalendarChoicesForm";
import { IcalConnectionForm } from "./IcalConnectionForm";
import { WritebackForm } from "./WritebackForm";

/** The coach's own calendars: what blocks booking slots, and where appointments are written. */
export function CalendarConnectionsSection({
  connections,
  writeback,
  timeZone,
}: {
  connections: ConnectionView[];
  writeback: { calendarId: string | null; fullNames: boolean };
  timeZone: string;
}) {
  const writable = connections
    .filter((c) => c.kind === "caldav")
    .flatMap((c) => c.calendars.filter((k) => k.writable).map((k) => ({ id: k.id, label: `${c.label}: ${k.displayName}` })));
  return (
    <section aria-labelledby="eigene-kalender" className="flex flex-col gap-6">
      <h2 id="eigene-kalender">Deine Kalender</h2>
      <p className="text-muted">
        Private Termine aus deinen Kalendern blockieren die Zeiten, die Menschen für ein Erstgespräch buchen können (mit den Puffern davor
        und danach). Die Plattform liest sie alle paar Minuten im Hintergrund; fällt ein Kalender aus, gelten die zuletzt bekannten Termine
        weiter.
      </p>
      {connections.length > 0 && (
        <ul className="flex flex-col gap-4">
          {connections.map((c) => (
            <li key={c.id} className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5">
              <div className="flex flex-col gap-1">
                <h3 className="text-lg font-semibold">{c.label}</h3>
                <p className="text-muted break-words">
                  {c.kind === "caldav" ? `CalDAV · ${c.username ?? ""} · ${c.server ?? ""}` : "Abo (nur lesen)"}
                  {c.lastSuccessAt ? ` · zuletzt gelesen ${formatDateTime(c.lastSuccessAt, timeZone)}` : ""}
                </p>
              </div>
              {c.lastError && (
                <Notice tone="warn" title="Gerade nicht erreichbar">
                  {c.lastError}
                </Notice>
              )}
              <CalendarChoicesForm connection={c} />
              <form action={removeConnectionAction}>
                <input type="hidden" name="id" value={c.id} />
                <Button type="submit" variant="quiet" aria-label={`Verbindung ${c.label} entfernen`}>
                  Verbindung entfernen
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {writable.length > 0 && (
        <div className="rounded-2xl border border-line bg-surface p-5">
          <WritebackForm options={writable} calendarId={writeback.calendarId} fullNames={writeback.fullNames} />
        </div>
      )}
      <div className="grid gap-6 md:grid-cols-2">
        <div className="rounded-2xl border border-dashed border-line p-5">
          <CaldavConnectionForm />
        </div>
        <div className="rounded-2xl border border-dashed border-line p-5">
          <IcalConnectionForm />
        </div>
      </div>
    </section>
  );
}
