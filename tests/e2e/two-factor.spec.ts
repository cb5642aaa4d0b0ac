import { expect, test, type Browser } from "@playwright/test";
import { expectAccessible, mailFor, signIn } from "./support/app";
import { addVirtualAuthenticator, COACH_EMAIL, coachRecoveryCodes, securityMail, signInCoach } from "./support/coach";

/*
 * The coach's second factor on the production build (the first sign-in, which sets up the
 * passkey, is the setup project: tests/e2e/coach.setup.ts). Every coach session made here is
 * its own; the stored one of the other specs is never signed out or ended.
 */
const newPage = async (browser: Browser, options: { userAgent?: string } = {}) =>
  (await browser.newContext({ baseURL: test.info().project.use.baseURL, ...options })).newPage();

test("after the magic link alone the practice stays shut; a recovery code opens it, once", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, COACH_EMAIL);
  await expect(page).toHaveURL(/\/login\/zweiter-faktor/);
  await expect(page.getByRole("heading", { level: 1, name: "Bestätige deine Anmeldung" })).toBeVisible();

  // Every way into the practice answers with the second-factor page or a refusal.
  const coachPage = await page.goto("/coach/klienten");
  expect(coachPage?.status()).toBe(200);
  await expect(page).toHaveURL(/\/login\/zweiter-faktor\?callbackUrl=%2Fcoach$/);
  await expect(page.getByText("Anna Keller")).toHaveCount(0);
  const api = await page.request.post("/api/passkeys/register/options", { data: {} });
  expect(api.status()).toBe(401);
  expect((await api.json()).error).toBe("second_factor_required");
  await page.goto("/login");
  await expect(page).toHaveURL(/\/login\/zweiter-faktor/);

  const [code] = coachRecoveryCodes();
  const seen = (await mailFor(page.request, COACH_EMAIL)).map((m) => m.id);
  await page.getByText("Kein Passkey zur Hand?").click();
  await page.getByLabel("Wiederherstellungscode").fill(code!.toLowerCase());
  await page.getByRole("button", { name: "Mit Code anmelden" }).click();
  await expect(page).toHaveURL(/\/coach$/);
  await expect(page.getByRole("heading", { level: 1, name: "Agenda" })).toBeVisible();
  const mail = await securityMail(page, "Anmeldung mit einem Wiederherstellungscode (Rückenwind Coaching)", seen);
  expect(`${mail.html}${mail.text}`).not.toContain(code!);
  expect(mail.text).toContain("noch 9 unbenutzte Codes");

  // The same code in another browser: refused, and the practice stays shut there.
  const other = await newPage(browser);
  await signIn(other, COACH_EMAIL);
  await other.getByText("Kein Passkey zur Hand?").click();
  await other.getByLabel("Wiederherstellungscode").fill(code!);
  await other.getByRole("button", { name: "Mit Code anmelden" }).click();
  await expect(other.getByText("Dieser Code passt nicht oder wurde schon benutzt.")).toBeVisible();
  await expectAccessible(other);
  await other.goto("/coach");
  await expect(other).toHaveURL(/\/login\/zweiter-faktor/);
  await page.context().close();
  await other.context().close();
});

