import { expect, test, type Page } from "@playwright/test";
import { signInCoach } from "./support/coach";

/*
 * The practice's time zone has one owner, the settings page, and everything that reads it follows
 * on the next request: the slot engine (opening hours are wall-clock times in that zone) and the
 * availability page, which states the zone it works in.
 */

const wallClock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(new Date(iso));

/** The practice dates from 3 to 16 days ahead, in the browser's Berlin calendar (the same strings in any zone). */
function range() {
  const day = (offset: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(Date.now() + offset * 86_400_000);
  return { from: day(3), to: day(16) };
}

/** The wall-clock start times offered on any of those dates, as read in `timeZone`. */
async function offeredStarts(page: Page, timeZone: string): Promise<string[]> {
  const { from, to } = range();
  const answer = await page.request.get(`/api/slots?from=${from}&to=${to}`);
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as { timeZone: string; slots: { start: string }[] };
  expect(body.timeZone).toBe(timeZone);
  expect(body.slots.length).toBeGreaterThan(0);
  return [...new Set(body.slots.map((s) => wallClock(s.start, timeZone)))].sort();
}

async function setZone(page: Page, zone: string) {
  await page.goto("/coach/einstellungen");
  await page.getByLabel("Zeitzone der Praxis").selectOption(zone);
  await page.getByRole("button", { name: "Einstellungen speichern" }).click();
  await expect(page.getByRole("status")).toContainText("Gespeichert");
}

test("a new practice zone is followed on the next request by the slots and the availability page", async ({ page }) => {
  await signInCoach(page);
  const inBerlin = await offeredStarts(page, "Europe/Berlin");
  try {
    await setZone(page, "America/New_York");
    // The same opening hours, now as New York wall-clock times: the same set of start times there.
    expect(await offeredStarts(page, "America/New_York")).toEqual(inBerlin);
    await page.goto("/coach/verfuegbarkeit");
    await expect(page.getByText("Alle Zeiten gelten in der Zeitzone der Praxis, America/New_York.")).toBeVisible();
  } finally {
    await setZone(page, "Europe/Berlin");
  }
  expect(await offeredStarts(page, "Europe/Berlin")).toEqual(inBerlin);
});
