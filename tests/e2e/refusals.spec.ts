import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { signIn } from "./support/app";
import { signInCoach } from "./support/coach";

/*
 * Small refusals that must stay 4xx with the security headers: malformed addresses, dates no
 * calendar can hold, server actions called without the right, and messages chosen by the URL.
 */
function expectSecurityHeaders(where: string, response: APIResponse) {
  const h = response.headers();
  expect(h["x-content-type-options"], where).toBe("nosniff");
  expect(h["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(h["content-security-policy"] ?? "", where).toContain("frame-ancestors 'none'");
}

test("malformed percent-encoding in a path is a 4xx with the security headers", async ({ request }) => {
  for (const path of ["/artikel/%ZZ", "/api/journal/%ZZ", "/termin/%E0%A4%A", "/coach/klienten/%"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect([400, 404], `${path}: ${response.status()}`).toContain(response.status());
    expectSecurityHeaders(path, response);
  }
});

test("free slots for dates no calendar can hold are a 400", async ({ request }) => {
  for (const [from, to] of [
    ["0001-01-01", "0001-01-02"],
    ["0000-01-01", "0000-01-02"],
    ["9999-12-30", "9999-12-31"],
  ]) {
    const response = await request.get(`/api/slots?from=${from}&to=${to}`);
    expect(response.status(), `${from}..${to}`).toBe(400);
    expect((await response.json()).error).toBe("invalid");
  }
});

/** The build's id of a server action, from Next's own manifest (what a browser would post). */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === name);
  expect(found, `${file}#${name} in the build`).toBeTruthy();
  return found![0];
}

async function callAction(request: APIRequestContext, page: string, id: string) {
  return request.post(page, {
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: "[]",
    maxRedirects: 0,
  });
}

test("a server action refused for lack of rights answers 401 or 403, not 500", async ({ browser, playwright, baseURL }) => {
  // The proxy sends visitors without a session cookie to the sign-in page before any action runs;
  // a cookie that is no session gets past it, and then the action's own guard answers.
  const stale = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: "authjs.session-token=00000000-0000-4000-8000-000000000000" },
  });
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, "anna@example.com");
  await page.waitForURL(/\/dashboard/);
  try {
    const coachOnly = actionId("lib/booking/coach-actions.ts", "deleteOverrideAction");
    const clientOnly = actionId("lib/clients/actions.ts", "deleteAccountAction");
    expect((await callAction(stale, "/coach/verfuegbarkeit", coachOnly)).status()).toBe(401);
    expect((await callAction(stale, "/dashboard/daten", clientOnly)).status()).toBe(401);
    // Signed in as a client, on the coach's own page.
    expect((await callAction(context.request, "/coach/verfuegbarkeit", coachOnly)).status()).toBe(403);
  } finally {
    await stale.dispose();
    await context.close();
  }
});

test("a coach calling a client's action gets 403", async ({ page }) => {
  await signInCoach(page);
  const clientOnly = actionId("lib/clients/actions.ts", "deleteAccountAction");
  expect((await callAction(page.request, "/dashboard/daten", clientOnly)).status()).toBe(403);
});

test("the coach's consultations page shows only its own messages, never text from the address", async ({ page }) => {
  await signInCoach(page);
  const forged = "Zugang gesperrt, bitte hier neu anmelden: https://zq7x-phish.example";
  for (const param of ["fehler", "ok"]) {
    await page.goto(`/coach/termine?${param}=${encodeURIComponent(forged)}`);
    await expect(page.getByRole("heading", { level: 1, name: "Erstgespräche" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("zq7x-phish");
    await expect(page.getByText(/Zugang gesperrt/)).toHaveCount(0);
  }
  await page.goto("/coach/termine?fehler=schon-abgesagt");
  await expect(page.getByRole("alert").filter({ hasText: "Dieser Termin ist schon abgesagt oder vorbei." })).toBeVisible();
});
