import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, mailFor, signIn } from "./support/app";
import { signInCoach } from "./support/coach";

const seeded = {
  slug: "warum-chronischer-rueckenschmerz-oft-nicht-dort-entsteht-wo-er-wehtut",
  title: "Warum chronischer Rückenschmerz oft nicht dort entsteht, wo er wehtut",
};

test("a visitor finds an article in the list and reads it with contents, sources and next steps", async ({ page }) => {
  await page.goto("/artikel");
  await expectAccessible(page);
  const card = page.getByRole("article").filter({ hasText: seeded.title });
  await expect(card.getByText(/Min\. Lesezeit/)).toBeVisible();
  await card.getByRole("link", { name: seeded.title }).click();

  await expect(page).toHaveURL(`/artikel/${seeded.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: seeded.title })).toBeVisible();
  await expect(page.getByText("Mara Lindner")).toBeVisible();
  const toc = page.getByRole("navigation", { name: "Inhalt" });
  const firstEntry = toc.getByRole("link").first();
  const target = (await firstEntry.getAttribute("href"))!;
  await firstEntry.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target)).toBeInViewport();
  await expect(page.getByRole("heading", { name: "Quellen" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Selbsttest machen" })).toHaveAttribute("href", "/selbsttest");
  await expect(page.getByRole("link", { name: "Erstgespräch buchen" })).toHaveAttribute("href", "/erstgespraech");
  await expect(page.getByText("ersetzt keine ärztliche Diagnose").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Weiterlesen" })).toBeVisible();
  await expectAccessible(page);

  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({ "@type": "BlogPosting", headline: seeded.title, author: { name: "Mara Lindner" } });
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/artikel/${seeded.slug}$`));
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /opengraph-image/);
});

test("article pages come from the static cache, not a render per request", async ({ request }) => {
  await request.get(`/artikel/${seeded.slug}`);
  const again = await request.get(`/artikel/${seeded.slug}`);
  expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
  // The home page shows the newest articles: the first one on the list page is there too.
  const list = await (await request.get("/artikel")).text();
  const newest = list.match(/href="(\/artikel\/[a-z0-9-]+)"/)![1]!;
  expect(await (await request.get("/")).text()).toContain(`href="${newest}"`);
});

