import { expect, test } from "@playwright/test";
import { expectAccessible, magicLinkIn, nextMail, openSignInLink, signIn } from "./support/app";
import { signInCoach } from "./support/coach";

test("the coach sees the agenda, invites a client who signs in from the invitation, and finds her in the list", async ({
  page,
  browser,
}) => {
  await signInCoach(page);
  await page.goto("/coach");
  await expect(page.getByRole("heading", { level: 1, name: "Agenda" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Heute, / })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Woche vom / })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Braucht deine Aufmerksamkeit" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Nächste Woche →" }).click();
  await expect(page).toHaveURL(/\/coach\?woche=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole("link", { name: "Diese Woche" })).toBeVisible();

  await page.goto("/coach/klienten");
  await expectAccessible(page);
  const invite = page.locator("form").filter({ has: page.getByRole("button", { name: "Einladen" }) });
  await invite.getByRole("button", { name: "Einladen" }).click();
  await expect(invite.getByText("Bitte gib einen Namen an.")).toBeVisible();
  const email = `lena-${Date.now()}@example.com`;
  await invite.getByLabel("Name").fill("Lena Lang");
  await invite.getByLabel("E-Mail-Adresse").fill("keine-adresse");
  await invite.getByRole("button", { name: "Einladen" }).click();
  await expect(invite.getByText("Bitte gib eine gültige E-Mail-Adresse an.")).toBeVisible();
  await expect(invite.getByLabel("Name")).toHaveValue("Lena Lang");
  await invite.getByLabel("E-Mail-Adresse").fill(email);
  await invite.getByRole("button", { name: "Einladen" }).click();
  await expect(page.getByText("Lena Lang ist angelegt und bekommt eine Einladung per E-Mail.")).toBeVisible();

  const invitation = await nextMail(page.request, email);
  expect(invitation.subject).toMatch(/^Dein Zugang bei/);
  const link = magicLinkIn(invitation);
  const client = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await openSignInLink(client, link);
  await expect(client).toHaveURL(/\/dashboard$/);
  await expect(client.getByRole("heading", { name: /Hallo Lena/ })).toBeVisible();

  await page.goto("/coach/klienten");
  await page.getByLabel("Name oder E-Mail").fill("lena");
  await page.getByRole("button", { name: "Suchen" }).click();
  const row = page.getByRole("listitem").filter({ hasText: "Lena Lang" });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Aktiv", { exact: true }).first()).toBeVisible();
  await row.getByText("Verwalten").click();
  await row.getByLabel("Status von Lena Lang").selectOption("paused");
  await row.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Status gespeichert.")).toBeVisible();
  await page.getByRole("search").getByRole("combobox").selectOption("paused");
  await page.getByRole("button", { name: "Suchen" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Lena Lang" }).getByText("Pausiert", { exact: true }).first()).toBeVisible();

  // Sending the invitation again gives a fresh link.
  await page.getByRole("listitem").filter({ hasText: "Lena Lang" }).getByText("Verwalten").click();
  await page.getByRole("listitem").filter({ hasText: "Lena Lang" }).getByRole("button", { name: "Einladung erneut senden" }).click();
  await expect(page.getByText("Die Einladung ist erneut unterwegs.")).toBeVisible();
  const again = await nextMail(page.request, email, [invitation.id]);
  expect(again.text).not.toContain(link);
});

test("a client cannot open the coach's agenda or client list, and no one manages clients without the coach's session", async ({
  page,
  request,
}) => {
  expect((await request.get("/coach", { maxRedirects: 0 })).status()).toBe(307);
  await signIn(page, "anna@example.com");
  for (const path of ["/coach", "/coach/klienten"]) {
    const response = await page.goto(path);
    expect(response!.status()).toBe(403);
  }
});
