import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./support/app";
import { signInCoach } from "./support/coach";

/** Date and time of an instant on the practice's wall clock (Berlin), as the session form takes them. */
function berlin(instant: number): { date: string; time: string } {
  const [date, time] = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin", dateStyle: "short", timeStyle: "short" })
    .format(instant)
    .split(" ");
  return { date: date!, time: time! };
}

test("the coach sets a cancellation policy, Anna accepts it on her phone, and the coach bills her late cancellation in one click", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signInCoach(page);
  await page.goto("/coach/einstellungen");
  const policy = page.getByRole("region", { name: "Absageregel" });
  await policy.getByLabel("Bei später Absage (%)").fill("150");
  await policy.getByRole("button", { name: "Absageregel speichern" }).click();
  await expect(policy.getByText("Bei später Absage: höchstens 100.")).toBeVisible();
  await policy.getByLabel("Bei später Absage (%)").fill("50");
  await policy.getByRole("button", { name: "Absageregel speichern" }).click();
  await expect(policy.getByText("Gespeichert als neue Fassung.")).toBeVisible();
  await expectAccessible(page);

  // Anna, on her phone: the policy waits at the top of her overview, calm, with one button.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const anna = await phone.newPage();
  await signIn(anna, "anna@example.com");
  await anna.goto("/dashboard");
  const card = anna.getByRole("region", { name: "Meine Absageregel" });
  await expect(card.getByText("Absagen, die später kommen, berechne ich mit 50 %")).toBeVisible();
  await expectAccessible(anna);
  await anna.screenshot({ path: "test-results/absageregel-dashboard.png" });
  await card.getByRole("button", { name: "Ich habe die Absageregel gelesen und bin einverstanden" }).click();
  await expect(card.getByText("Danke! Deine Zustimmung ist gespeichert.")).toBeInViewport();
  expect(await anna.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await anna.screenshot({ path: "test-results/absageregel-angenommen.png" });
  await anna.reload();
  await expect(anna.getByRole("region", { name: "Meine Absageregel" })).toHaveCount(0);

  // A session in three hours, which Anna calls off by phone: late under the 24 hours she accepted.
  const { date, time } = berlin(Date.now() + 3 * 3_600_000);
  await page.goto("/coach/klienten");
  await page.getByRole("link", { name: "Anna Keller" }).click();
  const form = page.getByRole("region", { name: "Neue Sitzung eintragen" });
  await form.getByLabel("Datum").fill(date);
  await form.getByLabel("Uhrzeit").fill(time);
  await form.getByLabel("Sitzungsart").selectOption({ label: "Coaching-Sitzung (50 Min.)" });
  await form.getByRole("button", { name: "Sitzung eintragen" }).click();
  await expect(form.getByText("Sitzung eingetragen.")).toBeVisible();
  await page.reload();
  const upcoming = page.getByRole("region", { name: "Anstehend" }).getByRole("article").first();
  await upcoming.getByRole("button", { name: "Absagen …" }).click();
  await upcoming.getByLabel("Anna hat abgesagt (z. B. am Telefon)").check();
  await upcoming.getByRole("button", { name: "Ja, absagen" }).click();
  // The session moves to the past list, where the fee waits for the coach's click.
  const past = page.getByRole("region", { name: "Vergangen und abgesagt" });
  const bill = past.getByRole("button", { name: "Ausfallhonorar berechnen (50 %)" });
  await expect(bill).toHaveCount(1, { timeout: 15_000 });
  await bill.click();
  await expect(past.getByText(/Ausfallhonorar \(50 %\): berechnet\./)).toBeInViewport();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/ausfallhonorar-berechnet.png" });
  await page.reload();
  await expect(past.getByRole("button", { name: "Ausfallhonorar berechnen (50 %)" })).toHaveCount(0);
  await expect(past.getByText("Ausfallhonorar (50 %): berechnet.")).toHaveCount(1);
  await phone.close();
});
