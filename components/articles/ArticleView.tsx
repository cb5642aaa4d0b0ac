import Link from "next/link";
import type { Article } from "@/db/schema";
import type { RenderedMarkdown } from "@/lib/articles/markdown";
import { responsiveImage, type ImageInfo } from "@/lib/images/paths";
import { formatDate } from "@/lib/time/format";
import { ArticleMeta, TagList } from "./ArticleCard";
import { MedicalNotice } from "./CallToAction";
import { TableOfContents } from "./TableOfContents";

/** The article itself, as readers see it; the coach's draft preview shows the same. Dates in the practice's zone. */
export function ArticleView({
  article,
  rendered,
  timeZone,
  cover,
}: {
  article: Article & { authorName?: string | null };
  rendered: RenderedMarkdown;
  timeZone: string;
  /** The uploaded cover image, when the article has one (lib/articles/article-images.ts). */
  cover?: ImageInfo;
}) {
  return (
    <article className="flex flex-col gap-8" aria-labelledby="article-title">
      <header className="flex flex-col gap-3">
        <p className="text-base">
          <Link href="/artikel">← Alle Artikel</Link>
        </p>
        <h1 id="article-title">{article.title}</h1>
        <ArticleMeta publishedAt={article.publishedAt} minutes={rendered.readingMinutes} author={article.authorName} timeZone={timeZone} />
        {article.updatedAt.getTime() - (article.publishedAt?.getTime() ?? 0) > 86_400_000 && (
          <p className="text-sm text-muted">Aktualisiert am {formatDate(article.updatedAt, timeZone)}</p>
        )}
        <TagList tags={article.tags} />
      </header>
      {cover && (
        // eslint-disable-next-line @next/next/no-img-element -- served in its widths by /bilder (next/image would need its own optimizer)
        <img {...responsiveImage(cover)} alt={article.coverImageAlt ?? ""} className="h-auto w-full rounded-2xl" />
      )}
      <TableOfContents toc={rendered.toc} />
      <div className="prose-calm article-body" dangerouslySetInnerHTML={{ __html: rendered.html }} />
      {article.sources.length > 0 && (
        <section aria-labelledby="sources" className="flex flex-col gap-2 border-t border-line pt-6">
          <h2 id="sources" className="text-xl">
            Quellen
          </h2>
          <ol className="flex list-decimal flex-col gap-1 pl-6 text-base">
            {article.sources.map((source) => (
              <li key={source}>{source}</li>
            ))}
          </ol>
        </section>
      )}
      <MedicalNotice />
    </article>
  );
}