test("the coach adds and removes a passkey and signs another device out, in the settings", async ({ browser }) => {
  // Another device of the coach's, signed in by link and still waiting for its second factor.
  const device = await newPage(browser, { userAgent: "E2E-Zweitgeraet/1.0" });
  await signIn(device, COACH_EMAIL);
  await expect(device).toHaveURL(/\/login\/zweiter-faktor/);

  const page = await newPage(browser);
  await addVirtualAuthenticator(page);
  await signInCoach(page);
  await page.goto("/coach/einstellungen#anmeldung");
  const section = page.getByRole("region", { name: "Anmeldung und Geräte" });
  const keys = section.getByRole("list", { name: "Passkeys" }).getByRole("listitem");
  await expect(keys.filter({ hasText: "E2E-Laptop" })).toBeVisible();
  await expectAccessible(page);

  const seen = (await mailFor(page.request, COACH_EMAIL)).map((m) => m.id);
  await section.getByLabel("Name des neuen Passkeys").fill("E2E-Handy");
  await section.getByRole("button", { name: "Passkey hinzufügen" }).click();
  await expect(section.getByText("„E2E-Handy“ ist eingerichtet.")).toBeVisible();
  await expect(keys.filter({ hasText: "E2E-Handy" })).toContainText("noch nicht benutzt");
  // Not the first one: no new recovery codes.
  await expect(section.getByRole("list", { name: "Wiederherstellungscodes" })).toHaveCount(0);
  await securityMail(page, "Neuer Passkey für dein Konto (Rückenwind Coaching)", seen);

  // With two passkeys either goes without a question; the last one only after the warning.
  await section.getByRole("button", { name: "„E2E-Handy“ entfernen" }).click();
  await expect(keys.filter({ hasText: "E2E-Handy" })).toHaveCount(0);
  await expect(keys.filter({ hasText: "E2E-Laptop" }).getByText("Das ist dein letzter Passkey.")).toBeVisible();
  await expect(keys.filter({ hasText: "E2E-Laptop" }).getByRole("checkbox")).not.toBeChecked();

  // The devices: this one marked, the other one with its browser, ended from here.
  const devices = section.getByRole("list", { name: "Angemeldete Geräte" }).getByRole("listitem");
  await expect(devices.filter({ hasText: "(dieses Gerät)" })).toHaveCount(1);
  const second = devices.filter({ hasText: "E2E-Zweitgeraet/1.0" });
  await expect(second).toContainText("nur mit dem Link aus der E-Mail");
  await second.getByRole("button", { name: "Gerät abmelden" }).click();
  await expect(second).toHaveCount(0);
  await device.goto("/coach");
  await expect(device).toHaveURL(/\/login\?callbackUrl=%2Fcoach$/);
  await page.context().close();
  await device.context().close();
});

test("a client may add a passkey, is then asked for it after the link, and may remove it again", async ({ browser }) => {
  const page = await newPage(browser);
  const authenticator = await addVirtualAuthenticator(page);
  await signIn(page, "ben@example.com");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("navigation", { name: "Dein Bereich" }).getByRole("link", { name: "Sicherheit" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Anmeldung und Geräte" })).toBeVisible();
  await expect(page.getByText("Noch kein Passkey eingerichtet.")).toBeVisible();
  await expectAccessible(page);
  try {
    await page.getByLabel("Name des neuen Passkeys").fill("Bens Handy");
    await page.getByRole("button", { name: "Passkey hinzufügen" }).click();
    await expect(page.getByRole("list", { name: "Wiederherstellungscodes" }).getByRole("listitem")).toHaveCount(10);
    expect(await authenticator.credentials()).toHaveLength(1);

    // From now on the link alone is not enough for Ben either.
    await page.getByRole("button", { name: "Abmelden", exact: true }).click();
    await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
    await signIn(page, "ben@example.com");
    await expect(page).toHaveURL(/\/login\/zweiter-faktor/);
    expect((await page.request.get("/api/journal")).status()).toBe(401);
    await page.getByRole("button", { name: "Mit Passkey bestätigen" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  } finally {
    // Ben goes back to the magic link alone, for the other journeys.
    await page.goto("/dashboard/sicherheit");
    const key = page.getByRole("list", { name: "Passkeys" }).getByRole("listitem").filter({ hasText: "Bens Handy" });
    if (await key.count()) {
      await key.getByRole("checkbox").check();
      await key.getByRole("button", { name: "„Bens Handy“ entfernen" }).click();
      await expect(page.getByText("Noch kein Passkey eingerichtet.")).toBeVisible();
    }
  }
  await page.getByRole("button", { name: "Abmelden", exact: true }).click();
  await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
  await signIn(page, "ben@example.com");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.context().close();
});
