import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./support/app";
import { signInCoach } from "./support/coach";

/** Pain and stress in the journal form, then "Eintrag speichern" at the bottom of the form. */
async function writeEntry(page: Page, pain: string, stress: string, note: string) {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Eintrag speichern" }) });
  await form.getByRole("group", { name: "Wie stark ist dein Schmerz?" }).getByText(pain, { exact: true }).click();
  await form.getByRole("group", { name: "Wie gestresst fühlst du dich?" }).getByText(stress, { exact: true }).click();
  await form.getByRole("group", { name: "Stimmung (optional)" }).getByText("eher gut").click();
  await form.getByText("Mehr festhalten").click();
  await form.getByRole("group", { name: "Wo spürst du es?" }).getByText("Nacken").click();
  await form.getByRole("group", { name: "Was hat geholfen?" }).getByText("Spaziergang").click();
  await form.getByLabel("Notizen").fill(note);
  await form.getByRole("button", { name: "Eintrag speichern" }).click();
}

test("on a phone, saving an entry says so beside the button, focuses the answer and links to the new entry", async ({ page }) => {
  test.setTimeout(120_000); // two sign-ins (Anna and the coach) on a busy machine
  await signIn(page, "anna@example.com");
  await page.goto("/dashboard/tagebuch");
  await expectAccessible(page);
  const note = `Abendspaziergang ${Date.now()}`;
  await writeEntry(page, "3", "6", note);

  const status = page.getByRole("status").filter({ hasText: "Gespeichert. Danke" });
  await expect(status).toBeInViewport();
  await expect(status).toBeFocused();
  await status.getByRole("link", { name: "Zum neuen Eintrag" }).click();
  const entry = page.getByRole("article").filter({ hasText: note });
  await expect(entry).toBeInViewport();
  // Time of day and every field she entered.
  await expect(entry).toContainText(/\d\d:\d\d Uhr · Schmerz 3 · Stress 6 · Stimmung eher gut/);
  await expect(entry).toContainText("Wo: Nacken");
  await expect(entry).toContainText("Geholfen: Spaziergang");
  await expectAccessible(page);

  // The coach's view of her record shows the same entry with every field (and is logged for her).
  const coach = await (
    await page
      .context()
      .browser()!
      .newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 390, height: 844 } })
  ).newPage();
  await signInCoach(coach);
  await coach.getByRole("link", { name: "Klient*innen" }).first().click();
  await coach.getByRole("link", { name: "Anna Keller" }).first().click();
  const seen = coach.getByRole("listitem").filter({ hasText: note });
  await expect(seen).toContainText(/\d\d:\d\d Uhr · Schmerz 3 · Stress 6 · Stimmung eher gut/);
  await expect(seen).toContainText("Wo: Nacken");
  await expect(seen).toContainText("Geholfen: Spaziergang");
  await expect(coach.getByRole("img", { name: /Stimmung, letzte 90 Tage/ })).toBeVisible();
  await expectAccessible(coach);
  await page.goto("/dashboard/daten");
  await expect(page.getByText(/hat Tagebuch und Selbsttests angesehen/).first()).toBeVisible();

  await page.goto("/dashboard/tagebuch");
  await page.getByRole("article").filter({ hasText: note }).getByRole("button", { name: "Löschen" }).click();
  await page.getByRole("button", { name: "Ja, löschen" }).click();
  await expect(page.getByRole("article").filter({ hasText: note })).toHaveCount(0);
});

test("on a phone, the range tabs keep the chart in view, and its labels stay readable", async ({ page }) => {
  await signIn(page, "anna@example.com");
  await page.goto("/dashboard");
  const tabs = page.getByRole("navigation", { name: "Zeitraum" });
  await tabs.scrollIntoViewIfNeeded();
  await tabs.getByRole("link", { name: "90 Tage" }).click();
  await expect(page).toHaveURL(/tage=90/);
  const chart = page.getByRole("img", { name: "Schmerz und Stress, letzte 90 Tage" });
  await expect(chart).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  // Ninety days are weekly means; the daily points are one tap away.
  await expect(page.getByText("Wochenmittel").first()).toBeVisible();
  await page.getByRole("link", { name: "Tageswerte zeigen" }).click();
  await expect(page).toHaveURL(/punkte=tage/);
  await expect(page.getByText("Tageswerte").first()).toBeVisible();
  await expect(chart).toBeInViewport();

  // Axis labels are 12 CSS px at 390 px, and no two x labels overlap.
  const labels = await page
    .locator("figure")
    .first()
    .locator("span.absolute")
    .evaluateAll((spans) =>
      spans
        .filter((s) => (s as HTMLElement).offsetParent !== null)
        .map((s) => ({
          size: parseFloat(getComputedStyle(s).fontSize),
          box: s.getBoundingClientRect().toJSON() as DOMRect,
          x: s.className.includes("top-full"),
        })),
    );
  expect(labels.length).toBeGreaterThan(3);
  for (const label of labels) expect(label.size).toBeGreaterThanOrEqual(12);
  const xs = labels
    .filter((l) => l.x)
    .map((l) => l.box)
    .sort((a, b) => a.left - b.left);
  expect(xs.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < xs.length; i++) expect(xs[i]!.left).toBeGreaterThan(xs[i - 1]!.right);
  await expectAccessible(page);
});

test("on a phone, the daily reminder is opt-in at her own hour and zone; the unsubscribe page changes nothing by opening it", async ({
  page,
}) => {
  await signIn(page, "anna@example.com");
  await page.goto("/dashboard/tagebuch#erinnerung");
  const card = page.getByRole("region", { name: "Tägliche Erinnerung" });
  const enabled = card.getByLabel("Erinnere mich per E-Mail, wenn ich an einem Tag noch nichts eingetragen habe");
  await expect(enabled).not.toBeChecked();
  await enabled.check();
  await card.getByLabel("Uhrzeit").selectOption("7");
  await card.getByLabel("Deine Zeitzone").selectOption("America/New_York");
  await card.getByRole("button", { name: "Erinnerung speichern" }).click();
  const saved = page.getByRole("status").filter({ hasText: "Ich erinnere dich jeden Tag um 07:00 Uhr (America/New_York)" });
  await expect(saved).toBeInViewport();
  await expectAccessible(page);
  await page.reload();
  await expect(card.getByLabel("Uhrzeit")).toHaveValue("7");
  await expect(card.getByLabel("Deine Zeitzone")).toHaveValue("America/New_York");
  await enabled.uncheck();
  await card.getByRole("button", { name: "Erinnerung speichern" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Die Erinnerung ist aus." })).toBeVisible();

  // A token of the right shape that the server did not sign is refused by the page itself.
  await page.goto(`/erinnerung/abmelden?token=${"0".repeat(36)}.${"A".repeat(43)}`);
  await expect(page.getByText("Dieser Link ist leider ungültig.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Erinnerungen abbestellen" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/erinnerung/abmelden?token=nicht-echt");
  await expect(page.getByText("Dieser Link ist leider ungültig.")).toBeVisible();
  await expectAccessible(page);
});
