import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

type MailMessage = { id: string; to: string; subject: string; html: string; text: string; createdAt: string };

/** Reads the local mailbox through the app's own API (PGlite is single-process: no direct reads). */
export async function mailFor(request: APIRequestContext, to: string): Promise<MailMessage[]> {
  const response = await request.get(`/api/dev/mail?to=${encodeURIComponent(to)}`);
  expect(response.status()).toBe(200);
  return (await response.json()).messages;
}

/** Waits for a new email to `to` that was not there before, and returns it. */
export async function nextMail(request: APIRequestContext, to: string, seenIds: string[] = []): Promise<MailMessage> {
  let found: MailMessage | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailFor(request, to)).find((m) => !seenIds.includes(m.id));
        return Boolean(found);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** The sign-in link of an email (magic link or invitation): it opens the page that asks for a click. */
export function magicLinkIn(message: MailMessage): string {
  const link = message.text.match(/https?:\/\/\S+\/login\/bestaetigen\?\S+/)?.[0];
  expect(link, "the email carries a sign-in link").toBeTruthy();
  return link!;
}

/** Opens a sign-in link as a person would: the page names the account, the button signs in. */
export async function openSignInLink(page: Page, link: string) {
  await page.goto(link);
  const email = new URL(link).searchParams.get("email")!;
  await expect(page.getByText(`Du meldest dich an als ${email}.`)).toBeVisible();
  await page.getByRole("button", { name: "Jetzt anmelden" }).click();
  await expect(page).not.toHaveURL(/\/login\/bestaetigen/);
}

/** Asks for a magic link on the sign-in page and checks the neutral confirmation. */
export async function requestLink(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByRole("button", { name: "Anmeldelink schicken" }).click();
  await expect(page).toHaveURL(/\/login\/pruefen$/);
  await expect(page.getByRole("heading", { name: "Schau in dein Postfach" })).toBeVisible();
}

export async function signIn(page: Page, email: string) {
  const seen = (await mailFor(page.request, email)).map((m) => m.id);
  await requestLink(page, email);
  const message = await nextMail(page.request, email, seen);
  await openSignInLink(page, magicLinkIn(message));
}

/** axe must find no serious or critical violation (WCAG 2.2 AA rules). */
export async function expectAccessible(page: Page) {
  // A dynamic page's <title> comes with its metadata, which Next streams after the content: axe
  // would see a document without a title for that moment. Wait for it (a page without one fails here).
  await expect(page, `the title of ${page.url()}`).toHaveTitle(/\S/);
  // The mailbox's email preview is a script-less sandboxed frame that axe cannot enter (it would
  // wait forever); the email is not a page of the site, so it is left out.
  const results = await new AxeBuilder({ page }).exclude("iframe[sandbox]").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `accessibility of ${page.url()}`,
  ).toEqual([]);
}

/** Answers the 20 questions of /selbsttest: the first `yesSigns` signs yes, optionally the first red flag, then evaluates. */
export async function answerSelfCheck(page: Page, yesSigns: number, redFlag = false) {
  const groups = page.getByRole("group");
  const signGroups = page.locator("fieldset").filter({ has: page.getByRole("radio", { name: "Ja" }) });
  const total = await signGroups.count();
  expect(total).toBe(20);
  for (let i = 0; i < total; i++) {
    const isSign = i < 13;
    const yes = isSign ? i < yesSigns : redFlag && i === 13;
    await signGroups.nth(i).getByRole("radio", { name: yes ? "Ja" : "Nein" }).check();
  }
  expect(await groups.count()).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Auswerten" }).click();
}
