import Link from "next/link";
import type { ArticleSummary } from "@/lib/articles/queries";
import { formatDate } from "@/lib/time/format";

export function ArticleMeta({
  publishedAt,
  minutes,
  author,
  timeZone,
}: {
  publishedAt: Date | null;
  minutes: number;
  author?: string | null;
  timeZone: string;
}) {
  return (
    <p className="text-base text-muted">
      {author && <>{author} · </>}
      {publishedAt && <time dateTime={publishedAt.toISOString()}>{formatDate(publishedAt, timeZone)}</time>} · {minutes} Min. Lesezeit
    </p>
  );
}

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Themen">
      {tags.map((tag) => (
        <li key={tag} className="rounded-full bg-accent-soft px-3 py-0.5 text-sm text-accent-strong">
          {tag}
        </li>
      ))}
    </ul>
  );
}

/** One article in a list: the title links, the rest tells whether it is worth the time. Dates in the practice's zone. */
export function ArticleCard({ article, timeZone, headingLevel = 2 }: { article: ArticleSummary; timeZone: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="flex flex-col gap-2 rounded-2xl border border-line bg-surface p-6">
      <Heading className="text-xl md:text-2xl">
        <Link href={`/artikel/${article.slug}`} className="text-ink no-underline hover:underline">
          {article.title}
        </Link>
      </Heading>
      <ArticleMeta publishedAt={article.publishedAt} minutes={article.readingMinutes} timeZone={timeZone} />
      <p>{article.excerpt}</p>
      <TagList tags={article.tags} />
    </article>
  );
}
