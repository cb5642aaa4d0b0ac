import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/app";
import { signInCoach } from "./support/coach";

test("the coach edits the practice, adds a session type, subscribes to the calendar and reads the email log", async ({ page }) => {
  await signInCoach(page);

  await page.goto("/coach/einstellungen");
  await expect(page.getByRole("heading", { level: 1, name: "Einstellungen" })).toBeVisible();
  await expectAccessible(page);

  // Practice name → Impressum (the settings cache is revalidated on save).
  const practiceName = page.getByLabel("Name der Praxis");
  const original = await practiceName.inputValue();
  const renamed = `Praxis Rückenwind ${Date.now()}`;
  await practiceName.fill(renamed);
  await page.getByRole("button", { name: "Einstellungen speichern" }).click();
  await expect(page.getByRole("status")).toContainText("Gespeichert");
  await page.goto("/impressum");
  await expect(page.getByRole("article")).toContainText(renamed);

  // A wrong value gets a German message at its field.
  await page.goto("/coach/einstellungen");
  await page.getByLabel("Erinnerung vorher (Stunden)").fill("500");
  await page.getByRole("button", { name: "Einstellungen speichern" }).click();
  await expect(page.getByText("Erinnerung: höchstens 168.")).toBeVisible();

  // Restore the name, so other journeys see the demo practice.
  await page.goto("/coach/einstellungen");
  await page.getByLabel("Name der Praxis").fill(original);
  await page.getByRole("button", { name: "Einstellungen speichern" }).click();
  await expect(page.getByRole("status")).toContainText("Gespeichert");

  // A new session type appears in the list.
  const name = `Vertiefung ${Date.now()}`;
  const add = page.getByRole("group", { name: "Neue Sitzungsart" });
  await add.getByLabel("Name").fill(name);
  await add.getByLabel("Dauer (Minuten)").fill("75");
  await add.getByLabel("Wie").selectOption("in_person");
  await add.getByLabel("Ort oder Link").fill("Praxisraum, Hauptstraße 1");
  await page.getByRole("button", { name: "Sitzungsart hinzufügen" }).click();
  await expect(page.getByRole("group", { name: `${name} · 75 Minuten · Vor Ort` })).toBeVisible();

  // The calendar subscription URL is shown once and serves iCalendar.
  await page.getByRole("button", { name: "Abo-Adresse erzeugen" }).click();
  const url = await page.getByLabel("Abo-Adresse").inputValue();
  expect(url).toMatch(/\/api\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
  expect(feed.headers()["cache-control"]).toBe("private, no-store");
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");
  expect((await page.request.get(url.replace(/[A-Za-z0-9_-]{43}\.ics$/, `${"x".repeat(43)}.ics`))).status()).toBe(404);

  // The email log lists the coach's own emails (the setup's sign-in link and passkey notice).
  await page.goto("/coach/emails");
  await expect(page.getByRole("heading", { level: 1, name: "E-Mails" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "coach@example.com" }).first()).toBeVisible();
  await page.getByRole("link", { name: "Gesendet", exact: true }).click();
  await expect(page).toHaveURL(/status=sent/);
  await expect(page.getByRole("cell", { name: "Gesendet", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Wartet", exact: true })).toHaveCount(0);
  await expectAccessible(page);
});

test("the coach sets how long data is kept, and the privacy policy says so at once", async ({ page }) => {
  await signInCoach(page);
  await page.goto("/coach/einstellungen");
  await page.getByLabel("Inhalt gesendeter E-Mails (Tage)").fill("45");
  await page.getByRole("button", { name: "Fristen speichern" }).click();
  await expect(page.getByRole("status")).toContainText("Datenschutzerklärung");
  await page.goto("/datenschutz");
  await expect(page.getByRole("article")).toContainText("den Inhalt gesendeter E-Mails nach 45 Tagen");
  // Only what the law keeps stays after a deletion: issued invoices (lib/privacy/kept.ts).
  await expect(page.getByRole("article")).toContainText("Was bleibt, weil ein Gesetz es verlangt");
  await expect(page.getByRole("article")).toContainText(
    "Name und Anschrift auf gestellten Rechnungen und Stornorechnungen: 8 Jahre (§ 147 AO",
  );
  await expect(page.getByRole("article")).toContainText("spätestens 30 Tage später auch aus allen Sicherungen");
  await page.goto("/coach/einstellungen");
  await page.getByLabel("Erstgespräche ohne Coaching (Monate)").fill("0");
  await page.getByRole("button", { name: "Fristen speichern" }).click();
  await expect(page.getByText("Erstgespräche ohne Coaching: mindestens 1.")).toBeVisible();
  await page.getByLabel("Inhalt gesendeter E-Mails (Tage)").fill("30");
  await page.getByLabel("Erstgespräche ohne Coaching (Monate)").fill("12");
  await page.getByRole("button", { name: "Fristen speichern" }).click();
  await expect(page.getByRole("status")).toContainText("Gespeichert");
});

test("the cron route queues due reminders before it delivers", async ({ request }) => {
  const ok = await request.post("/api/cron/dispatch", { headers: { authorization: "Bearer e2e-cron-secret" } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ reminders: expect.any(Number), sent: expect.any(Number), failed: expect.any(Number) });
});
