import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { pdfText } from "../pdf-text";
import { expectAccessible, signIn } from "./support/app";
import { signInCoach } from "./support/coach";

/*
 * On a phone: Anna records two days of a past week, downloads her report for the doctor for that
 * month and finds the week's means in it (written here by hand); her observations of safety are
 * in it too. The coach confirms a suggestion from her journal, and Anna sees it.
 */
const mine = [
  { entryDate: "2025-03-04", pain: 2, stress: 4 },
  { entryDate: "2025-03-06", pain: 5, stress: 7 }, // week of 3 March 2025: pain 3,5, stress 5,5
];

test("Anna downloads her report for the doctor, with her trend figures; the coach confirms a suggestion she then sees", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "anna@example.com");
  for (const entry of mine) {
    const response = await page.request.post("/api/journal", { data: entry, headers: { origin: new URL(baseURL!).origin } });
    expect(response.status()).toBe(201);
  }

  await page.goto("/dashboard");
  await expect(page.getByRole("link", { name: /Bericht für deine Ärztin oder deinen Arzt/ })).toBeVisible();
  await page.getByText("Anderen Zeitraum wählen").click();
  await page.getByLabel("Von").fill("2025-03-01");
  await page.getByLabel("Bis").fill("2025-03-31");
  await page.screenshot({ path: test.info().outputPath("dashboard-report.png"), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "PDF herunterladen" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^bericht-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = (await pdfText(new Uint8Array(await readFile((await download.path())!)))).join("\n");
  expect(text).toContain("Für: Anna Keller");
  expect(text).toContain("Zeitraum: 1. März 2025 bis 31. März 2025");
  expect(text).toContain("2 Tagebucheinträge im Zeitraum. Mittelwert Schmerz 3,5, Stress 5,5.");
  expect(text).toMatch(/3\. März 2025\s*2\s*3,5\s*5,5/);
  expect(text).toContain("Coaching ist keine Diagnose und keine medizinische Behandlung");
  expect(text).toContain("Rückenwind Coaching");

  // The one-tap link downloads the last 12 weeks, with her seeded observations (umlauts intact).
  const [recent] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Bericht für deine Ärztin/ }).click()]);
  const recentText = (await pdfText(new Uint8Array(await readFile((await recent.path())!)))).join("\n");
  expect(recentText).toContain("Schmerz und Stress (Wochenmittel");
  expect(recentText).toContain("Beim Wandern am Wochenende war der Schmerz nach einer halben Stunde fast weg");
  // Her check-ins (baseline against the latest) and her practice of the last weeks are in it too.
  expect(recentText).toContain("Check-ins: Ausgangswert und zuletzt (Skala 0 bis 10)");
  expect(recentText).toMatch(/Durchschnittlicher Schmerz \(7 Tage\)\s*\d+/);
  expect(recentText).toContain("Übungen zwischen den Sitzungen");
  expect(recentText).toMatch(/[1-9]\d* Übungen protokolliert, zusammen \d+ Minuten\./);
  expect(recentText).toContain("Somatic Tracking");

  await page.goto("/dashboard/beobachtungen");
  await expectAccessible(page);
  const before = await page.getByRole("listitem").filter({ hasText: "von Mara" }).count();

  // The coach sees suggestions from Anna's journal and confirms the first one.
  const coach = await (
    await page
      .context()
      .browser()!
      .newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 390, height: 844 } })
  ).newPage();
  await signInCoach(coach);
  await coach.getByRole("link", { name: "Klient*innen" }).first().click();
  await coach.getByRole("link", { name: "Anna Keller" }).first().click();
  const suggestions = coach.getByRole("region", { name: "Vorschläge aus dem Tagebuch" });
  await expect(suggestions.getByRole("button", { name: "Bestätigen" }).first()).toBeVisible();
  await suggestions
    .getByRole("listitem")
    .first()
    .screenshot({ path: test.info().outputPath("coach-suggestion.png") });
  const worded = `Dein Körper war sicher, Anna ${Date.now()}.`;
  await suggestions.getByLabel("Text für Anna").first().fill(worded);
  await suggestions.getByRole("button", { name: "Bestätigen" }).first().click();
  // The suggestion leaves the list and stands among the observations, worded as the coach wrote it.
  await expect(coach.getByRole("listitem").filter({ hasText: worded })).toContainText("von dir bestätigt");
  await coach.screenshot({ path: test.info().outputPath("coach-evidence.png"), fullPage: true });
  await expectAccessible(coach);

  await page.reload();
  await expect(page.getByText(worded)).toBeVisible();
  expect(await page.getByRole("listitem").filter({ hasText: "von Mara" }).count()).toBe(before + 1);
  await page.screenshot({ path: test.info().outputPath("client-evidence.png"), fullPage: true });
  await page.goto("/dashboard/daten");
  await expect(page.getByText(/Beobachtungen zur Sicherheit und Vorschläge/).first()).toBeVisible();
});
