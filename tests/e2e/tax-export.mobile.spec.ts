import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/app";
import { signInCoach } from "./support/coach";

/* On a phone: the coach picks a period in the tax advisor's export form on /coach/rechnungen and downloads the CSV and the ZIP. */
test("the coach downloads the tax advisor's CSV and ZIP for a period, on a phone", async ({ page }) => {
  test.setTimeout(120_000);
  await signInCoach(page);
  await page.goto("/coach/rechnungen");
  await page.getByRole("heading", { name: "Export für die Steuerberatung" }).scrollIntoViewIfNeeded();

  // The period defaults to this year up to today (the form does not offer days to come).
  const von = await page.getByLabel("Von").inputValue();
  const bis = await page.getByLabel("Bis").inputValue();
  expect(von).toBe(`${bis.slice(0, 4)}-01-01`);
  const csvButton = page.getByRole("button", { name: "Buchungen als CSV herunterladen" });
  await expect(csvButton).toBeInViewport();
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: test.info().outputPath("tax-export-form.png") });

  const [csv] = await Promise.all([page.waitForEvent("download"), csvButton.click()]);
  expect(csv.suggestedFilename()).toBe(`rechnungen-${von}-bis-${bis}.csv`);
  const text = await readFile((await csv.path())!, "utf8");
  expect(text.startsWith("\uFEFFBelegdatum;Belegart;Belegfeld 1;Belegfeld 2;Buchungstext;Umsatz (ohne Soll/Haben-Kz);")).toBe(true);

  const [zip] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Rechnungen als ZIP (PDF) herunterladen" }).click(),
  ]);
  expect(zip.suggestedFilename()).toBe(`rechnungen-${von}-bis-${bis}.zip`);
  expect((await readFile((await zip.path())!)).subarray(0, 2).toString("latin1")).toBe("PK");
});
