import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/app";
import { signInCoach } from "./support/coach";

/*
 * The shared form pieces on a phone (390 × 844): after a failed submit the answer is in view and
 * focused, not above the fold the person scrolled away from; text near a field's limit shows a
 * counter instead of being cut off without a word.
 */

const seededSlug = "warum-chronischer-rueckenschmerz-oft-nicht-dort-entsteht-wo-er-wehtut";
const checkFields = "Bitte prüfe die markierten Felder.";

/** Presses the submit button down at the form's end, then expects the failure in view and focused. */
async function submitAndExpectFocusedError(page: Page, button: string) {
  const submit = page.getByRole("button", { name: button });
  await submit.scrollIntoViewIfNeeded();
  await submit.click();
  await expect(page.getByRole("alert").filter({ hasText: checkFields })).toBeInViewport();
  await expect(page.locator(":focus")).toContainText(checkFields);
}

test("the article editor brings its error into view and focus after a failed save", async ({ page }) => {
  await signInCoach(page);
  await page.goto("/coach/artikel/neu");
  await page.getByLabel("Titel", { exact: true }).fill("Ab");
  await page.getByLabel("Text (Markdown)").fill("Ein ruhiger Absatz.");
  await submitAndExpectFocusedError(page, "Als Entwurf speichern");
  await expect(page.getByText("Bitte gib einen Titel ein (mindestens 3 Zeichen).")).toBeVisible();
  // What was typed is still there to fix.
  await expect(page.getByLabel("Text (Markdown)")).toHaveValue("Ein ruhiger Absatz.");
  await expectAccessible(page);
});

test("a field near its limit counts its characters, and says when it is full", async ({ page }) => {
  await signInCoach(page);
  await page.goto("/coach/artikel/neu");
  const excerpt = page.getByLabel("Kurzbeschreibung");
  await excerpt.fill("a".repeat(269));
  await expect(page.getByText(/\/ 300 Zeichen/)).toHaveCount(0);
  await excerpt.fill("a".repeat(280));
  const counter = page.getByText("280 / 300 Zeichen", { exact: true });
  await expect(counter).toBeVisible();
  await expect(counter).toHaveAttribute("aria-live", "polite");
  await expect(excerpt).toHaveAccessibleDescription(/280 \/ 300 Zeichen/);
  await expectAccessible(page);

  // A reader's comment: the limit of 4.000 characters, written the German way.
  await page.goto(`/artikel/${seededSlug}`);
  const comment = page.getByLabel("Kommentar", { exact: true });
  await comment.fill("Danke. ".repeat(540));
  await expect(page.getByText("3.780 / 4.000 Zeichen", { exact: true })).toBeVisible();
  await comment.fill("x".repeat(4100));
  await expect(comment).toHaveValue("x".repeat(4000));
  await expect(page.getByText("4.000 / 4.000 Zeichen, mehr passt nicht hinein", { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("the comment form brings its error into view and focus", async ({ page }) => {
  await page.goto(`/artikel/${seededSlug}`);
  await page.getByLabel("Kommentar", { exact: true }).fill("Ein Gedanke dazu.");
  await submitAndExpectFocusedError(page, "Kommentar senden");
  await expect(page.getByLabel("Kommentar", { exact: true })).toHaveValue("Ein Gedanke dazu.");
  await expectAccessible(page);
});
