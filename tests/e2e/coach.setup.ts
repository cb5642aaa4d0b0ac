import { spawnSync } from "node:child_process";
import { expect, test as setup } from "@playwright/test";
import { expectAccessible, mailFor, signIn } from "./support/app";
import { addVirtualAuthenticator, COACH_EMAIL, COACH_STATE, saveCoachPasskey, securityMail } from "./support/coach";

/*
 * Runs once before the specs (the "setup" project): the demo coach's first sign-in on the
 * production build asks for a passkey, registers one through Chromium's virtual authenticator
 * (an RP ID cannot be an IP address, hence localhost) and shows ten recovery codes once. The
 * signed-in state, the passkey and the codes are kept for the specs (tests/e2e/support/coach.ts).
 */
setup("the coach's first sign-in asks for a passkey, registers one and shows the recovery codes once", async ({ page }) => {
  // A PostgreSQL test database outlives a run: start from a coach without a passkey, through the
  // operator's own recovery script. (PGlite lives inside the server, fresh for every run.)
  if (process.env.TEST_DATABASE_URL) {
    const reset = spawnSync("npx", ["tsx", "scripts/second-factor.ts", "reset", COACH_EMAIL, "ben@example.com"], {
      env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL },
      encoding: "utf8",
    });
    expect(reset.status, reset.stderr).toBe(0);
  }
  const authenticator = await addVirtualAuthenticator(page);
  const seen = (await mailFor(page.request, COACH_EMAIL)).map((m) => m.id);
  await signIn(page, COACH_EMAIL);
  await expect(page).toHaveURL(/\/login\/zweiter-faktor/);
  await expect(page.getByRole("heading", { level: 1, name: "Richte deinen Passkey ein" })).toBeVisible();
  await expectAccessible(page);

  // Before the passkey the practice stays shut: the page comes back instead (the portal's layout
  // sends it there, and back to the portal's start afterwards).
  await page.goto("/coach/klienten");
  await expect(page).toHaveURL(/\/login\/zweiter-faktor\?callbackUrl=%2Fcoach$/);
  expect((await page.request.get("/api/journal")).status()).toBe(401);

  await page.getByLabel("Name des Passkeys").fill("E2E-Laptop");
  await page.getByRole("button", { name: "Passkey einrichten" }).click();
  const codes = page.getByRole("list", { name: "Wiederherstellungscodes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCodes = (await codes.allTextContents()).map((c) => c.trim());
  for (const code of recoveryCodes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ich habe die Codes gespeichert, weiter" }).click();
  await expect(page).toHaveURL(/\/coach$/);
  await expect(page.getByRole("heading", { level: 1, name: "Agenda" })).toBeVisible();

  // The codes are gone once the page is left: the settings show how many are left, never the codes.
  await page.goto("/coach/einstellungen");
  await expect(page.getByText("Noch 10 von 10 Codes unbenutzt.")).toBeVisible();
  await expect(page.getByText(recoveryCodes[0]!)).toHaveCount(0);

  // The security email tells the coach, without a code in it.
  const mail = await securityMail(page, "Neuer Passkey für dein Konto (Rückenwind Coaching)", seen);
  for (const code of recoveryCodes) expect(`${mail.html}${mail.text}`).not.toContain(code);

  const [credential] = await authenticator.credentials();
  expect(credential?.rpId).toBe("localhost");
  saveCoachPasskey({ credential: credential!, recoveryCodes });
  await page.context().storageState({ path: COACH_STATE });
});
