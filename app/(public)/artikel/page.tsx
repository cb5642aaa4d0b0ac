import type { Metadata } from "next";
import Link from "next/link";
import { ArticleCard } from "@/components/articles/ArticleCard";
import { getArticlesPage } from "@/lib/articles/queries";
import { getPracticeSettings } from "@/lib/settings/queries";

export const metadata: Metadata = {
  title: "Artikel",
  description: "Artikel über chronische Rückenschmerzen, das Nervensystem und Wege aus dem Schmerz.",
  alternates: { canonical: "/artikel", types: { "application/rss+xml": "/feed.xml" } },
};

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<{ seite?: string | string[] }> }) {
  const { seite } = await searchParams;
  const requested = typeof seite === "string" && /^\d{1,4}$/.test(seite) ? Number(seite) : 1;
  const page = Math.max(1, requested);
  const [{ items, pages }, settings] = await Promise.all([getArticlesPage(page), getPracticeSettings()]);
  return (
    <div className="flex flex-col gap-8">
      <header className="flex max-w-3xl flex-col gap-3">
        <h1>Artikel</h1>
        <p className="text-xl text-muted">
          Was hinter chronischem Rückenschmerz stecken kann, was die Forschung zeigt und was dir im Alltag hilft.
        </p>
      </header>
      {items.length === 0 ? (
        <p>{page > 1 ? "Auf dieser Seite gibt es keine Artikel mehr." : "Hier erscheinen bald die ersten Artikel."}</p>
      ) : (
        <div className="grid max-w-3xl gap-6">
          {items.map((article) => (
            <ArticleCard key={article.id} article={article} timeZone={settings.timeZone} />
          ))}
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="Seiten" className="flex items-center gap-4">
          {page > 1 && <Link href={page === 2 ? "/artikel" : `/artikel?seite=${page - 1}`}>← Neuere Artikel</Link>}
          <span className="text-muted">
            Seite {Math.min(page, pages)} von {pages}
          </span>
          {page < pages && <Link href={`/artikel?seite=${page + 1}`}>Ältere Artikel →</Link>}
        </nav>
      )}
      <p className="text-sm">
        <a href="/feed.xml">Artikel als RSS-Feed abonnieren</a>
      </p>
    </div>
  );
}
