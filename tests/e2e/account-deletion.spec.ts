import { expect, test } from "@playwright/test";
import { expectAccessible, mailFor, requestLink, signIn } from "./support/app";
import { signInCoach } from "./support/coach";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("on a phone anna writes an entry, takes the self-check, exports her data, sees the coach's view and deletes her account", async ({
  page,
  browser,
}) => {
  await signIn(page, "anna@example.com");
  await page.goto("/dashboard/tagebuch");
  await page.getByRole("group", { name: "Wie stark ist dein Schmerz?" }).first().getByText("1", { exact: true }).tap();
  await page.getByRole("group", { name: "Wie gestresst fühlst du dich?" }).first().getByText("9", { exact: true }).tap();
  await page.getByRole("button", { name: "Eintrag speichern" }).tap();
  await expect(page.getByText("Gespeichert. Danke")).toBeVisible();

  // The entry is in the chart: its data table lists today's average.
  await page.goto("/dashboard?tage=7");
  const table = page.locator("figure table");
  await expect(table.locator("tr").last()).toContainText(/\d/);
  await expectAccessible(page);

  await page.goto("/selbsttest");
  // The page comes from the static cache; it learns in the browser that she is signed in.
  await expect(page.getByText("Dein Ergebnis wird in deinem Bereich gespeichert.")).toBeVisible();
  const groups = page.locator("fieldset").filter({ has: page.getByRole("radio", { name: "Ja" }) });
  for (let i = 0; i < 20; i++)
    await groups
      .nth(i)
      .getByRole("radio", { name: i < 5 ? "Ja" : "Nein" })
      .check();
  await page.getByRole("button", { name: "Auswerten" }).tap();
  await expect(page.getByText("Dein Ergebnis ist in deinem Bereich gespeichert.")).toBeVisible();
  await page.goto("/dashboard/selbsttest");
  await expect(page.getByRole("cell", { name: "5 von 13" }).first()).toBeVisible();

  // The coach looks at her record; she sees that in "Meine Daten".
  const coach = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signInCoach(coach);
  await coach.goto("/coach/klienten");
  await coach.getByRole("link", { name: "Anna Keller" }).click();
  await expect(coach.getByRole("heading", { level: 1, name: "Anna Keller" })).toBeVisible();
  await expectAccessible(coach);

  await page.goto("/dashboard/daten");
  // Every view is logged (the authorization matrix adds some of its own): the newest is first.
  await expect(page.getByText(/Mara Lindner hat Tagebuch und Selbsttests angesehen/).first()).toBeVisible();
  await expectAccessible(page);
  const exported = await page.request.get("/dashboard/daten/export.json");
  expect(exported.headers()["content-type"]).toContain("application/json");
  const data = JSON.parse(await exported.text());
  expect(data.profile.email).toBe("anna@example.com");
  expect(data.journal.length).toBeGreaterThan(60);
  expect(data.selfChecks.length).toBeGreaterThan(0);
  expect(data.healthDataViews.length).toBeGreaterThan(0);
  const csv = await (await page.request.get("/dashboard/daten/tagebuch.csv")).text();
  expect(csv.split("\r\n")[0]).toContain('"Datum";"Schmerz";"Stress"');

  // The page says, before anyone deletes, what stays (issued invoices, for the law) and how long backups keep it.
  const deletion = page.getByRole("region", { name: "Konto löschen" });
  await expect(deletion).toContainText("Was bleibt, weil ein Gesetz es verlangt");
  await expect(deletion).toContainText("Name und Anschrift auf gestellten Rechnungen und Stornorechnungen: 8 Jahre");
  await expect(deletion).toContainText("spätestens 30 Tage später auch aus allen Sicherungen");

  // Anna is also signed in on another device; deleting the account ends that session too.
  const laptop = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signIn(laptop, "anna@example.com");
  await expect(laptop).toHaveURL(/\/dashboard$/);

  await page.getByLabel("Zur Bestätigung LÖSCHEN eintippen").fill("löschen?");
  await page.getByRole("button", { name: "Konto und alle Daten endgültig löschen" }).tap();
  await expect(page.getByText("Bitte tippe LÖSCHEN ein")).toBeVisible();
  await page.getByLabel("Zur Bestätigung LÖSCHEN eintippen").fill("LÖSCHEN");
  await page.getByRole("button", { name: "Konto und alle Daten endgültig löschen" }).tap();
  await expect(page).toHaveURL(/\/\?konto=geloescht$/);

  // Gone: the old session no longer works, and a new sign-in link is not sent.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await laptop.goto("/dashboard/tagebuch");
  await expect(laptop).toHaveURL(/\/login/);
  const before = (await mailFor(page.request, "anna@example.com")).length;
  await requestLink(page, "anna@example.com");
  await page.waitForTimeout(3_000);
  expect((await mailFor(page.request, "anna@example.com")).length).toBe(before);
  await coach.goto("/coach/klienten");
  await expect(coach.getByRole("link", { name: "Anna Keller" })).toHaveCount(0);
  // Every email to or about her is gone from the log (the cancellations the deletion caused go
  // once they are delivered).
  await expect
    .poll(
      async () => {
        await coach.goto("/coach/emails");
        return coach
          .getByRole("row")
          .filter({ hasText: /anna@example\.com|Anna Keller/ })
          .count();
      },
      { timeout: 15_000 },
    )
    .toBe(0);
});
