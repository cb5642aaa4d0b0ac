import { expect, test } from "@playwright/test";
import { expectAccessible, magicLinkIn, mailFor, nextMail, openSignInLink, requestLink, signIn } from "./support/app";
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
  await expect(page.getByText("Du meldest dich an als coach@example.com.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Jetzt anmelden" }).click();

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
  await openSignInLink(page, link);
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Du bist abgemeldet" })).toBeInViewport();
  await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard/);

  await page.goto(link);
  await expect(page.getByText("Dieser Link gilt nicht mehr")).toBeVisible();
  await expect(page.getByRole("button", { name: "Jetzt anmelden" })).toHaveCount(0);
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
    await expect(page.getByText("Dieser Link gilt nicht mehr")).toBeVisible();
    await expect(page.getByText("ben@example.com")).toHaveCount(0);
    await page.getByRole("link", { name: "Neuen Link anfordern" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login/);
  } finally {
    await sql.end();
  }
});

test("an unknown address sees the same confirmation and gets no email", async ({ page, request }) => {
  const address = `unknown-${Date.now()}@example.com`;
  await requestLink(page, address);
  await expect(page.getByText("Wenn deine Adresse bei mir eingetragen ist")).toBeVisible();
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

test("a mail scanner's visits use nothing up; the link page names the account and signs in on the click", async ({ page, request }) => {
  const seen = (await mailFor(page.request, "ben@example.com")).map((m) => m.id);
  await requestLink(page, "ben@example.com");
  const link = magicLinkIn(await nextMail(page.request, "ben@example.com", seen));
  // A scanner fetches every link in an email, without cookies, sometimes more than once.
  for (let i = 0; i < 3; i++) {
    const scanned = await request.get(link, { maxRedirects: 0 });
    expect(scanned.status()).toBe(200);
    expect(await scanned.text()).toContain("ben@example.com");
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Anmeldung bestätigen" })).toBeVisible();
  await expect(page.getByText("Du meldest dich an als ben@example.com.")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("sign-in-link-390.png"), fullPage: true });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Jetzt anmelden" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: /Hallo Ben/ })).toBeVisible();
});

test("a link for another account asks before it switches a signed-in browser", async ({ page, browser }) => {
  await signIn(page, "anna@example.com");
  await expect(page).toHaveURL(/\/dashboard$/);
  // Ben's link, asked for elsewhere, opened in Anna's browser.
  const elsewhere = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const other = await elsewhere.newPage();
    const seen = (await mailFor(other.request, "ben@example.com")).map((m) => m.id);
    await requestLink(other, "ben@example.com");
    const link = magicLinkIn(await nextMail(other.request, "ben@example.com", seen));

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(link);
    await expect(page.getByText("Du bist gerade als anna@example.com angemeldet.", { exact: false })).toBeVisible();
    await expect(page.getByRole("button", { name: "Jetzt anmelden" })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath("sign-in-link-switch-390.png"), fullPage: true });
    await expectAccessible(page);
    // Staying signed in changes nothing, and the link still works afterwards.
    await page.getByRole("link", { name: "Angemeldet bleiben" }).click();
    await expect(page.getByRole("heading", { name: /Hallo Anna/ })).toBeVisible();

    await page.goto(link);
    await page.getByRole("button", { name: "Abmelden und als ben@example.com anmelden" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: /Hallo Ben/ })).toBeVisible();
  } finally {
    await elsewhere.close();
  }
});

test("the session endpoint tells the browser who is signed in, not the session token", async ({ page }) => {
  await signIn(page, "anna@example.com");
  const token = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"))?.value;
  expect(token).toBeTruthy();
  const response = await page.request.get("/api/auth/session");
  const text = await response.text();
  expect(text).not.toContain(token!);
  expect(JSON.parse(text)).toEqual({ user: { id: expect.any(String), name: "Anna Keller", email: "anna@example.com", role: "client" }, expires: expect.any(String) });
});
