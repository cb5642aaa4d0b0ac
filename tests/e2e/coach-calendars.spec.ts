import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { expectAccessible } from "./support/app";
import { signInCoach } from "./support/coach";

/*
 * The coach's own calendars in the settings: every address the server must not fetch is refused
 * in German at once, and this production server (no CALENDAR_KEYS) refuses to store a secret.
 * The connection itself against a real CalDAV server: tests/integration/caldav*.test.ts.
 */
test("the coach's calendar section refuses unsafe addresses and, without a key, any connection", async ({ page }) => {
  await signInCoach(page);
  await page.goto("/coach/einstellungen");
  await expect(page.getByRole("heading", { level: 2, name: "Deine Kalender" })).toBeVisible();
  await expectAccessible(page);

  const caldav = page.getByRole("group", { name: /CalDAV-Konto verbinden/ });
  await caldav.getByLabel("Name", { exact: true }).fill("iCloud");
  await caldav.getByLabel("Server-Adresse").fill("http://caldav.icloud.com");
  await caldav.getByLabel("Benutzername").fill("mara@icloud.com");
  await caldav.getByLabel("App-Passwort").fill("abcd-efgh-ijkl-mnop");
  await page.getByRole("button", { name: "Konto verbinden" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Die Adresse muss mit https:// beginnen." })).toBeVisible();

  await caldav.getByLabel("Server-Adresse").fill("https://192.168.178.20/remote.php/dav");
  await caldav.getByLabel("App-Passwort").fill("abcd-efgh-ijkl-mnop");
  await page.getByRole("button", { name: "Konto verbinden" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Diese Adresse liegt in einem privaten Netz" })).toBeVisible();

  const ical = page.getByRole("group", { name: /Kalender abonnieren/ });
  await ical.getByLabel("Name", { exact: true }).fill("Google privat");
  await ical
    .getByLabel("Geheime Adresse im iCal-Format")
    .fill("https://calendar.google.com/calendar/ical/mara%40gmail.com/private-0123/basic.ics");
  await page.getByRole("button", { name: "Abonnieren" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Kalender können erst verbunden werden" })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("region", { name: "Deine Kalender" }).screenshot({ path: "test-results/coach-calendars-390.png" });
  const widths = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(widths).toBeLessThanOrEqual(390);
});

test("the agenda shows a private block as 'Privat' and warns about a calendar it could not read", async ({ page }) => {
  test.skip(!process.env.TEST_DATABASE_URL, "needs the PostgreSQL test database to write a connection's state");
  const sql = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    // What a sync leaves behind: a busy time tomorrow 10:00–11:00 Berlin, and a server unreachable for two hours.
    const [coach] = await sql<{ id: string }[]>`select id from users where role = 'coach'`;
    const [connection] = await sql<{ id: string }[]>`
      insert into calendar_connections (coach_id, kind, label, server_url, username, secret, last_sync_at, last_success_at, last_error, created_at)
      values (${coach!.id}, 'caldav', 'iCloud', 'https://caldav.icloud.com', 'mara@icloud.com', 'v1.x.y.z.w', now(), now() - interval '2 hours 5 minutes',
              'Der Server ist gerade nicht erreichbar.', now() - interval '1 day') returning id`;
    const [calendar] = await sql<{ id: string }[]>`
      insert into calendar_calendars (connection_id, href, display_name, busy, writable) values (${connection!.id}, 'https://caldav.icloud.com/1/calendars/home/', 'Privat', true, true) returning id`;
    await sql`insert into calendar_busy (calendar_id, start_at, end_at, uid, title)
      values (${calendar!.id}, (date_trunc('day', now() at time zone 'Europe/Berlin') + interval '1 day 10 hours') at time zone 'Europe/Berlin',
                               (date_trunc('day', now() at time zone 'Europe/Berlin') + interval '1 day 11 hours') at time zone 'Europe/Berlin', 'dentist', 'Zahnarzt')`;
    await signInCoach(page);
    const [tomorrow] = await sql<{ day: string }[]>`select ((now() at time zone 'Europe/Berlin')::date + 1)::text as day`;
    // The week of tomorrow (on a Sunday, that is next week).
    await page.goto(`/coach?woche=${tomorrow!.day}`);
    await expect(page.getByRole("link", { name: /iCloud seit 2 Stunden nicht erreichbar/ })).toBeVisible();
    const blocks = page.getByRole("list", { name: "Private Termine" }).filter({ hasText: "10:00–11:00" });
    await expect(blocks.first()).toContainText("Privat");
    await expect(page.getByText("Zahnarzt")).toHaveCount(0);
    await expectAccessible(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/coach-agenda-calendars-390.png", fullPage: true });
  } finally {
    await sql`delete from calendar_connections where label = 'iCloud'`;
    await sql.end();
  }
});
