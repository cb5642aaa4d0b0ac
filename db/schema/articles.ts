import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const articleStatuses = ["draft", "published"] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const articles = pgTable(
  "articles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    excerpt: text("excerpt").notNull().default(""),
    body: text("body").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    sources: text("sources").array().notNull().default(sql`'{}'::text[]`),
    coverImageUrl: text("cover_image_url"),
    coverImageAlt: text("cover_image_alt"),
    status: text("status", { enum: articleStatuses }).notNull().default("draft"),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { mode: "date", withTimezone: true }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("articles_status_check", sql`${t.status} in ('draft', 'published')`),
    check("articles_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("articles_published_has_date", sql`${t.status} = 'draft' or ${t.publishedAt} is not null`),
    check("articles_cover_alt", sql`${t.coverImageUrl} is null or ${t.coverImageAlt} is not null`),
    index("articles_published_idx").on(t.status, t.publishedAt),
  ],
);
export type Article = typeof articles.$inferSelect;

/** An article's former slugs: their URLs answer with a permanent redirect to the current one. */
export const articleSlugRedirects = pgTable("article_slug_redirects", {
  slug: text("slug").primaryKey(),
  articleId: uuid("article_id")
    .notNull()
    .references(() => articles.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});

export const commentStatuses = ["pending", "approved", "rejected"] as const;
export type CommentStatus = (typeof commentStatuses)[number];

export const articleComments = pgTable(
  "article_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: commentStatuses }).notNull().default("pending"),
    /** When the visitor agreed to the processing of what they wrote (required to submit). */
    consentAt: timestamp("consent_at", { mode: "date", withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    moderatedAt: timestamp("moderated_at", { mode: "date", withTimezone: true }),
  },
  (t) => [
    check("article_comments_status_check", sql`${t.status} in ('pending', 'approved', 'rejected')`),
    check("article_comments_lengths", sql`char_length(${t.authorName}) between 1 and 80 and char_length(${t.body}) between 1 and 4000`),
    index("article_comments_article_idx").on(t.articleId, t.status, t.createdAt),
  ],
);
export type ArticleComment = typeof articleComments.$inferSelect;
