import type { Metadata } from "next";
import Link from "next/link";
import { InviteClientForm } from "@/components/coach/InviteClientForm";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { clientStatuses, type ClientStatus } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { manageClientAction } from "@/lib/clients/coach-actions";
import { listClients, type ClientListRow } from "@/lib/clients/coach-view";
import { getPracticeSettings } from "@/lib/settings/queries";
import { formatAppointmentTime, formatCalendarDate } from "@/lib/time/format";

export const metadata: Metadata = { title: "Klientinnen und Klienten", robots: { index: false } };

const statusLabel: Record<ClientStatus, string> = { active: "Aktiv", paused: "Pausiert", finished: "Abgeschlossen" };

const flash: Record<string, { tone: "success" | "danger"; text: string }> = {
  "einladung-gesendet": { tone: "success", text: "Die Einladung ist erneut unterwegs." },
  "status-gespeichert": { tone: "success", text: "Status gespeichert." },
  "nicht-gefunden": { tone: "danger", text: "Diese Person gibt es nicht (mehr)." },
  ungueltig: { tone: "danger", text: "Das hat nicht geklappt. Bitte versuch es noch einmal." },
};

function PainTrend({ row }: { row: ClientListRow }) {
  if (row.recentPain === null) return <span className="text-muted">keine Einträge in 14 Tagen</span>;
  const change = row.painChange;
  const label =
    change === null
      ? ""
      : change <= -0.5
        ? `, ${Math.abs(change).toLocaleString("de-DE")} weniger als davor`
        : change >= 0.5
          ? `, ${change.toLocaleString("de-DE")} mehr als davor`
          : ", etwa wie davor";
  const arrow = change === null ? "" : change <= -0.5 ? "↘ " : change >= 0.5 ? "↗ " : "→ ";
  return (
    <span>
      <span aria-hidden="true">{arrow}</span>Schmerz Ø {row.recentPain.toLocaleString("de-DE")}
      <span className="sr-only">{label}</span>
      <span aria-hidden="true" className="text-muted">
        {change === null ? "" : ` (${change > 0 ? "+" : ""}${change.toLocaleString("de-DE")})`}
      </span>
    </span>
  );
}

type Search = { q?: string; status?: string; hinweis?: string; seite?: string };

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole("coach", "/coach/klienten");
  const raw = await searchParams;
  const q = typeof raw.q === "string" ? raw.q.trim().slice(0, 100) : "";
  const status = (clientStatuses as readonly string[]).includes(raw.status ?? "") ? (raw.status as ClientStatus) : undefined;
  const page = Math.min(Math.max(1, Number.parseInt(raw.seite ?? "1", 10) || 1), 10_000);
  const [{ rows: clients, total, pages }, practice] = await Promise.all([
    listClients({ q: q || undefined, status }, page),
    getPracticeSettings(),
  ]);
  const pageHref = (n: number) => {
    const params = new URLSearchParams({
      ...(q ? { q } : {}),
      ...(status ? { status } : {}),
      ...(n > 1 ? { seite: String(n) } : {}),
    }).toString();
    return params ? `/coach/klienten?${params}` : "/coach/klienten";
  };
  const notice = raw.hinweis ? flash[raw.hinweis] : undefined;
  const filtered = Boolean(q || status);
  return (
    <div className="flex flex-col gap-8">
      <h1>Klientinnen und Klienten</h1>
      {notice && (
        <Notice tone={notice.tone} role={notice.tone === "danger" ? "alert" : "status"}>
          {notice.text}
        </Notice>
      )}
      <Card aria-labelledby="einladen">
        <h2 id="einladen" className="mb-1 text-xl">
          Jemanden einladen
        </h2>
        <p className="mb-4 text-sm text-muted">Der Zugang wird angelegt, und die Person bekommt einen Anmeldelink, der sieben Tage gilt.</p>
        <InviteClientForm />
      </Card>

      <section aria-labelledby="liste" className="flex flex-col gap-4">
        <h2 id="liste" className="text-xl">
          {filtered ? "Gefunden" : "Alle"} ({total})
        </h2>
        <form role="search" method="get" className="flex flex-wrap items-end gap-3 rounded-2xl border border-line bg-surface p-4">
          <label className="flex flex-col gap-1 text-sm">
            Name oder E-Mail
            <input
              type="search"
              name="q"
              defaultValue={q}
              maxLength={100}
              className="min-h-11 rounded-lg border border-line px-2 text-base"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Status
            <select name="status" defaultValue={status ?? ""} className="min-h-11 rounded-lg border border-line px-2 text-base">
              <option value="">alle</option>
              {clientStatuses.map((s) => (
                <option key={s} value={s}>
                  {statusLabel[s]}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="secondary">
            Suchen
          </Button>
          {filtered && <Link href="/coach/klienten">Zurücksetzen</Link>}
        </form>

        {clients.length === 0 ? (
          <p>
            {filtered ? "Niemand passt zu dieser Suche." : "Noch niemand. Lade jemanden ein oder nimm jemanden aus einem Erstgespräch auf."}
          </p>
        ) : (
          <ul className="flex flex-col gap-3">
            {clients.map((c) => (
              <li key={c.id} className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link href={`/coach/klienten/${c.id}`} className="text-lg font-semibold">
                    {c.name ?? c.email}
                  </Link>
                  <span className="rounded-full bg-accent-soft px-2 py-0.5 text-sm text-accent-strong">{statusLabel[c.status]}</span>
                </div>
                <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
                  <div>
                    <dt className="text-muted">Nächster Termin</dt>
                    <dd>{c.nextSession ? formatAppointmentTime(c.nextSession, practice.timeZone, { withZone: false }) : "–"}</dd>
                  </div>
                  <div>
                    <dt className="text-muted">Letzter Tagebucheintrag</dt>
                    <dd>{c.lastEntry ? formatCalendarDate(c.lastEntry, "long") : "–"}</dd>
                  </div>
                  <div>
                    <dt className="text-muted">Letzte 14 Tage</dt>
                    <dd>
                      <PainTrend row={c} />
                    </dd>
                  </div>
                </dl>
                <details className="text-sm">
                  <summary className="cursor-pointer">Verwalten</summary>
                  <div className="flex flex-wrap items-end gap-4 pt-3">
                    <form action={manageClientAction} className="flex items-end gap-2">
                      <input type="hidden" name="id" value={c.id} />
                      <input type="hidden" name="intent" value="status" />
                      <label className="flex flex-col gap-1">
                        Status von {c.name ?? c.email}
                        <select name="status" defaultValue={c.status} className="min-h-11 rounded-lg border border-line px-2 text-base">
                          {clientStatuses.map((s) => (
                            <option key={s} value={s}>
                              {statusLabel[s]}
                            </option>
                          ))}
                        </select>
                      </label>
                      <Button type="submit" variant="secondary">
                        Speichern
                      </Button>
                    </form>
                    <form action={manageClientAction}>
                      <input type="hidden" name="id" value={c.id} />
                      <input type="hidden" name="intent" value="resend" />
                      <Button type="submit" variant="secondary">
                        Einladung erneut senden
                      </Button>
                    </form>
                    <span className="text-muted">{c.email}</span>
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 && (
          <nav aria-label="Seiten der Liste" className="flex flex-wrap items-center justify-between gap-3">
            {page > 1 ? <Link href={pageHref(page - 1)}>← Vorherige</Link> : <span />}
            <span className="text-sm text-muted">
              Seite {page} von {pages}
            </span>
            {page < pages ? <Link href={pageHref(page + 1)}>Nächste →</Link> : <span />}
          </nav>
        )}
      </section>
    </div>
  );
}
