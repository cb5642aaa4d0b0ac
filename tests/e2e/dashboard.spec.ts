import { expect, test } from "@playwright/test";
import { answerSelfCheck, expectAccessible, signIn } from "./support/app";
import { signInCoach } from "./support/coach";

test("an anonymous visitor takes the self-check; a red flag comes first", async ({ page }) => {
  await page.goto("/selbsttest");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Auswerten" }).click();
  await expect(page.getByText("Bitte wähle „Ja“ oder „Nein“.").first()).toBeVisible();
  await answerSelfCheck(page, 9, true);
  await expect(page.getByRole("alert").first()).toContainText(/Ärztin|Arzt/);
  await expect(page.getByText("9 von 13 Anzeichen treffen auf dich zu")).toBeVisible();
  await expect(page.getByText("Dein Ergebnis wird nicht auf dem Server gespeichert.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Kostenloses Erstgespräch buchen" })).toBeVisible();
  await expectAccessible(page);
});

test("anna keeps her journal, sees her progress and her self-check history", async ({ page }) => {
  await signIn(page, "anna@example.com");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("img", { name: /Schmerz und Stress, letzte 30 Tage/ })).toBeVisible();
  await expect(page.getByText("Tage in Folge")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 }).filter({ hasText: /Stress|Schmerz|Zusammenhang/ }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "1 Jahr" }).click();
  await expect(page.getByRole("img", { name: /Schmerz und Stress, letzte 12 Monate/ })).toBeVisible();

  // Ninety days of entries come in pages of about ten weeks.
  await page.goto("/dashboard/tagebuch");
  await page.getByRole("link", { name: "Ältere Einträge →" }).click();
  await expect(page).toHaveURL(/seite=2/);
  await expect(page.getByRole("article").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Ältere Einträge →" })).toHaveCount(0);
  await page.getByRole("link", { name: "← Neuere Einträge" }).click();
  await expect(page).toHaveURL(/\/dashboard\/tagebuch$/);

  // A new entry in a few taps.
  await expectAccessible(page);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Eintrag speichern" }) });
  await form.getByRole("button", { name: "Eintrag speichern" }).click();
  await expect(form.getByText("Bitte wähle deinen Schmerz von 0 bis 10.")).toBeVisible();
  await form.getByRole("group", { name: "Wie stark ist dein Schmerz?" }).getByText("3", { exact: true }).click();
  await form.getByRole("group", { name: "Wie gestresst fühlst du dich?" }).getByText("7", { exact: true }).click();
  await form.getByText("Mehr festhalten").click();
  await form.getByText("Somatic Tracking").first().click();
  const note = `Testnotiz ${Date.now()}`;
  await form.getByLabel("Notizen").fill(note);
  await form.getByRole("button", { name: "Eintrag speichern" }).click();
  await expect(page.getByText("Gespeichert. Danke")).toBeVisible();
  const entry = page.getByRole("article").filter({ hasText: note });
  await expect(entry).toContainText("Schmerz 3 · Stress 7");

  // Search, edit, delete with confirmation.
  await page.getByLabel("Suche in Notizen").fill(note);
  await page.getByRole("button", { name: "Filtern" }).click();
  await expect(page.getByRole("article")).toHaveCount(1);
  await page.getByRole("button", { name: "Bearbeiten" }).click();
  const edit = page.locator("form").filter({ has: page.getByRole("button", { name: "Änderung speichern" }) });
  await edit.getByRole("group", { name: "Wie stark ist dein Schmerz?" }).getByText("2", { exact: true }).click();
  await edit.getByRole("button", { name: "Änderung speichern" }).click();
  await expect(page.getByRole("article").filter({ hasText: note })).toContainText("Schmerz 2 · Stress 7");
  await page.getByRole("button", { name: "Löschen" }).click();
  await page.getByRole("button", { name: "Ja, löschen" }).click();
  await expect(page.getByRole("article").filter({ hasText: note })).toHaveCount(0);

  // The self-check is saved for a signed-in client and shows in the history.
  await page.goto("/selbsttest");
  // The page comes from the static cache; it learns in the browser that she is signed in.
  await expect(page.getByText("Dein Ergebnis wird in deinem Bereich gespeichert.")).toBeVisible();
  await answerSelfCheck(page, 7);
  await expect(page.getByText("Dein Ergebnis ist in deinem Bereich gespeichert.")).toBeVisible();
  await page.goto("/dashboard/selbsttest");
  await expect(page.getByRole("cell", { name: "7 von 13" }).first()).toBeVisible();
  await expectAccessible(page);
  await page.goto("/dashboard/termine");
  await expect(page.getByRole("heading", { level: 1, name: "Deine Termine" })).toBeVisible();
  await expectAccessible(page);
});

test("the journal API answers only for the signed-in client's own entries", async ({ page, request, browser }) => {
  expect((await request.get("/api/journal")).status()).toBe(401);
  expect((await request.post("/api/journal", { data: { entryDate: "2026-11-20", pain: 1, stress: 1 } })).status()).toBe(401);

  await signIn(page, "ben@example.com");
  const created = await page.request.post("/api/journal", { data: { entryDate: "2026-11-20", pain: 4, stress: 5, notes: "Bens Eintrag" } });
  expect(created.status()).toBe(201);
  const { entry } = await created.json();
  for (const bad of [{}, { entryDate: "2026-11-20", pain: 11, stress: 1 }, { entryDate: "morgen", pain: 1, stress: 1 }, { entryDate: "2026-11-20", pain: "5", stress: 1 }, { entryDate: "2026-11-20", pain: 1, stress: 1, userId: "x" }]) {
    const response = await page.request.post("/api/journal", { data: bad });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toBe("invalid");
  }
  // Ben keeps no demo journal: his November holds the one entry he just wrote.
  const list = await (await page.request.get("/api/journal?from=2026-11-01&to=2026-11-30")).json();
  expect(list.entries.map((e: { id: string; userId: string }) => [e.id, e.userId])).toEqual([[entry.id, entry.userId]]);

  const anna = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signIn(anna, "anna@example.com");
  expect((await anna.request.get(`/api/journal/${entry.id}`)).status()).toBe(404);
  expect((await anna.request.patch(`/api/journal/${entry.id}`, { data: { pain: 0 } })).status()).toBe(404);
  expect((await anna.request.delete(`/api/journal/${entry.id}`)).status()).toBe(404);
  expect((await (await anna.request.get("/api/journal")).json()).entries.some((e: { id: string }) => e.id === entry.id)).toBe(false);
  expect((await page.request.get(`/api/journal/${entry.id}`)).status()).toBe(200);

  const coach = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signInCoach(coach);
  expect((await coach.request.get("/api/journal")).status()).toBe(403);
  expect((await page.request.delete(`/api/journal/${entry.id}`)).status()).toBe(204);
});
