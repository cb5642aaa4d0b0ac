import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./support/app";
import { signInCoach } from "./support/coach";
import { waitForMail } from "./support/mail";

/*
 * The billing journey on the demo data (db/seed/billing.ts): Anna has an invoice address and two
 * completed sessions 17 and 10 days ago at 90 € each, not yet billed.
 */

/** "19. November 2026": how the page names the day a seeded session took place (UTC day, 06:00 UTC is the same day in Berlin). */
function seededDay(daysAgo: number): string {
  const day = 24 * 60 * 60 * 1000;
  const date = new Date(Math.floor(Date.now() / day) * day - daysAgo * day + 6 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", day: "numeric", month: "long", year: "numeric" }).format(date);
}

async function phoneShot(page: Page, name: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(scroll, `no horizontal scroll on ${page.url()} at 390 px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath(`${name}-390.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}

test("a wrong IBAN in the settings is refused in German", async ({ page }) => {
  await signInCoach(page);
  await page.goto("/coach/einstellungen");
  const section = page.getByRole("region", { name: "Rechnungen" });
  await expect(section.getByLabel("IBAN")).toHaveValue("DE89370400440532013000");
  await section.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 01");
  await section.getByRole("button", { name: "Rechnungsangaben speichern" }).click();
  await expect(section.getByText("Diese IBAN stimmt nicht", { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
  // The mode explains itself; "exempt" asks for its note.
  await section.getByLabel(/Umsatzsteuerfrei/).check();
  await expect(section.getByLabel("Hinweis zur Steuerbefreiung")).toBeVisible();
  await phoneShot(page, "settings");
});

test("the coach bills Anna's two sessions, Anna gets the email with the PDF and sees the invoice, the coach records the payment", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // Anna, signed in in her own browser, asks for her invoices as PDF by email.
  const annaContext = await browser.newContext();
  const anna = await annaContext.newPage();
  await signIn(anna, "anna@example.com");
  await anna.goto("/dashboard/rechnungen");
  await anna.getByLabel("Rechnungen als PDF per E-Mail mitschicken").check();
  await anna.getByRole("button", { name: "Rechnungsadresse speichern" }).click();
  await expect(anna.getByText("Gespeichert. Deine nächste Rechnung geht an diese Adresse.")).toBeInViewport();

  await signInCoach(page);
  await page.goto("/coach/klienten");
  await page.getByRole("link", { name: "Anna Keller" }).click();
  const billing = page.getByRole("region", { name: "Abrechnen" });
  await expect(billing.getByText("Abgeschlossene Sitzungen, noch nicht abgerechnet")).toBeVisible();
  // Exactly the two seeded sessions (another journey may have completed more).
  const wanted = [seededDay(17), seededDay(10)].map((d) => d.replace(/ \d{4}$/, ""));
  const boxes = billing.getByRole("checkbox");
  let chosen = 0;
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    const label = (await box.locator("xpath=..").innerText()) ?? "";
    const take = wanted.some((d) => label.includes(d)) && chosen < 2;
    if (take) chosen++;
    await box.setChecked(take);
  }
  expect(chosen).toBe(2);
  await expectAccessible(page);
  await billing.getByRole("button", { name: "Entwurf erstellen" }).click();

  await expect(page).toHaveURL(/\/coach\/rechnungen\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Entwurf für Anna Keller" })).toBeVisible();
  await expect(page.getByText("Gesamt")).toBeVisible();
  await expect(page.getByText("180,00 €").first()).toBeVisible();
  await expect(page.getByText("Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.")).toBeVisible();
  await expectAccessible(page);
  await phoneShot(page, "draft");
  await page.getByRole("button", { name: "Rechnung stellen" }).click();

  const heading = page.getByRole("heading", { level: 1, name: /^Rechnung \d{4}-\d{4,}$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.innerText()).replace("Rechnung ", "");
  const invoiceUrl = page.url().replace(/\?.*$/, "");
  await expect(page.getByTestId("invoice-status")).toHaveText("offen");
  await expect(page.getByRole("status").getByText("Die Rechnung ist gestellt.")).toBeVisible();
  await expect(page.getByRole("link", { name: "PDF herunterladen" })).toHaveAttribute("href", /\/pdf$/);
  await expectAccessible(page);

  await page.goto("/coach/rechnungen");
  const row = page.getByRole("listitem").filter({ hasText: number });
  await expect(row).toContainText("Anna Keller");
  await expect(row).toContainText("180,00 €");
  await expect(row).toContainText("offen");
  await page.getByRole("link", { name: "Bezahlt", exact: true }).click();
  await expect(page.getByRole("listitem").filter({ hasText: number })).toHaveCount(0);
  await expectAccessible(page);
  await phoneShot(page, "invoices");

  // Anna's email: a link into the portal, no amount, the PDF attached as she chose.
  const mail = await waitForMail(anna, "anna@example.com", new RegExp(`^Deine Rechnung ${number}$`));
  expect(mail.text).toContain("/dashboard/rechnungen");
  expect(mail.text).not.toContain("180,00");
  expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`Rechnung-${number}.pdf`, "application/pdf"]]);
  expect(Buffer.from(mail.attachments[0]!.content, "base64").subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // She sees the invoice and downloads its PDF.
  await anna.goto("/dashboard/rechnungen");
  const link = anna.getByRole("link", { name: `Rechnung ${number} (PDF)` });
  await expect(link).toBeVisible();
  await expect(anna.getByRole("listitem").filter({ hasText: number })).toContainText("offen");
  await expect(anna.getByLabel("Rechnungen als PDF per E-Mail mitschicken")).toBeVisible();
  await expectAccessible(anna);
  await phoneShot(anna, "client-invoices");
  const pdf = await anna.request.get((await link.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  expect(pdf.headers()["content-disposition"]).toBe(`attachment; filename="Rechnung-${number}.pdf"`);
  await annaContext.close();

  // The coach records the full payment: the empty amount is the whole open amount.
  await page.goto(invoiceUrl);
  await expect(page.getByLabel("Bezahlt am")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByRole("button", { name: "Zahlung erfassen" }).click();
  await expect(page.getByTestId("invoice-status")).toHaveText("bezahlt");
  await expect(page.getByText("Zahlung erfasst. Die Rechnung ist bezahlt.")).toBeVisible();
  await expect(page.getByText("Offen: 0,00 €")).toBeVisible();
  await expectAccessible(page);
  await phoneShot(page, "paid");
});
