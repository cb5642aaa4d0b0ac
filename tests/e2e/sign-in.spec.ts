import { expect, test } from "@playwright/test";
import { expectAccessible, magicLinkIn, mailFor, nextMail, requestLink, signIn } from "./support/app";
import { confirmCoachPasskey } from "./support/coach";

test("the coach signs in with the link from the mailbox page and reaches the practice", async ({ page }) => {
  const seen = (await mailFor(page.request, "coach@example.com")).map((m) => m.id);
  await requestLink(page, "coach@example.com");
  await expectAccessible(page);
  const message = await nextMail(page.request, "coach@example.com", seen);
  expect(message.subject).toBe("Dein Anmeldelink für Rückenwind Coaching");

  // As a newcomer would: open the local mailbox, read the email, click the link.
  await page.goto(`/dev/mail?to=coach%40example.com&id=${message.id}`);
  await expect(page.getByRole("heading", { name: message.subject })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: magicLinkIn(message) }).click();

  // The link alone does not open the practice: the coach confirms with the passkey.
  await expect(page.getByRole("heading", { level: 1, name: "Bestätige deine Anmeldung" })).toBeVisible();
  await expectAccessible(page);
  await confirmCoachPasskey(page);
  await expect(page).toHaveURL(/\/coach$/);
  await expect(page.getByRole("heading", { level: 1, name: "Agenda" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Praxis", exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("anna reaches her dashboard and is refused the coach portal", async ({ page }) => {
  await signIn(page, "anna@example.com");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: /Hallo Anna/ })).toBeVisible();
  await expectAccessible(page);

  const response = await page.goto("/coach");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Agenda" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a magic link works once; sign-out ends the session", async ({ page }) => {
  const seen = (await mailFor(page.request, "ben@example.com")).map((m) => m.id);
  await requestLink(page, "ben@example.com");
  const link = magicLinkIn(await nextMail(page.request, "ben@example.com", seen));
  await page.goto(link);
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard/);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Anmeldung nicht möglich" })).toBeVisible();
  await expect(page.getByText("abgelaufen oder wurde schon benutzt")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("an expired magic link does not sign in", async ({ page }) => {
  // The server's database is reachable from here only when it is PostgreSQL (CI); PGlite lives inside the server.
  test.skip(!process.env.TEST_DATABASE_URL, "needs the PostgreSQL test database to age the link");
  const { default: postgres } = await import("postgres");
  const sql = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const seen = (await mailFor(page.request, "ben@example.com")).map((m) => m.id);
    await requestLink(page, "ben@example.com");
    const link = magicLinkIn(await nextMail(page.request, "ben@example.com", seen));
    const aged = await sql`update verification_tokens set expires = now() - interval '1 minute' where identifier = 'ben@example.com' and expires > now()`;
    expect(aged.count).toBeGreaterThan(0);
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Anmeldung nicht möglich" })).toBeVisible();
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login/);
  } finally {
    await sql.end();
  }
});

test("an unknown address sees the same confirmation and gets no email", async ({ page, request }) => {
  const address = `unknown-${Date.now()}@example.com`;
  await requestLink(page, address);
  await expect(page.getByText("Wenn deine Adresse bei uns eingetragen ist")).toBeVisible();
  // Give the dispatcher (after the response, and the 2-second poller) time to send anything it had.
  await page.waitForTimeout(3_000);
  expect(await mailFor(request, address)).toEqual([]);
});

test("bad input on the sign-in form gets a clear German message", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Anmeldelink schicken" }).click();
  await expect(page.getByText("Bitte gib eine gültige E-Mail-Adresse ein.")).toBeVisible();
  await page.getByLabel("E-Mail-Adresse").fill("not-an-address");
  await page.getByRole("button", { name: "Anmeldelink schicken" }).click();
  await expect(page.getByText("Bitte gib eine gültige E-Mail-Adresse ein.")).toBeVisible();
  await expect(page.getByLabel("E-Mail-Adresse")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("an anonymous visitor of the dashboard or the portal lands on the sign-in page", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
  await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();
  await page.goto("/coach");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcoach$/);
});
