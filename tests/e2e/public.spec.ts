import { expect, test, type Response } from "@playwright/test";
import { expectAccessible } from "./support/app";
import { signInCoach } from "./support/coach";

// All but /login come from the prerender cache (no nonce possible: their policy allows Next's inline payload).
const pages = [
  { path: "/", heading: /kein Befund erklärt es/, cached: true },
  { path: "/impressum", heading: "Impressum", cached: true },
  { path: "/datenschutz", heading: "Datenschutzerklärung", cached: true },
  { path: "/login", heading: "Anmelden", cached: false },
  { path: "/artikel", heading: "Artikel", cached: true },
  { path: "/selbsttest", heading: "Selbsttest", cached: true },
  { path: "/erstgespraech", heading: "Kostenloses Erstgespräch", cached: true },
];

for (const { path, heading, cached } of pages) {
  test(`${path} renders in German with the site shell, safely and accessibly`, async ({ page }) => {
    const thirdParty: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith("http://localhost:") && !r.url().startsWith("data:")) thirdParty.push(r.url());
    });
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    const assets: Response[] = [];
    page.on("response", (r) => /^\/_next\/static\/.+\.(js|css)$/.test(new URL(r.url()).pathname) && assets.push(r));

    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Erstgespräch" })).toBeVisible();
    await expect(page.getByText("Coaching ersetzt keine ärztliche Diagnose")).toBeVisible();

    const headers = response!.headers();
    const csp = headers["content-security-policy"] ?? "";
    if (cached) {
      expect(headers["x-nextjs-cache"], "served from the prerender cache").toMatch(/HIT|STALE|MISS/);
      expect(csp).toMatch(/script-src 'self' 'unsafe-inline';/);
    } else {
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    }
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["strict-transport-security"]).toContain("max-age=");

    await page.waitForLoadState("networkidle");
    expect(thirdParty, "no request to any other host").toEqual([]);
    // The build's scripts and styles come compressed once (server/static-files.mjs), with the site's headers.
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const sent = await asset.allHeaders();
      expect(sent["content-encoding"], asset.url()).toBe("br");
      expect(sent["x-content-type-options"], asset.url()).toBe("nosniff");
      expect(sent["cache-control"], asset.url()).toBe("public, max-age=31536000, immutable");
    }
    expect(errors.filter((e) => /Content Security Policy|Refused/.test(e)), "nothing blocked by the CSP").toEqual([]);
    await expectAccessible(page);
  });
}

// The demo practice's Impressum is complete (its invoices need the address): what an incomplete
// one shows is tested in tests/unit/impressum.test.tsx.
test("the Impressum names the practice and its address; the coach's agenda asks for nothing", async ({ page, browser }) => {
  await page.goto("/impressum");
  await expect(page.getByText("Mara Lindner").first()).toBeVisible();
  await expect(page.getByText("Lindenstraße 12")).toBeVisible();
  await expect(page.getByText(/bitte ergänzen/)).toHaveCount(0);

  const coach = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signInCoach(coach);
  await coach.goto("/coach");
  await expect(coach.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(coach.getByText(/fehlen im Impressum/)).toHaveCount(0);
  await coach.close();
});

test("health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});

test("the dispatch route wants the cron secret", async ({ request }) => {
  expect((await request.post("/api/cron/dispatch")).status()).toBe(401);
  expect((await request.post("/api/cron/dispatch", { headers: { authorization: "Bearer wrong" } })).status()).toBe(401);
  const ok = await request.post("/api/cron/dispatch", { headers: { authorization: "Bearer e2e-cron-secret" } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ sent: expect.any(Number), failed: expect.any(Number) });
});

test("an unknown page is a friendly German 404", async ({ page }) => {
  const response = await page.goto("/gibt-es-nicht");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Diese Seite gibt es nicht" })).toBeVisible();
});
