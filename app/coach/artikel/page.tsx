import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { listArticlesForCoach } from "@/lib/articles/queries";
import { requireRole } from "@/lib/auth/guards";
import { getPracticeSettings } from "@/lib/settings/queries";
import { formatDate } from "@/lib/time/format";

export const metadata: Metadata = { title: "Artikel verwalten", robots: { index: false } };

export default async function CoachArticlesPage({ searchParams }: { searchParams: Promise<{ geloescht?: string }> }) {
  await requireRole("coach", "/coach/artikel");
  const [articles, { geloescht }, settings] = await Promise.all([listArticlesForCoach(), searchParams, getPracticeSettings()]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>Artikel</h1>
        <ButtonLink href="/coach/artikel/neu">Neuer Artikel</ButtonLink>
      </div>
      {geloescht && (
        <Notice role="status" tone="success">
          Der Artikel wurde gelöscht.
        </Notice>
      )}
      {articles.length === 0 ? (
        <p>Noch keine Artikel. Schreib den ersten!</p>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-line bg-surface">
          <table className="w-full text-left text-base">
            <caption className="sr-only">Alle Artikel mit Status</caption>
            <thead className="border-b border-line text-sm text-muted">
              <tr>
                <th scope="col" className="p-3">
                  Titel
                </th>
                <th scope="col" className="p-3">
                  Status
                </th>
                <th scope="col" className="p-3">
                  Zuletzt geändert
                </th>
                <th scope="col" className="p-3">
                  Kommentare offen
                </th>
              </tr>
            </thead>
            <tbody>
              {articles.map((a) => (
                <tr key={a.id} className="border-b border-line last:border-0">
                  <td className="p-3">
                    <Link href={`/coach/artikel/${a.id}`}>{a.title}</Link>
                  </td>
                  <td className="p-3">
                    {a.status === "published" ? (
                      <span className="rounded-full bg-accent-soft px-2 py-0.5 text-sm text-accent-strong">Veröffentlicht</span>
                    ) : (
                      <span className="rounded-full bg-warn-soft px-2 py-0.5 text-sm text-warn">Entwurf</span>
                    )}
                  </td>
                  <td className="p-3 text-muted">{formatDate(a.updatedAt, settings.timeZone)}</td>
                  <td className="p-3">{a.pendingComments > 0 ? <Link href="/coach/kommentare">{a.pendingComments}</Link> : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
