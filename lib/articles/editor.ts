import { and, eq, ne, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { articles, articleSlugRedirects, type Article } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { sqlStateOf } from "@/lib/sql/state";
import { excerptFrom } from "./markdown";
import type { ArticleInput } from "./schemas";
import { RESERVED_SLUGS, slugify } from "./slug";

/** The coach's writes. Callers (server actions) check the role first. */

async function assertSlugFree(tx: Db, slug: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(exceptId ? and(eq(articles.slug, slug), ne(articles.id, exceptId)) : eq(articles.slug, slug));
  if (taken) {
    throw new AppError("conflict", `Die Adresse „${slug}“ gehört schon zum Artikel „${taken.title}“. Bitte wähle eine andere.`, { field: "slug" });
  }
}

function values(input: ArticleInput) {
  const slug = input.slug || slugify(input.title);
  if (!slug) throw new AppError("invalid", "Aus diesem Titel lässt sich keine Adresse bilden. Bitte gib eine an.", { field: "slug" });
  if (RESERVED_SLUGS.has(slug))
    throw new AppError("invalid", `Die Adresse „${slug}“ braucht die Website selbst (für die Seiten der Artikelliste). Bitte wähle eine andere.`, {
      field: "slug",
    });
  return {
    slug,
    title: input.title,
    excerpt: input.excerpt || excerptFrom(input.body),
    body: input.body,
    tags: input.tags,
    sources: input.sources,
    coverImageUrl: input.coverImageUrl || null,
    coverImageAlt: input.coverImageUrl ? input.coverImageAlt : null,
  };
}

/** Postgres says 23505 when two saves race for one slug: the same message as the check above. */
function slugRace(error: unknown, slug: string): never {
  if (sqlStateOf(error) === "23505") throw new AppError("conflict", `Die Adresse „${slug}“ ist schon vergeben. Bitte wähle eine andere.`, { field: "slug" });
  throw error;
}

export async function createArticle(input: ArticleInput, authorId: string, db: Db = defaultDb): Promise<Article> {
  const v = values(input);
  try {
    return await db.transaction(async (tx) => {
      await assertSlugFree(tx, v.slug);
      // A new article may take over a slug that used to redirect elsewhere.
      await tx.delete(articleSlugRedirects).where(eq(articleSlugRedirects.slug, v.slug));
      const [row] = await tx.insert(articles).values({ ...v, authorId }).returning();
      return row!;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    slugRace(error, v.slug);
  }
}

/** Saves the article; a changed slug of an article that was ever published keeps its old URL as a redirect. */
export async function updateArticle(id: string, input: ArticleInput, db: Db = defaultDb): Promise<{ article: Article; previousSlug: string }> {
  const v = values(input);
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(articles).where(eq(articles.id, id)).for("update");
      if (!current) throw new AppError("not_found", "Diesen Artikel gibt es nicht mehr.");
      await assertSlugFree(tx, v.slug, id);
      if (v.slug !== current.slug) {
        await tx.delete(articleSlugRedirects).where(eq(articleSlugRedirects.slug, v.slug));
        if (current.publishedAt) {
          await tx.insert(articleSlugRedirects).values({ slug: current.slug, articleId: id }).onConflictDoUpdate({
            target: articleSlugRedirects.slug,
            set: { articleId: id },
          });
        }
      }
      const [article] = await tx
        .update(articles)
        .set({ ...v, updatedAt: sql`now()` })
        .where(eq(articles.id, id))
        .returning();
      return { article: article!, previousSlug: current.slug };
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    slugRace(error, v.slug);
  }
}

/** Publishing keeps the first publication date; unpublishing makes it a draft again (404 to readers). */
export async function setArticleStatus(id: string, status: Article["status"], db: Db = defaultDb): Promise<Article> {
  const [row] = await db
    .update(articles)
    .set({ status, publishedAt: status === "published" ? sql`coalesce(${articles.publishedAt}, now())` : articles.publishedAt, updatedAt: sql`now()` })
    .where(eq(articles.id, id))
    .returning();
  if (!row) throw new AppError("not_found", "Diesen Artikel gibt es nicht mehr.");
  return row;
}

export async function deleteArticle(id: string, db: Db = defaultDb): Promise<Article> {
  const [row] = await db.delete(articles).where(eq(articles.id, id)).returning();
  if (!row) throw new AppError("not_found", "Diesen Artikel gibt es nicht mehr.");
  return row;
}
