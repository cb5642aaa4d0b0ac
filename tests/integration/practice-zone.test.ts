import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { articleComments, articles, practiceSettings, users } from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

// The cached reads wrap unstable_cache, which needs Next's request context; here they run uncached.
vi.mock("next/cache", () => ({ unstable_cache: (fn: unknown) => fn, revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));
// The article page's comment action imports the sign-in; nobody is signed in here.
vi.mock("@/lib/auth", () => ({ auth: async () => null, signOut: async () => {} }));
const { default: ArticlePage } = await import("@/app/(static)/artikel/[slug]/page");
const { ArticleIndex } = await import("@/components/articles/ArticleIndex");

let database: TestDatabase;

// 03:30 UTC on 27 November is 04:30 in Berlin but still 22:30 on 26 November in New York.
const published = new Date("2026-11-27T03:30:00Z");
const updated = new Date("2026-12-05T02:00:00Z"); // 03:00 on 5 December in Berlin, 21:00 on 4 December in New York
const commented = new Date("2026-12-10T04:00:00Z"); // 10 December in Berlin, 9 December in New York

beforeAll(async () => {
  database = await useTestDatabase();
  await seedEssentials(database.db, "coach@example.com");
  const [coach] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, "coach@example.com"));
  const [article] = await database.db
    .insert(articles)
    .values({
      slug: "zeitzone",
      title: "Ein Artikel über Zeit",
      excerpt: "Kurz.",
      body: "Ein Absatz.",
      status: "published",
      authorId: coach!.id,
      publishedAt: published,
      updatedAt: updated,
    })
    .returning();
  await database.db
    .insert(articleComments)
    .values({ articleId: article!.id, authorName: "Lea", body: "Danke!", status: "approved", consentAt: commented, createdAt: commented });
  await database.db
    .insert(practiceSettings)
    .values({ id: 1, practiceName: "Rückenwind Coaching", timeZone: "America/New_York" })
    .onConflictDoUpdate({ target: practiceSettings.id, set: { timeZone: "America/New_York" } });
});
afterAll(() => database.drop());

async function html(page: Promise<unknown>) {
  return renderToStaticMarkup((await page) as Parameters<typeof renderToStaticMarkup>[0]);
}

describe("pages write dates in the practice's time zone from the settings", () => {
  it("an article page of a practice in New York shows New York's dates", async () => {
    const text = await html(ArticlePage({ params: Promise.resolve({ slug: "zeitzone" }) }));
    expect(text).toContain("26. November 2026");
    expect(text).not.toContain("27. November 2026");
    expect(text).toContain("Aktualisiert am 4. Dezember 2026");
    expect(text).toContain("9. Dezember 2026");
    expect(text).not.toContain("10. Dezember 2026");
  });

  it("the article list of that practice too", async () => {
    const text = await html(ArticleIndex({ page: 1 }));
    expect(text).toContain("Ein Artikel über Zeit");
    expect(text).toContain("26. November 2026");
    expect(text).not.toContain("27. November 2026");
  });
});
