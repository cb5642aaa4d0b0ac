import { and, arrayOverlaps, asc, count, desc, eq, ne, sql } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { db } from "@/db";
import { articleComments, articles, articleSlugRedirects, users, type Article, type ArticleComment } from "@/db/schema";
import { readingMinutes } from "@/lib/articles/markdown";
import { duringBuild } from "@/lib/build-phase";
import { isUuid } from "@/lib/sql/uuid";
import { SLUG_PATTERN } from "./slug";

/** Every cached read below carries this tag; the editor's actions expire it. */
export const ARTICLES_TAG = "articles";
export const ARTICLES_PER_PAGE = 10;
/** Cached pages are also refreshed at least this often, so a second app instance catches up. */
export const ARTICLE_REVALIDATE_SECONDS = 300;

export type ArticleSummary = Pick<Article, "id" | "slug" | "title" | "excerpt" | "tags" | "publishedAt" | "updatedAt"> & {
  readingMinutes: number;
};
export type PublishedArticle = Article & { authorName: string | null };

const summaryColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  excerpt: articles.excerpt,
  tags: articles.tags,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
  body: articles.body,
};

const published = eq(articles.status, "published");

/** unstable_cache serialises values as JSON: turn the dates back into dates. */
function revive<T extends Record<string, unknown>>(row: T): T {
  const out: Record<string, unknown> = { ...row };
  for (const key of ["publishedAt", "updatedAt", "createdAt", "moderatedAt", "consentAt"]) {
    if (typeof out[key] === "string") out[key] = new Date(out[key] as string);
  }
  return out as T;
}

/**
 * A list entry keeps its reading time, not its body: parsing every listed body per request made
 * /artikel the slowest public page (measured with `npm run bench`). Called inside the cached
 * reads, so each body is parsed once per cache period.
 */
function summarize<T extends { body: string }>({ body, ...row }: T): Omit<T, "body"> & { readingMinutes: number } {
  return { ...row, readingMinutes: readingMinutes(body) };
}

function cached<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) {
  return unstable_cache(fn, [name], { tags: [ARTICLES_TAG], revalidate: ARTICLE_REVALIDATE_SECONDS });
}

export const listPublishedArticles = cached("articles:list", async (page: number) => {
  const [items, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(articles)
      .where(published)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(ARTICLES_PER_PAGE)
      .offset((page - 1) * ARTICLES_PER_PAGE),
    db.select({ n: count() }).from(articles).where(published),
  ]);
  return { items: items.map(summarize), total: total?.n ?? 0 };
});

export async function getArticlesPage(page: number) {
  const { items, total } = duringBuild() ? { items: [], total: 0 } : await listPublishedArticles(page);
  return { items: items.map(revive), total, pages: Math.max(1, Math.ceil(total / ARTICLES_PER_PAGE)) };
}

const latest = cached("articles:latest", async (limit: number) =>
  (await db.select(summaryColumns).from(articles).where(published).orderBy(desc(articles.publishedAt)).limit(limit)).map(summarize),
);
export async function latestArticles(limit = 3): Promise<ArticleSummary[]> {
  if (duringBuild()) return [];
  return (await latest(limit)).map(revive);
}

const bySlug = cached("articles:by-slug", async (slug: string) => {
  const [row] = await db
    .select({ article: articles, authorName: users.name })
    .from(articles)
    .leftJoin(users, eq(users.id, articles.authorId))
    .where(and(eq(articles.slug, slug), published));
  return row ? { ...row.article, authorName: row.authorName } : null;
});
export async function getPublishedArticle(slug: string): Promise<PublishedArticle | null> {
  // Every stored slug has this shape; anything else from a URL (a NUL, say) is no article, not a query PostgreSQL refuses.
  if (!SLUG_PATTERN.test(slug)) return null;
  const row = await bySlug(slug);
  return row ? revive(row) : null;
}

/** Where an old slug points now, if its article is published. */
export const findRedirect = cached("articles:redirect", async (slug: string) => {
  if (!SLUG_PATTERN.test(slug)) return null;
  const [row] = await db
    .select({ slug: articles.slug })
    .from(articleSlugRedirects)
    .innerJoin(articles, eq(articles.id, articleSlugRedirects.articleId))
    .where(and(eq(articleSlugRedirects.slug, slug), published));
  return row?.slug ?? null;
});

const related = cached("articles:related", async (id: string, tags: string[], limit: number) => {
  const shared = sql`cardinality(array(select unnest(${articles.tags}) intersect select unnest(${sql.param(tags)}::text[])))`;
  const rows = await db
    .select(summaryColumns)
    .from(articles)
    .where(and(published, ne(articles.id, id), arrayOverlaps(articles.tags, tags)))
    .orderBy(desc(shared), desc(articles.publishedAt))
    .limit(limit);
  return rows.map(summarize);
});
/** Published articles sharing tags with this one, most shared first. */
export async function relatedArticles(article: Pick<Article, "id" | "tags">, limit = 3): Promise<ArticleSummary[]> {
  if (article.tags.length === 0) return [];
  return (await related(article.id, article.tags, limit)).map(revive);
}

const comments = cached("articles:comments", (articleId: string) =>
  db
    .select({
      id: articleComments.id,
      authorName: articleComments.authorName,
      body: articleComments.body,
      createdAt: articleComments.createdAt,
    })
    .from(articleComments)
    .where(and(eq(articleComments.articleId, articleId), eq(articleComments.status, "approved")))
    .orderBy(articleComments.createdAt),
);
export async function approvedComments(articleId: string): Promise<Pick<ArticleComment, "id" | "authorName" | "body" | "createdAt">[]> {
  return (await comments(articleId)).map(revive);
}

export const sitemapArticles = cached("articles:sitemap", () =>
  db
    .select({
      slug: articles.slug,
      title: articles.title,
      excerpt: articles.excerpt,
      body: articles.body,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      authorName: users.name,
    })
    .from(articles)
    .leftJoin(users, eq(users.id, articles.authorId))
    .where(published)
    .orderBy(desc(articles.publishedAt)),
);
export async function allPublishedArticles() {
  return (await sitemapArticles()).map(revive);
}

/** For the coach's editor: every article, drafts included, with comments waiting per article. */
export async function listArticlesForCoach() {
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      pendingComments: sql<number>`(select count(*)::int from ${articleComments} c where c.article_id = ${articles.id} and c.status = 'pending')`,
    })
    .from(articles)
    .orderBy(desc(articles.updatedAt));
  return rows;
}

export async function getArticleForCoach(id: string): Promise<Article | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  return row ?? null;
}

/** The moderation queue: comments waiting, oldest first, with their article. */
/**
 * The comments the coach looks after: those that wait for a decision (oldest first) or those that are
 * published (newest first, so a fresh one is found at once).
 */
export async function commentsForCoach(status: "pending" | "approved") {
  return db
    .select({
      id: articleComments.id,
      authorName: articleComments.authorName,
      body: articleComments.body,
      createdAt: articleComments.createdAt,
      status: articleComments.status,
      articleTitle: articles.title,
      articleSlug: articles.slug,
    })
    .from(articleComments)
    .innerJoin(articles, eq(articles.id, articleComments.articleId))
    .where(eq(articleComments.status, status))
    .orderBy(status === "pending" ? asc(articleComments.createdAt) : desc(articleComments.createdAt))
    .limit(200);
}
