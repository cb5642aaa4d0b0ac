import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { articleComments, articles, emailOutbox, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { submitComment, moderateComment } from "@/lib/articles/comments";
import { createArticle, deleteArticle, setArticleStatus, updateArticle } from "@/lib/articles/editor";
import { articleInputSchema, type ArticleInput } from "@/lib/articles/schemas";
import { AppError } from "@/lib/http/errors";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

// The cached reads wrap unstable_cache, which needs Next's request context; here they run uncached.
vi.mock("next/cache", () => ({ unstable_cache: (fn: unknown) => fn, revalidatePath: () => {}, updateTag: () => {} }));
const queries = await import("@/lib/articles/queries");

let database: TestDatabase;
let coachId: string;
beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  const [coach] = await database.db.select().from(users).where(eq(users.email, "coach@example.com"));
  coachId = coach!.id;
});
afterAll(() => database.drop());

function input(overrides: Partial<Record<keyof ArticleInput, string>> = {}): ArticleInput {
  return articleInputSchema.parse({
    title: "Über Schmerz & Stress im Alltag",
    slug: "",
    excerpt: "",
    body: "Der erste Absatz erklärt, worum es geht.\n\n## Ein Abschnitt\n\nMehr Text.",
    tags: "stress, Alltag",
    sources: "Quelle A\nQuelle B",
    coverImageUrl: "",
    coverImageAlt: "",
    ...overrides,
  });
}

describe("the coach's editor", () => {
  it("makes the slug from the German title and the excerpt from the text", async () => {
    const article = await createArticle(input(), coachId);
    expect(article.slug).toBe("ueber-schmerz-stress-im-alltag");
    expect(article.excerpt).toMatch(/^Der erste Absatz erklärt, worum es geht\./);
    expect(article.excerpt).not.toContain("##");
    expect(article.tags).toEqual(["stress", "alltag"]);
    expect(article.sources).toEqual(["Quelle A", "Quelle B"]);
    expect(article.status).toBe("draft");
    expect(await queries.getPublishedArticle(article.slug)).toBeNull();
  });

  it("refuses a taken slug with a clear German message naming the other article", async () => {
    const attempt = createArticle(input({ title: "Etwas anderes", slug: "ueber-schmerz-stress-im-alltag" }), coachId);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toThrow("„ueber-schmerz-stress-im-alltag“ gehört schon zum Artikel „Über Schmerz & Stress im Alltag“");
  });

  it("refuses the address the list's pages live under (/artikel/seite/2), typed or made from the title", async () => {
    for (const attempt of [input({ slug: "seite" }), input({ title: "Seite", slug: "" })]) {
      await expect(createArticle(attempt, coachId)).rejects.toThrow("„seite“ braucht die Website selbst");
    }
    expect(await database.db.select().from(articles).where(eq(articles.slug, "seite"))).toHaveLength(0);
  });

  it("publishes once, keeps the first publication date, and keeps an old URL working after a slug change", async () => {
    const article = await createArticle(input({ title: "Umzug eines Artikels" }), coachId);
    const first = await setArticleStatus(article.id, "published");
    expect(first.publishedAt).toBeInstanceOf(Date);
    await setArticleStatus(article.id, "draft");
    const again = await setArticleStatus(article.id, "published");
    expect(again.publishedAt!.getTime()).toBe(first.publishedAt!.getTime());

    const { article: moved, previousSlug } = await updateArticle(article.id, input({ title: "Umzug eines Artikels", slug: "neue-adresse" }));
    expect(previousSlug).toBe("umzug-eines-artikels");
    expect(moved.slug).toBe("neue-adresse");
    expect(await queries.findRedirect("umzug-eines-artikels")).toBe("neue-adresse");
    expect((await queries.getPublishedArticle("neue-adresse"))?.title).toBe("Umzug eines Artikels");

    // Moving back onto the old slug removes the redirect instead of looping.
    await updateArticle(article.id, input({ title: "Umzug eines Artikels", slug: "umzug-eines-artikels" }));
    expect(await queries.findRedirect("umzug-eines-artikels")).toBeNull();
    expect(await queries.findRedirect("neue-adresse")).toBe("umzug-eines-artikels");
  });

  it("does not keep a redirect for a draft that was never published", async () => {
    const article = await createArticle(input({ title: "Nie veröffentlicht" }), coachId);
    await updateArticle(article.id, input({ title: "Nie veröffentlicht", slug: "anderer-name" }));
    expect(await queries.findRedirect("nie-veroeffentlicht")).toBeNull();
  });

  it("deletes an article with its comments", async () => {
    const article = await createArticle(input({ title: "Wird gelöscht" }), coachId);
    await setArticleStatus(article.id, "published");
    await submitComment(article.slug, { authorName: "Eva", body: "Hallo" }, { clientKey: "del", origin: "http://x" });
    await deleteArticle(article.id);
    expect(await database.db.select().from(articleComments).where(eq(articleComments.articleId, article.id))).toEqual([]);
    await expect(deleteArticle(article.id)).rejects.toThrow("Diesen Artikel gibt es nicht mehr.");
  });
});

