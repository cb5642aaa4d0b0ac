import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/app";
import { signInCoach } from "./support/coach";

/*
 * On a phone: the coach picks a period in the tax advisor's export form and downloads the CSV and
 * the ZIP. The form goes onto /coach/rechnungen at merge; until then this spec shows it inside the
 * coach portal's own layout (its styles and fonts), rendered as the server renders it.
 */
test("the coach downloads the tax advisor's CSV and ZIP for a period, on a phone", async ({ page }) => {
  test.setTimeout(120_000);
  await signInCoach(page);
  await page.goto("/coach");
  // Rendered by tsx in its own process: Playwright's loader cannot resolve next/link (Button's import).
  const markup = execFileSync("node_modules/.bin/tsx", ["tests/e2e/support/render-tax-export-form.tsx", "2027-03-31"], {
    encoding: "utf8",
  });
  await page.locator("main").evaluate((main, html) => {
    main.innerHTML = html;
  }, markup);

  await page.getByLabel("Von").fill("2027-01-01");
  await page.getByLabel("Bis").fill("2027-03-31");
  const csvButton = page.getByRole("button", { name: "Buchungen als CSV herunterladen" });
  await expect(csvButton).toBeInViewport();
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: test.info().outputPath("tax-export-form.png") });

  const [csv] = await Promise.all([page.waitForEvent("download"), csvButton.click()]);
  expect(csv.suggestedFilename()).toBe("rechnungen-2027-01-01-bis-2027-03-31.csv");
  const text = await readFile((await csv.path())!, "utf8");
  expect(text.startsWith("\uFEFFBelegdatum;Belegart;Belegfeld 1;Belegfeld 2;Buchungstext;Umsatz (ohne Soll/Haben-Kz);")).toBe(true);

  const [zip] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Rechnungen als ZIP (PDF) herunterladen" }).click(),
  ]);
  expect(zip.suggestedFilename()).toBe("rechnungen-2027-01-01-bis-2027-03-31.zip");
  expect((await readFile((await zip.path())!)).subarray(0, 2).toString("latin1")).toBe("PK");
});
