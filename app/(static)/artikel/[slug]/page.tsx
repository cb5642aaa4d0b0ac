import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleCard } from "@/components/articles/ArticleCard";
import { ArticleView } from "@/components/articles/ArticleView";
import { CallToAction } from "@/components/articles/CallToAction";
import { CommentForm } from "@/components/articles/CommentForm";
import { submitCommentAction } from "@/lib/articles/actions";
import { articleImages, coverImage } from "@/lib/articles/article-images";
import { renderMarkdown } from "@/lib/articles/markdown";
import { approvedComments, findRedirect, getPublishedArticle, relatedArticles } from "@/lib/articles/queries";
import { getPracticeSettings } from "@/lib/settings/queries";
import { staticSiteOrigin } from "@/lib/site-url";
import { formatDate } from "@/lib/time/format";

// Served from the static cache: rendered on the first request, then again only when the coach
// changes the article (tag and path revalidation) or, as a fallback, after five minutes.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  // Nothing at build time: the build has no database. Pages are cached on first request.
  return [];
}

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  const article = await getPublishedArticle(slug);
  if (article) return article;
  const target = await findRedirect(slug);
  if (target) permanentRedirect(`/artikel/${target}`);
  notFound();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const article = await getPublishedArticle(slug);
  if (!article) return {};
  const settings = await getPracticeSettings();
  const url = `/artikel/${article.slug}`;
  return {
    title: article.title,
    description: article.excerpt,
    alternates: { canonical: url },
    authors: article.authorName ? [{ name: article.authorName }] : undefined,
    openGraph: {
      type: "article",
      url,
      title: article.title,
      description: article.excerpt,
      siteName: settings.practiceName,
      locale: "de_DE",
      publishedTime: article.publishedAt?.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      authors: article.authorName ? [article.authorName] : undefined,
      tags: article.tags,
    },
    twitter: { card: "summary_large_image", title: article.title, description: article.excerpt },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = await load(slug);
  const origin = staticSiteOrigin();
  const images = await articleImages(article);
  const [rendered, related, comments, settings] = await Promise.all([
    renderMarkdown(article.body, { siteOrigin: origin, images }),
    relatedArticles(article),
    approvedComments(article.id),
    getPracticeSettings(),
  ]);
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: article.title,
    description: article.excerpt,
    datePublished: article.publishedAt?.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    author: { "@type": "Person", name: article.authorName ?? settings.coachName },
    publisher: { "@type": "Organization", name: settings.practiceName },
    mainEntityOfPage: `${origin}/artikel/${article.slug}`,
    inLanguage: "de-DE",
    keywords: article.tags.join(", "),
  };

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-10">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }} />
      <ArticleView article={article} rendered={rendered} timeZone={settings.timeZone} cover={coverImage(article, images)} />
      <CallToAction />
      {related.length > 0 && (
        <section aria-labelledby="related" className="flex flex-col gap-4">
          <h2 id="related">Weiterlesen</h2>
          <div className="grid gap-4">
            {related.map((r) => (
              <ArticleCard key={r.id} article={r} headingLevel={3} timeZone={settings.timeZone} />
            ))}
          </div>
        </section>
      )}
      <section aria-labelledby="comments" className="flex flex-col gap-6">
        <h2 id="comments">Kommentare</h2>
        {comments.length === 0 ? (
          <p className="text-muted">Noch keine Kommentare. Magst du den Anfang machen?</p>
        ) : (
          <ol className="flex flex-col gap-4">
            {comments.map((c) => (
              <li key={c.id} className="rounded-2xl border border-line bg-surface p-5">
                <p className="mb-2 text-sm text-muted">
                  <strong className="text-ink">{c.authorName}</strong> ·{" "}
                  <time dateTime={c.createdAt.toISOString()}>{formatDate(c.createdAt, settings.timeZone)}</time>
                </p>
                {/* Plain text: React escapes it; line breaks are kept by CSS. */}
                <p className="whitespace-pre-line">{c.body}</p>
              </li>
            ))}
          </ol>
        )}
        <h3>Schreib einen Kommentar</h3>
        <CommentForm action={submitCommentAction.bind(null, article.slug)} />
      </section>
    </div>
  );
}
