import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/app";
import { signInCoach } from "./support/coach";

/*
 * The coach's own calendars in the settings: every address the server must not fetch is refused
 * in German at once, and this production server (no CALENDAR_KEYS) refuses to store a secret.
 * The connection itself against a real CalDAV server: tests/integration/caldav*.test.ts.
 */
test("the coach's calendar section refuses unsafe addresses and, without a key, any connection", async ({ page }) => {
  await signInCoach(page);
  await page.goto("/coach/einstellungen");
  await expect(page.getByRole("heading", { level: 2, name: "Deine Kalender" })).toBeVisible();
  await expectAccessible(page);

  const caldav = page.getByRole("group", { name: /CalDAV-Konto verbinden/ });
  await caldav.getByLabel("Name", { exact: true }).fill("iCloud");
  await caldav.getByLabel("Server-Adresse").fill("http://caldav.icloud.com");
  await caldav.getByLabel("Benutzername").fill("mara@icloud.com");
  await caldav.getByLabel("App-Passwort").fill("abcd-efgh-ijkl-mnop");
  await page.getByRole("button", { name: "Konto verbinden" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Die Adresse muss mit https:// beginnen." })).toBeVisible();

  await caldav.getByLabel("Server-Adresse").fill("https://192.168.178.20/remote.php/dav");
  await caldav.getByLabel("App-Passwort").fill("abcd-efgh-ijkl-mnop");
  await page.getByRole("button", { name: "Konto verbinden" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Diese Adresse liegt in einem privaten Netz" })).toBeVisible();

  const ical = page.getByRole("group", { name: /Kalender abonnieren/ });
  await ical.getByLabel("Name", { exact: true }).fill("Google privat");
  await ical
    .getByLabel("Geheime Adresse im iCal-Format")
    .fill("https://calendar.google.com/calendar/ical/mara%40gmail.com/private-0123/basic.ics");
  await page.getByRole("button", { name: "Abonnieren" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Kalender können erst verbunden werden" })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("region", { name: "Deine Kalender" }).screenshot({ path: "test-results/coach-calendars-390.png" });
  const widths = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(widths).toBeLessThanOrEqual(390);
});
