import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleCard } from "@/components/articles/ArticleCard";
import { getArticlesPage } from "@/lib/articles/queries";
import { articleListPath } from "@/lib/articles/slug";
import { getPracticeSettings } from "@/lib/settings/queries";

/** One page of the article list, newest first (served from the static cache: the paging is in the path). */
export async function ArticleIndex({ page }: { page: number }) {
  const [{ items, pages }, settings] = await Promise.all([getArticlesPage(page), getPracticeSettings()]);
  if (page > pages) notFound(); // a page past the last (the first always exists, empty or not)
  return (
    <div className="flex flex-col gap-8">
      <header className="flex max-w-3xl flex-col gap-3">
        <h1>Artikel</h1>
        <p className="text-xl text-muted">
          Was hinter chronischem Rückenschmerz stecken kann, was die Forschung zeigt und was dir im Alltag hilft.
        </p>
      </header>
      {items.length === 0 ? (
        <p>Hier erscheinen bald die ersten Artikel.</p>
      ) : (
        <div className="grid max-w-3xl gap-6">
          {items.map((article) => (
            <ArticleCard key={article.id} article={article} timeZone={settings.timeZone} />
          ))}
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="Seiten" className="flex items-center gap-4">
          {page > 1 && <Link href={articleListPath(page - 1)}>← Neuere Artikel</Link>}
          <span className="text-muted">
            Seite {page} von {pages}
          </span>
          {page < pages && <Link href={articleListPath(page + 1)}>Ältere Artikel →</Link>}
        </nav>
      )}
      <p className="text-sm">
        <a href="/feed.xml">Artikel als RSS-Feed abonnieren</a>
      </p>
    </div>
  );
}
