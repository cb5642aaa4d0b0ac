import { expect, test, type Page, type Route } from "@playwright/test";
import { expectAccessible, mailFor } from "./support/app";
import { signInCoach } from "./support/coach";
import { loopbackClient } from "./support/loopback";
import { icsOf, waitForMail } from "./support/mail";

/*
 * The booking journeys on a phone (390 × 844): a request's own page that survives reload and
 * back, the confirmation that lands on the manage page (also on a double tap), the calendar file,
 * the cancellation that asks first; the place of a consultation as the coach sets it; the days
 * as a grid one reaches with one Tab and moves through with the arrow keys.
 */

const baseURL = () => test.info().project.use.baseURL!;
const TOKEN = "[A-Za-z0-9_-]{43}";

/**
 * The browser's booking, and its "send again", go out from a loopback address of their own (the
 * requests are the browser's, unchanged): the other journeys use up this machine's address's
 * hourly booking budget and leave consultations pending from it (one address may hold two).
 */
async function fromOwnAddress(page: Page) {
  const client = loopbackClient(baseURL());
  const forward = async (route: Route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const headers = Object.fromEntries(
      Object.entries(await request.allHeaders()).filter(([name]) => !name.startsWith(":") && name !== "host" && name !== "content-length"),
    );
    const answer = await client.post(new URL(request.url()).pathname, request.postData() ?? "", headers);
    const replyHeaders = Object.fromEntries(Object.entries(answer.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
    await route.fulfill({ status: answer.status, headers: replyHeaders, body: answer.text });
  };
  await page.route("**/api/bookings", forward);
  await page.route("**/termin/anfrage/**", forward);
}

async function firstFreeDay(page: Page) {
  const days = page.getByRole("grid", { name: /^Tage im/ });
  await expect(page.getByText("Freie Termine werden geladen")).toHaveCount(0);
  if ((await days.getByRole("button", { disabled: false }).count()) === 0) {
    await page.getByRole("button", { name: "Nächster Monat" }).click();
    await expect(page.getByText("Freie Termine werden geladen")).toHaveCount(0);
  }
  return days.getByRole("button", { disabled: false }).first();
}

/** Opens the booking page from the visitor's own address and taps the first free time. */
async function pickFirstTime(page: Page) {
  await page.goto("/erstgespraech");
  await fromOwnAddress(page);
  await (await firstFreeDay(page)).tap();
  await page
    .getByRole("group", { name: /^Uhrzeit am/ })
    .getByRole("button")
    .first()
    .tap();
}

async function bookOnPhone(page: Page, email: string, name: string) {
  await page.goto("/");
  await pickFirstTime(page);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel(/Ich willige ein/).check();
  await page.getByRole("button", { name: "Erstgespräch buchen" }).tap();
  await expect(page).toHaveURL(new RegExp(`/termin/anfrage/${TOKEN}$`));
  return page.url();
}

test.describe("a visitor in New York", () => {
  test.use({ timezoneId: "America/New_York" });

  test("books, gets a page of the request that survives reload and back, confirms with a double tap, downloads the .ics and cancels", async ({
    page,
  }) => {
    const email = `handy-${Date.now()}@example.com`;
    const receipt = await bookOnPhone(page, email, "Hanna Handy");

    // The request's own page: what happens next, both times with the zone, no second booking.
    await expect(page.getByRole("heading", { level: 1, name: "Fast geschafft!" })).toBeVisible();
    await expect(page.getByText(/Uhr in Berlin, .* Uhr bei dir \(America\/New_York\)/)).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await expect(page.getByRole("heading", { name: "So geht es weiter" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Erstgespräch buchen" })).toHaveCount(0);
    await expectAccessible(page);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Fast geschafft!" })).toBeVisible();
    // The form was replaced in the history: back leaves, forward returns to the same state.
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await page.goForward();
    await expect(page).toHaveURL(receipt);
    await expect(page.getByRole("heading", { level: 1, name: "Fast geschafft!" })).toBeVisible();

    // The first email, then once more on request, and not a third time within the minute.
    const first = await waitForMail(page, email, /^Bitte bestätige dein Erstgespräch$/);
    expect(first.text).toMatch(/Uhr in Berlin, .* Uhr bei dir \(America\/New_York\)/);
    await page.getByRole("button", { name: "E-Mail noch einmal senden" }).tap();
    await expect(page.getByRole("status").filter({ hasText: "Ich habe dir die E-Mail noch einmal geschickt" })).toBeInViewport();
    const again = await waitForMail(page, email, /^Bitte bestätige dein Erstgespräch$/, 2);
    await page.getByRole("button", { name: "E-Mail noch einmal senden" }).tap();
    await expect(page.getByRole("alert").filter({ hasText: "gerade eben erst" })).toBeInViewport();
    expect((await mailFor(page.request, email)).filter((m) => /^Bitte bestätige/.test(m.subject))).toHaveLength(2);

    // A double tap on "confirm" lands on the success page, and only one confirmation goes out.
    const confirmLink = again.text.match(new RegExp(`https?://\\S+/termin/bestaetigen/${TOKEN}`))![0];
    await page.goto(confirmLink);
    await page.getByRole("button", { name: "Ja, Termin bestätigen" }).dblclick();
    await expect(page).toHaveURL(new RegExp(`/termin/${TOKEN}\\?bestaetigt=1$`));
    await expect(page.getByText("Bestätigt!")).toBeVisible();
    await expectAccessible(page);
    const confirmed = await waitForMail(page, email, /^Dein Erstgespräch ist bestätigt/);
    const uid = icsOf(confirmed).match(/UID:(\S+)/)![1];

    // The calendar file from the manage page: the same entry as in the email.
    const download = await page.request.get(
      (await page.getByRole("link", { name: "In den Kalender eintragen (.ics)" }).getAttribute("href"))!,
    );
    expect(download.headers()["content-type"]).toContain("text/calendar");
    const ics = await download.text();
    expect(ics).toContain(`UID:${uid}`);
    expect(ics).toContain("METHOD:REQUEST");

    // The request's page now says it is confirmed; the confirmation link leads to the manage page.
    await page.goto(receipt);
    await expect(page.getByRole("heading", { level: 1, name: "Dein Termin ist bestätigt" })).toBeVisible();
    await page.goto(confirmLink);
    await expect(page.getByText("Schon bestätigt")).toBeVisible();
    await page.getByRole("link", { name: "Zu deinem Termin" }).tap();
    await expect(page.getByRole("heading", { level: 1, name: "Dein Erstgespräch" })).toBeVisible();

    // Cancelling asks first; "no" keeps it.
    await page.getByRole("button", { name: "Termin absagen …" }).tap();
    await expect(page.getByText("Möchtest du diesen Termin wirklich absagen?")).toBeInViewport();
    await page.getByRole("button", { name: "Nein, Termin behalten" }).tap();
    await expect(page.getByText("Möchtest du diesen Termin wirklich absagen?")).toHaveCount(0);
    await page.getByRole("button", { name: "Termin absagen …" }).tap();
    await page.getByRole("button", { name: "Ja, absagen" }).tap();
    await expect(page.getByText("Abgesagt", { exact: true })).toBeVisible();
    await expect(page.getByText(/den Link schicke ich dir/)).toHaveCount(0);
    const cancelled = await waitForMail(page, email, /^Dein Erstgespräch wurde abgesagt/);
    expect(cancelled.text).toContain("du hast dein Erstgespräch abgesagt");
    expect(cancelled.text).toContain(`${baseURL()}/erstgespraech`);
    expect(cancelled.text).not.toContain("Link schicke");
  });
});

test("the calendar's days are one Tab stop, and the arrow keys, Home, End and PageDown move through them", async ({ page }) => {
  await page.goto("/erstgespraech");
  const grid = page.getByRole("grid", { name: /^Tage im/ });
  await expect(page.getByText("Freie Termine werden geladen")).toHaveCount(0);
  await expect(grid.locator('button[tabindex="0"]')).toHaveCount(1);
  await page.getByRole("button", { name: "Nächster Monat" }).focus();
  await page.keyboard.press("Tab");
  const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.date ?? null);
  const initial = (await focused())!;
  expect(initial).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const plus = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  // PageDown: the same day of the next month, and the grid shows that month.
  const label = await grid.getAttribute("aria-label");
  await page.keyboard.press("PageDown");
  await expect(grid).not.toHaveAttribute("aria-label", label!);
  const start = (await focused())!;
  expect(start.slice(0, 7)).not.toBe(initial.slice(0, 7));
  await page.keyboard.press("ArrowRight");
  expect(await focused()).toBe(plus(start, 1));
  await page.keyboard.press("ArrowDown");
  expect(await focused()).toBe(plus(start, 8));
  await page.keyboard.press("ArrowLeft");
  expect(await focused()).toBe(plus(start, 7));
  await page.keyboard.press("ArrowUp");
  expect(await focused()).toBe(start);
  await page.keyboard.press("End");
  expect(new Date(`${(await focused())!}T12:00:00Z`).getUTCDay()).toBe(0);
  await page.keyboard.press("Home");
  expect(new Date(`${(await focused())!}T12:00:00Z`).getUTCDay()).toBe(1);
  // PageUp back to this month; nothing before today (in the practice's zone) can be reached.
  await page.keyboard.press("PageUp");
  await expect(grid).toHaveAttribute("aria-label", label!);
  for (let i = 0; i < 40; i++) await page.keyboard.press("ArrowLeft");
  expect(await focused()).toBe(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date()));
  // Still one Tab stop, on the focused day; Tab leaves the grid.
  await expect(grid.locator('button[tabindex="0"]')).toHaveCount(1);
  await expect(page.locator(":focus")).toHaveAttribute("aria-label", /, (\d+ freie Termine|keine freien Termine)$/);
  await page.keyboard.press("Tab");
  expect(await focused()).toBeNull();
  await expectAccessible(page);
});

test("the coach's link reaches the confirmation, its .ics and the manage page; a new link on the appointment sends one update", async ({
  page,
  browser,
}) => {
  await signInCoach(page);
  await page.goto("/coach/verfuegbarkeit");
  const defaults = page.getByRole("form", { name: "Ort und Link fürs Erstgespräch" });
  await defaults.getByLabel("Link fürs Videogespräch").fill("http://meet.example.com/unsicher");
  await defaults.getByRole("button", { name: "Ort und Link übernehmen" }).tap();
  await expect(defaults.getByText("Bitte gib einen vollständigen Link an, der mit https:// beginnt.").first()).toBeInViewport();
  await defaults.getByLabel("Link fürs Videogespräch").fill("https://meet.example.com/praxis");
  await defaults.getByRole("button", { name: "Ort und Link übernehmen" }).tap();
  await expect(defaults.getByText(/^Gespeichert\./)).toBeVisible();
  await expectAccessible(page);

  try {
    // A visitor books (by the API, from an address of its own) and confirms in the browser.
    const email = `ort-${Date.now()}@example.com`;
    const from = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const { slots } = (await (await page.request.get(`/api/slots?from=${from}&to=${to}`)).json()) as { slots: { start: string }[] };
    const booked = await loopbackClient(baseURL()).post("/api/bookings", {
      start: slots[5]!.start,
      name: "Olga Ort",
      email,
      channel: "video",
      consent: true,
    });
    expect(booked.status).toBe(201);
    const visitor = await (
      await browser.newContext({ baseURL: baseURL(), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage();
    const request = await waitForMail(page, email, /^Bitte bestätige/);
    await visitor.goto(request.text.match(new RegExp(`https?://\\S+/termin/bestaetigen/${TOKEN}`))![0]);
    await visitor.getByRole("button", { name: "Ja, Termin bestätigen" }).tap();
    await expect(visitor.getByText("Bestätigt!")).toBeVisible();
    await expect(visitor.getByText("Hier geht es zum Gespräch: https://meet.example.com/praxis")).toBeVisible();
    const confirmed = await waitForMail(page, email, /^Dein Erstgespräch ist bestätigt/);
    expect(confirmed.text).toContain("Hier geht es zum Gespräch: https://meet.example.com/praxis");
    expect(icsOf(confirmed)).toContain("LOCATION:https://meet.example.com/praxis");
    expect(icsOf(confirmed)).toContain("SEQUENCE:0");
    const uid = icsOf(confirmed).match(/UID:(\S+)/)![1];

    // The coach gives this one its own room: the visitor gets one update, same UID, SEQUENCE 1.
    await page.goto("/coach/termine");
    const card = page.getByRole("article").filter({ hasText: email });
    await expect(card.getByText("Leer = Standard: https://meet.example.com/praxis")).toBeVisible();
    await card.getByLabel("Link fürs Videogespräch").fill("https://meet.example.com/olga");
    await card.getByRole("button", { name: "Ort übernehmen" }).tap();
    await expect(card.getByText("Gespeichert. Die Person bekommt eine aktualisierte Einladung per E-Mail.")).toBeVisible();
    await expectAccessible(page);
    const update = await waitForMail(page, email, /^Neue Angaben zu deinem Erstgespräch/);
    expect(update.text).toContain("Hier geht es zum Gespräch: https://meet.example.com/olga");
    const updated = icsOf(update);
    expect(updated).toContain(`UID:${uid}`);
    expect(updated).toContain("SEQUENCE:1");
    expect(updated).toContain("LOCATION:https://meet.example.com/olga");
    expect((await mailFor(page.request, email)).filter((m) => /^Neue Angaben/.test(m.subject))).toHaveLength(1);
    await visitor.reload();
    await expect(visitor.getByText("Hier geht es zum Gespräch: https://meet.example.com/olga")).toBeVisible();
  } finally {
    // Back to no default link, as the other journeys expect.
    await page.goto("/coach/verfuegbarkeit");
    await page.getByLabel("Link fürs Videogespräch").fill("");
    await page.getByRole("button", { name: "Ort und Link übernehmen" }).tap();
    await expect(page.getByText(/^Gespeichert\. Neue Bestätigungen/)).toBeVisible();
  }
});

test("the booking form brings its first problem into view and focus after a failed submit", async ({ page }) => {
  await pickFirstTime(page);
  await page.getByLabel("Name").fill("Lea");
  await page.getByLabel("E-Mail-Adresse").fill("lea@");
  const submit = page.getByRole("button", { name: "Erstgespräch buchen" });
  await submit.scrollIntoViewIfNeeded();
  await submit.tap();
  // The address is wrong (and consent missing): the first problem, above the button, is where the person now is.
  const email = page.getByLabel("E-Mail-Adresse");
  await expect(email).toBeFocused();
  await expect(email).toBeInViewport();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("Lea");
});