describe("reading", () => {
  it("lists only published articles, newest first, with related ones by shared tags", async () => {
    const { items, total } = await queries.getArticlesPage(1);
    expect(items.length).toBe(total);
    expect(items.every((a) => a.publishedAt)).toBe(true);
    const dates = items.map((a) => a.publishedAt!.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const drafts = await database.db.select({ slug: articles.slug }).from(articles).where(eq(articles.status, "draft"));
    expect(items.map((a) => a.slug)).not.toContain(drafts[0]!.slug);

    const studie = await queries.getPublishedArticle("was-die-boulder-studie-ueber-pain-reprocessing-therapy-zeigt");
    const related = await queries.relatedArticles(studie!);
    expect(related.length).toBeGreaterThan(0);
    expect(related.map((r) => r.slug)).not.toContain(studie!.slug);
    for (const r of related) expect(r.tags.some((t) => studie!.tags.includes(t))).toBe(true);
  });
});

describe("comments", () => {
  const slug = "die-13-anzeichen-koennte-dein-schmerz-neuroplastisch-sein";

  it("waits for approval, tells the coach by email, and appears once approved", async () => {
    const { id } = await submitComment(slug, { authorName: "Sabine", body: "Danke!\n<b>Kein HTML</b>" }, { clientKey: "a", origin: "http://localhost:3000" });
    const article = await queries.getPublishedArticle(slug);
    expect(await queries.approvedComments(article!.id)).toEqual([]);
    const [email] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `new-comment:${id}:coach@example.com`));
    expect(email?.to).toBe("coach@example.com");
    expect(email?.subject).toContain("Neuer Kommentar zu „Die 13 Anzeichen");
    expect(email?.text).toContain("http://localhost:3000/coach/kommentare");

    await moderateComment(id, "approved");
    const shown = await queries.approvedComments(article!.id);
    expect(shown.map((c) => c.body)).toEqual(["Danke!\n<b>Kein HTML</b>"]);
  });

  it("refuses comments on drafts and unknown articles", async () => {
    await expect(submitComment("gibt-es-nicht", { authorName: "X", body: "Hallo" }, { clientKey: "b", origin: "http://x" })).rejects.toThrow(
      "Diesen Artikel gibt es nicht",
    );
  });

  it("limits comments per client and says when to try again", async () => {
    const limit = 5;
    for (let i = 0; i < limit; i++) await submitComment(slug, { authorName: "Bot", body: `Nr. ${i}` }, { clientKey: "limited", origin: "http://x" });
    const blocked = submitComment(slug, { authorName: "Bot", body: "zu viel" }, { clientKey: "limited", origin: "http://x" });
    await expect(blocked).rejects.toMatchObject({ code: "rate_limited" });
    await blocked.catch((e: AppError) => expect(Number(e.details?.retryAfter)).toBeGreaterThan(3000));
    // Another client is not affected.
    await submitComment(slug, { authorName: "Mensch", body: "Hallo" }, { clientKey: "other", origin: "http://x" });
  });
});
