import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { EmailAddress } from "@/components/ui/EmailAddress";
import { Notice } from "@/components/ui/Notice";
import { outboxStatuses } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { retryEmailAction } from "@/lib/email/actions";
import { listOutboxEmails, outboxStatusLabels, parseOutboxStatus } from "@/lib/email/log";
import { getPracticeSettings } from "@/lib/settings/queries";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "E-Mails", robots: { index: false } };

const statusTone = {
  queued: "bg-paper",
  sending: "bg-paper",
  sent: "bg-accent-soft text-accent-strong",
  failed: "bg-danger-soft text-danger",
} as const;

function href(status: string | undefined, page: number) {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (page > 1) params.set("seite", String(page));
  const query = params.toString();
  return `/coach/emails${query ? `?${query}` : ""}`;
}

export default async function EmailLogPage({ searchParams }: { searchParams: Promise<{ status?: string; seite?: string }> }) {
  await requireRole("coach", "/coach/emails");
  const params = await searchParams;
  const status = parseOutboxStatus(params.status);
  const requestedPage = Number.parseInt(params.seite ?? "1", 10);
  const [{ rows, total, page, pages }, settings] = await Promise.all([
    listOutboxEmails({ status, page: Number.isFinite(requestedPage) ? requestedPage : 1 }),
    getPracticeSettings(),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <h1>E-Mails</h1>
      <p className="text-muted">
        Jede E-Mail, die die Praxis verschickt, neueste zuerst. Fehlgeschlagene kannst du erneut senden. Zeiten in {settings.timeZone}.
      </p>
      <p className="text-muted">
        Den Inhalt einer E-Mail löscht die Plattform {settings.sentEmailRetentionDays} Tage nach dem Versand; Anmelde- und Terminlinks darin
        macht sie schon beim Versand unkenntlich. Der Eintrag hier bleibt, solange es die Person in der Praxis gibt: Löscht jemand das Konto,
        verschwinden auch die E-Mails an sie und über sie.
      </p>
      <nav aria-label="Nach Status filtern">
        <ul className="flex flex-wrap gap-2">
          {[undefined, ...outboxStatuses].map((s) => (
            <li key={s ?? "alle"}>
              <Link
                href={href(s, 1)}
                aria-current={s === status ? "page" : undefined}
                className="inline-flex min-h-11 items-center rounded-full border border-line px-4 no-underline aria-[current=page]:bg-accent aria-[current=page]:text-white"
              >
                {s ? outboxStatusLabels[s] : "Alle"}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <Notice>{status ? `Keine E-Mails mit Status „${outboxStatusLabels[status]}“.` : "Noch keine E-Mails verschickt."}</Notice>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-line bg-surface">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              E-Mails {status ? `mit Status ${outboxStatusLabels[status]}` : ""}, Seite {page} von {pages}
            </caption>
            <thead className="border-b border-line">
              <tr>
                <th scope="col" className="p-3">
                  Erstellt
                </th>
                <th scope="col" className="p-3">
                  Empfänger*in
                </th>
                <th scope="col" className="p-3">
                  Betreff
                </th>
                <th scope="col" className="p-3">
                  Vorlage
                </th>
                <th scope="col" className="p-3">
                  Status
                </th>
                <th scope="col" className="p-3">
                  Versuche
                </th>
                <th scope="col" className="p-3">
                  Gesendet
                </th>
                <th scope="col" className="p-3">
                  <span className="sr-only">Aktion</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-line align-top last:border-0">
                  <td className="p-3 whitespace-nowrap">{formatDateTime(r.createdAt, settings.timeZone, "short")}</td>
                  <td className="p-3">
                    <EmailAddress address={r.to} />
                  </td>
                  <td className="p-3">
                    {r.subject}
                    {r.lastError && <p className="pt-1 text-danger">Letzter Fehler: {r.lastError}</p>}
                  </td>
                  <td className="p-3 font-mono text-xs">{r.template}</td>
                  <td className="p-3">
                    <span className={`rounded-full px-2 py-0.5 whitespace-nowrap ${statusTone[r.status]}`}>
                      {outboxStatusLabels[r.status]}
                    </span>
                  </td>
                  <td className="p-3">{r.attempts}</td>
                  <td className="p-3 whitespace-nowrap">{r.sentAt ? formatDateTime(r.sentAt, settings.timeZone, "short") : "–"}</td>
                  <td className="p-3">
                    {r.status === "failed" && r.bodyPurgedAt && <span className="text-muted">Inhalt gelöscht</span>}
                    {r.status === "failed" && !r.bodyPurgedAt && (
                      <form action={retryEmailAction}>
                        <input type="hidden" name="id" value={r.id} />
                        <Button type="submit" variant="secondary" aria-label={`E-Mail an ${r.to} erneut senden`}>
                          Erneut senden
                        </Button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="Seiten" className="flex items-center justify-between gap-4">
          {page > 1 ? <Link href={href(status, page - 1)}>← Neuere</Link> : <span />}
          <span className="text-muted">
            Seite {page} von {pages} ({total} E-Mails)
          </span>
          {page < pages ? <Link href={href(status, page + 1)}>Ältere →</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