test("sitemap, feed and robots describe the published articles", async ({ request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`/artikel/${seeded.slug}</loc>`);
  expect(sitemap).toContain("<lastmod>");
  const feed = await request.get("/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await feed.text();
  expect(xml).toContain('<rss version="2.0"');
  expect(xml).toContain(`<title>${seeded.title}</title>`);
  expect(xml).toContain("<content:encoded><![CDATA[<p>");
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /coach");
  expect(robots).toContain("Sitemap: ");
});

async function fillArticle(page: Page, title: string, body: string) {
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Text (Markdown)").fill(body);
  await page.getByLabel("Themen").fill("atmung, alltag");
}

test("the coach writes, previews, publishes, renames, unpublishes and deletes an article", async ({ page, browser }) => {
  await signInCoach(page);
  await page.goto("/coach/artikel/neu");
  const title = `Atmen gegen die Angst ${Date.now()}`;
  const hostile =
    'Ein ruhiger Absatz.\n\n## Erster Schritt\n\nText.\n\n<script>window.pwned=1</script><img src=x onerror="window.pwned=1">\n\n[Klick](javascript:window.pwned=1)';
  await fillArticle(page, title, hostile);

  // Live preview with the same renderer: the heading renders, the script does not.
  const preview = page.getByRole("region", { name: "Vorschau" });
  await expect(preview.getByRole("heading", { name: "Erster Schritt" })).toBeVisible();
  expect(await preview.innerHTML()).not.toMatch(/<script|onerror|javascript:/);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Als Entwurf speichern" }).click();
  await expect(page.getByText("Als Entwurf gespeichert.")).toBeVisible();
  const slug = await page.getByLabel("Adresse (Slug)").getAttribute("value");
  expect(slug).toMatch(/^atmen-gegen-die-angst-\d+$/);

  // A draft is 404 to everyone else, visible to the coach in the preview.
  const visitor = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  expect((await visitor.goto(`/artikel/${slug}`))!.status()).toBe(404);
  await page.getByRole("link", { name: "Entwurf ansehen" }).click();
  await expect(page.getByText("Entwurf: nur für dich sichtbar")).toBeVisible();
  await page.getByRole("link", { name: "Zurück zum Bearbeiten" }).click();

  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(page.getByText("Gespeichert und veröffentlicht.")).toBeVisible();
  await visitor.goto(`/artikel/${slug}`);
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect(await visitor.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(await visitor.locator(".article-body").innerHTML()).not.toMatch(/<script|onerror|javascript:/);

  // A taken slug is a clear message, and nothing typed is lost.
  await page.getByLabel("Adresse (Slug)").fill(seeded.slug);
  await page.getByRole("button", { name: "Änderungen veröffentlichen" }).click();
  await expect(page.getByText(`Die Adresse „${seeded.slug}“ gehört schon zum Artikel`).first()).toBeVisible();
  await expect(page.getByLabel("Titel", { exact: true })).toHaveValue(title);

  // A new slug keeps the old URL working with a permanent redirect.
  await page.getByLabel("Adresse (Slug)").fill(`${slug}-neu`);
  await page.getByRole("button", { name: "Änderungen veröffentlichen" }).click();
  await expect(page.getByText("Änderungen veröffentlicht.")).toBeVisible();
  const old = await visitor.request.get(`/artikel/${slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  // Next 16 sends the Location header twice (same value) on the first, uncached render; browsers accept that.
  expect(
    new Set(
      old
        .headers()
        ["location"]!.split(",")
        .map((l) => l.trim()),
    ),
  ).toEqual(new Set([`/artikel/${slug}-neu`]));
  await visitor.goto(`/artikel/${slug}`);
  await expect(visitor).toHaveURL(`/artikel/${slug}-neu`);

  await page.getByRole("button", { name: "Zurückziehen (Entwurf)" }).click();
  await expect(page.getByText("Zurückgezogen")).toBeVisible();
  expect((await visitor.goto(`/artikel/${slug}-neu`))!.status()).toBe(404);

  await page.getByRole("button", { name: "Artikel löschen …" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Endgültig löschen" }).click();
  await expect(page.getByText("Der Artikel wurde gelöscht.")).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await visitor.close();
});

test("an article without text is kept as a draft, not published", async ({ page }) => {
  await signInCoach(page);
  await page.goto("/coach/artikel/neu");
  await fillArticle(page, `Noch leer ${Date.now()}`, "   ");
  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(page.getByText("Ein Artikel ohne Text lässt sich nicht veröffentlichen.").first()).toBeVisible();
  await expect(page.getByLabel("Text (Markdown)")).toHaveAttribute("aria-invalid", "true");
  expect(page.url()).toMatch(/\/coach\/artikel\/neu$/);
});

/** A visitor writes a comment under an article and agrees to its processing; the thanks shows. */
async function postComment(page: Page, slug: string, name: string, text: string) {
  await page.goto(`/artikel/${slug}`);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Kommentar", { exact: true }).fill(text);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Kommentar senden" }).click();
  await expect(page.getByText("Danke für deinen Kommentar!")).toBeVisible();
}

/** The coach, signed in, in a browser context of their own beside the visitor's. */
async function coachBeside(browser: Browser): Promise<Page> {
  const coach = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signInCoach(coach);
  return coach;
}

test("a visitor comments, the coach is told and approves, and the comment appears as plain text", async ({ page, browser }) => {
  const slug = "was-die-boulder-studie-ueber-pain-reprocessing-therapy-zeigt";
  await page.goto(`/artikel/${slug}`);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Kommentar senden" }) });
  const text = `Sehr hilfreich, danke! <b>fett?</b> ${Date.now()}`;
  await form.getByLabel("Name", { exact: true }).fill("Sabine");
  await form.getByLabel("Kommentar", { exact: true }).fill(text);
  await form.getByRole("button", { name: "Kommentar senden" }).click();
  await expect(page.getByText("Bitte stimme der Verarbeitung deines Kommentars zu.")).toBeVisible();
  await expect(form.getByLabel("Kommentar", { exact: true })).toHaveValue(text);
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "Kommentar senden" }).click();
  await expect(page.getByText("Danke für deinen Kommentar!")).toBeVisible();
  await expect(page.getByText(text)).toHaveCount(0);

  // The coach is told that a comment waits; what the visitor wrote is read in the portal, not in the email.
  let notice: Awaited<ReturnType<typeof mailFor>>[number] | undefined;
  await expect
    .poll(async () => {
      notice = (await mailFor(page.request, "coach@example.com")).find(
        (m) => m.subject.startsWith("Neuer Kommentar") && m.text.includes("Sabine"),
      );
      return Boolean(notice);
    })
    .toBe(true);
  expect(notice!.text).toContain("wartet im Praxisbereich auf deine Freigabe");
  const stamp = text.split(" ").at(-1)!;
  expect((await mailFor(page.request, "coach@example.com")).filter((m) => (m.subject + m.text + m.html).includes(stamp))).toEqual([]);

  const coach = await coachBeside(browser);
  await coach.goto("/coach/kommentare");
  await expectAccessible(coach);
  const waiting = coach.getByRole("region", { name: "Warten auf deine Freigabe" });
  const published = coach.getByRole("region", { name: "Veröffentlicht" });
  await waiting.getByRole("article").filter({ hasText: text }).getByRole("button", { name: "Freigeben" }).click();
  await expect(waiting.getByRole("article").filter({ hasText: text })).toHaveCount(0);
  await expect(published.getByRole("article").filter({ hasText: text })).toBeVisible();

  await page.goto(`/artikel/${slug}`);
  const shown = page.getByRole("listitem").filter({ hasText: text });
  await expect(shown).toBeVisible();
  await expect(shown.locator("b")).toHaveCount(0);

  // Published is not for ever: the coach hides it again, and it is gone from the article.
  await published.getByRole("article").filter({ hasText: text }).getByRole("button", { name: "Verbergen" }).click();
  await expect(published.getByRole("article").filter({ hasText: text })).toHaveCount(0);
  await page.goto(`/artikel/${slug}`);
  await expect(page.getByText(text)).toHaveCount(0);
  await coach.close();
});

test("a published comment can be deleted from the coach's list", async ({ page, browser }) => {
  const slug = "was-die-boulder-studie-ueber-pain-reprocessing-therapy-zeigt";
  const text = `Ein Kommentar zum Löschen ${Date.now()}`;
  await postComment(page, slug, "Jonas", text);

  const coach = await coachBeside(browser);
  await coach.goto("/coach/kommentare");
  await coach.getByRole("article").filter({ hasText: text }).getByRole("button", { name: "Freigeben" }).click();
  const published = coach.getByRole("region", { name: "Veröffentlicht" }).getByRole("article").filter({ hasText: text });
  await published.getByRole("button", { name: "Löschen" }).click();
  await expect(coach.getByRole("article").filter({ hasText: text })).toHaveCount(0);
  await page.goto(`/artikel/${slug}`);
  await expect(page.getByText(text)).toHaveCount(0);
  await coach.close();
});

test("a bot that fills the honeypot is thanked and nothing is queued", async ({ page, browser }) => {
  const slug = "die-13-anzeichen-koennte-dein-schmerz-neuroplastisch-sein";
  await page.goto(`/artikel/${slug}`);
  const marker = `Bot-Werbung ${Date.now()}`;
  await page.locator('input[name="website"]').fill("https://spam.example", { force: true });
  await page.getByLabel("Name", { exact: true }).fill("Bot");
  await page.getByLabel("Kommentar", { exact: true }).fill(marker);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Kommentar senden" }).click();
  await expect(page.getByText("Danke für deinen Kommentar!")).toBeVisible();
  const coach = await coachBeside(browser);
  await coach.goto("/coach/kommentare");
  await expect(coach.getByText(marker)).toHaveCount(0);
  await coach.close();
});

test("clients cannot reach the editor", async ({ page }) => {
  await signIn(page, "anna@example.com");
  for (const path of ["/coach/artikel", "/coach/artikel/neu", "/coach/kommentare"]) {
    expect((await page.goto(path))!.status()).toBe(403);
  }
});
