import { and, eq, sql } from "drizzle-orm";
import { createElement } from "react";
import { db as defaultDb, type Db } from "@/db";
import { articleComments, articles, type CommentStatus } from "@/db/schema";
import NewCommentEmail, { newCommentSubject } from "@/emails/new-comment";
import { enqueueEmail } from "@/lib/email/outbox";
import { AppError } from "@/lib/http/errors";
import { enforceRateLimit } from "@/lib/rate-limit/rules";
import { theCoach } from "@/lib/settings/coach";
import { loadPracticeSettings } from "@/lib/settings/queries";
import type { CommentInput } from "./schemas";
import { SLUG_PATTERN } from "./slug";

/**
 * A visitor's comment: rate-limited per client, stored as pending, and the coach is told by
 * email in the same transaction. It shows under the article only after approval.
 */
export async function submitComment(
  articleSlug: string,
  input: Pick<CommentInput, "authorName" | "body">,
  options: { clientKey: string; origin: string },
  db: Db = defaultDb,
): Promise<{ id: string }> {
  // Stored slugs all have this shape; a NUL from the caller would otherwise reach PostgreSQL as a 500.
  if (!SLUG_PATTERN.test(articleSlug)) throw new AppError("not_found", "Diesen Artikel gibt es nicht (mehr).");
  await enforceRateLimit("comment", options.clientKey, db);
  const [article] = await db
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(and(eq(articles.slug, articleSlug), eq(articles.status, "published")));
  if (!article) throw new AppError("not_found", "Diesen Artikel gibt es nicht (mehr).");

  const settings = await loadPracticeSettings(db);
  const coach = await theCoach(db);
  return db.transaction(async (tx) => {
    const [comment] = await tx
      .insert(articleComments)
      .values({ articleId: article.id, authorName: input.authorName, body: input.body, consentAt: sql`now()` })
      .returning({ id: articleComments.id });
    await enqueueEmail(
      {
        template: "new-comment",
        to: coach.email,
        subject: newCommentSubject(article.title),
        body: createElement(NewCommentEmail, {
          practiceName: settings.practiceName,
          articleTitle: article.title,
          authorName: input.authorName,
          moderationUrl: `${options.origin}/coach/kommentare`,
        }),
        dedupeKey: `new-comment:${comment!.id}:${coach.email}`,
      },
      tx,
    );
    return { id: comment!.id };
  });
}

/** The coach's decision on a comment; returns the article's slug so its page can be refreshed. */
export async function moderateComment(id: string, status: Exclude<CommentStatus, "pending">, db: Db = defaultDb): Promise<string> {
  const [row] = await db
    .update(articleComments)
    .set({ status, moderatedAt: sql`now()` })
    .where(eq(articleComments.id, id))
    .returning({ articleId: articleComments.articleId });
  return slugOfChanged(row, db);
}

export async function deleteComment(id: string, db: Db = defaultDb): Promise<string> {
  const [row] = await db.delete(articleComments).where(eq(articleComments.id, id)).returning({ articleId: articleComments.articleId });
  return slugOfChanged(row, db);
}

/** The slug of the article whose comment was changed; a not_found AppError when there was no such comment. */
async function slugOfChanged(row: { articleId: string } | undefined, db: Db): Promise<string> {
  if (!row) throw new AppError("not_found", "Diesen Kommentar gibt es nicht mehr.");
  const [article] = await db.select({ slug: articles.slug }).from(articles).where(eq(articles.id, row.articleId));
  return article?.slug ?? "";
}
