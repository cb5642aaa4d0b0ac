import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./support/app";

// The one journey with a service worker: every other spec blocks them (playwright.config.ts).
test.use({ serviceWorkers: "allow" });

const queued = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ userId: string }[]>((resolve) => {
        const open = indexedDB.open("praxis-journal", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("queue", { keyPath: "key", autoIncrement: true });
        open.onsuccess = () => {
          const request = open.result.transaction("queue").objectStore("queue").getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
  );

test("the journal works offline from the home screen: an entry waits on the phone and is sent when the connection returns; signing out leaves nothing behind", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  // The home-screen app: manifest with icons, an apple-touch-icon, the theme colour.
  const manifest = await (await page.request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ start_url: "/dashboard/tagebuch", display: "standalone", theme_color: "#2f6b5e" });
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(["192x192", "512x512", "512x512"]);

  await signIn(page, "anna@example.com");
  await page.goto("/dashboard/tagebuch");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#2f6b5e");
  // The service worker takes over the client area and keeps the journal form's shell.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match("/dashboard/tagebuch/neu"))), { timeout: 15_000 })
    .toBe(true);
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  // Offline: the journal opens from the cache (the form alone, no entries) and keeps the entry.
  await context.setOffline(true);
  await page.route("**/api/journal", (route) => route.abort("internetdisconnected"));
  await page.goto("/dashboard/tagebuch");
  await expect(page.getByRole("heading", { level: 1, name: "Neuer Eintrag" })).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(0);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Eintrag speichern" }) });
  await form.getByRole("group", { name: "Wie stark ist dein Schmerz?" }).getByText("2", { exact: true }).click();
  await form.getByRole("group", { name: "Wie gestresst fühlst du dich?" }).getByText("8", { exact: true }).click();
  const note = `Im Zug geschrieben ${Date.now()}`;
  await form.getByText("Mehr festhalten").click();
  await form.getByLabel("Notizen").fill(note);
  await form.getByRole("button", { name: "Eintrag speichern" }).click();
  const status = page.getByRole("status").filter({ hasText: "Du bist gerade offline" });
  await expect(status).toBeInViewport();
  const waiting = await queued(page);
  expect(waiting).toHaveLength(1);
  expect(waiting[0]!.userId).toMatch(/^[0-9a-f-]{36}$/);
  // An entry someone else left queued on this phone is never sent under her session.
  const foreign = `Fremder Eintrag ${Date.now()}`;
  await page.evaluate(
    (notes) =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open("praxis-journal", 1);
        open.onsuccess = () => {
          const tx = open.result.transaction("queue", "readwrite");
          tx.objectStore("queue").add({
            userId: "00000000-0000-4000-8000-000000000000",
            body: { entryDate: "2026-11-20", pain: 9, stress: 9, notes },
            queuedAt: new Date().toISOString(),
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    foreign,
  );

  // Back online: the entry goes out by itself, under her session.
  await page.unroute("**/api/journal");
  await context.setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: "Dein offline geschriebener Eintrag ist jetzt gespeichert." })).toBeVisible({
    timeout: 15_000,
  });
  expect((await queued(page)).map((q) => q.userId)).toEqual(["00000000-0000-4000-8000-000000000000"]);
  expect((await (await page.request.get(`/api/journal?q=${encodeURIComponent(foreign)}`)).json()).entries).toEqual([]);
  const list = await (await page.request.get(`/api/journal?q=${encodeURIComponent(note)}`)).json();
  expect(list.entries.map((e: { pain: number; stress: number; notes: string }) => [e.pain, e.stress, e.notes])).toEqual([[2, 8, note]]);
  await expectAccessible(page);

  // Signing out removes the cached pages, the queue and the worker.
  await page.goto("/dashboard/tagebuch");
  // The page is interactive once its scripts have loaded (a tap before that is a plain form post).
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page).toHaveURL(/\/login\?abgemeldet=1$/, { timeout: 15_000 });
  expect(await page.evaluate(async () => (await caches.keys()).length)).toBe(0);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain("praxis-journal");

  // Clean up: the entry is hers to delete.
  await signIn(page, "anna@example.com");
  const { entries } = await (await page.request.get(`/api/journal?q=${encodeURIComponent(note)}`)).json();
  for (const e of entries as { id: string }[]) expect((await page.request.delete(`/api/journal/${e.id}`)).status()).toBe(204);
});
