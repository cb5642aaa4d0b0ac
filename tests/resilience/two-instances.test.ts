// Issue 7, item 5: two app instances on one database. One slot, one winner; each email and each
// reminder goes out once with both pollers and both cron routes running; the rate limit is shared.
// Issue 13, item 6: a change the coach saves on one instance shows on the other's cached pages.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../../scripts/chromium";
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  allowManyPendingBookings,
  book,
  createDatabase,
  cron,
  freeSlots,
  recordResult,
  request,
  startApp,
  startFakeResend,
  waitFor,
  type App,
  type FakeResend,
} from "./harness";

let database: Awaited<ReturnType<typeof createDatabase>>;
let fake: FakeResend;
let apps: App[] = [];

beforeAll(async () => {
  // Pages and query results an earlier run cached on disk (the build is shared) came from another database.
  for (const dir of [".next/server/route-cache", ".next/cache/fetch-cache"]) rmSync(dir, { recursive: true, force: true });
  database = await createDatabase();
  fake = await startFakeResend();
  const env = { DATABASE_URL: database.url, RESEND_API_KEY: "re_test", RESEND_BASE_URL: fake.url, RATE_LIMIT_BOOKINGS_PER_HOUR: "3" };
  // Started together: both migrate (under the advisory lock) and seed at the same moment.
  apps = await Promise.all([startApp(env), startApp(env)]);
  await allowManyPendingBookings(database.sql);
});

afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop()));
  await fake?.close();
  await database?.drop();
});

/** A loopback address of its own for each simulated client: the server sees its socket, no header. */
const ip = (n: number) => `127.1.${Math.floor(n / 250)}.${(n % 250) + 1}`;

test("two instances: one booking per slot, every email and reminder once, one rate limit", async () => {
  const [a, b] = apps as [App, App];
  const slots = await freeSlots(a, 30);

  // 50 racing requests for one slot, split across both instances, each from its own address.
  const race = await Promise.all(Array.from({ length: 50 }, (_, i) => book(i % 2 ? b : a, slots[0]!, i, ip(i))));
  const raceStatuses = race.map((r) => r.status);
  expect(raceStatuses.filter((s) => s === 201).length).toBe(1);
  expect(raceStatuses.filter((s) => s === 409).length).toBe(49);

  // More bookings, and due reminders written straight into the database.
  const more = await Promise.all(Array.from({ length: 10 }, (_, i) => book(i % 2 ? b : a, slots[(i + 1) * 3]!, 100 + i, ip(100 + i))));
  expect(more.every((r) => r.status === 201)).toBe(true);
  const [coach] = await database.sql<{ id: string }[]>`select id from users where role = 'coach'`;
  for (let i = 0; i < 3; i++) {
    const start = new Date(Date.now() + (2 + i) * 3_600_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    await database.sql`insert into appointments (coach_id, kind, status, start_at, end_at, blocked_from, blocked_until, name, email, channel)
      values (${coach!.id}, 'consultation', 'confirmed', ${start}, ${end}, ${start}, ${end}, ${`Erinnerung ${i}`}, ${`reminder${i}@example.com`}, 'video')`;
  }
  // Both cron routes, several times each, at once, on top of both pollers.
  const cronCalls = await Promise.all(Array.from({ length: 8 }, (_, i) => cron(i % 2 ? b : a)));
  expect(cronCalls.map((r) => r.status)).toEqual(Array(8).fill(200));

  const rows = await waitFor(
    "every email sent",
    async () => {
      const r = await database.sql<
        { id: string; to: string; template: string; status: string }[]
      >`select id, "to", template, status from email_outbox`;
      return r.length === 14 && r.every((x) => x.status === "sent") && r;
    },
    60_000,
    500,
  );
  await new Promise((resolve) => setTimeout(resolve, 2500)); // a late duplicate would show up here
  const delivered = fake.delivered();
  const perKey = new Map<string, number>();
  for (const d of delivered) perKey.set(d.key ?? "none", (perKey.get(d.key ?? "none") ?? 0) + 1);
  const reminders = rows.filter((r) => r.template === "appointment-reminder");
  expect(reminders.map((r) => r.to).sort()).toEqual(["reminder0@example.com", "reminder1@example.com", "reminder2@example.com"]);
  expect(delivered.length).toBe(rows.length);
  expect([...perKey.values()].every((n) => n === 1)).toBe(true);
  expect(delivered.filter((d) => d.to.startsWith("reminder")).length).toBe(3);

  // The booking limit (3 an hour) holds across instances for one address.
  const limited = [];
  for (let i = 0; i < 4; i++) limited.push(await book(i % 2 ? b : a, slots[40 + i * 3]!, 200 + i, "127.7.0.113"));
  const limitedStatuses = limited.map((r) => r.status);
  expect(limitedStatuses).toEqual([201, 201, 201, 429]);
  expect(Number(limited[3]!.headers.get("retry-after"))).toBeGreaterThan(0);

  recordResult("two-instances", {
    instances: 2,
    racingBookings: race.length,
    race201: raceStatuses.filter((s) => s === 201).length,
    race409: raceStatuses.filter((s) => s === 409).length,
    raceOther: raceStatuses.filter((s) => s !== 201 && s !== 409),
    cronCalls: cronCalls.length,
    outboxEmails: rows.length,
    providerDeliveries: delivered.length,
    duplicateDeliveries: delivered.length - perKey.size,
    remindersQueued: reminders.length,
    rateLimitStatuses: limitedStatuses,
    rateLimitRetryAfter: limited[3]!.headers.get("retry-after"),
  });
});

const SLUG = "warum-chronischer-rueckenschmerz-oft-nicht-dort-entsteht-wo-er-wehtut";
/** Instance B learns of A's revalidations at most a second later (server/cache-handler.mjs), then renders once. */
const OTHER_INSTANCE_WITHIN_MS = 5_000;

test("two instances: an article and the practice zone the coach changes on one are new on the other's cached pages within seconds", async () => {
  const [a, b] = apps as [App, App];
  const page = `/artikel/${SLUG}`;
  // Published at 03:30 UTC: 2 March in Berlin, still 1 March in New York.
  await database.sql`update articles set published_at = '2026-03-02T03:30:00Z' where slug = ${SLUG}`;
  // Both instances have the page in their cache.
  for (const app of [a, b]) {
    await request(app.url + page);
    const cached = await request(app.url + page);
    expect(cached.status).toBe(200);
    expect(cached.headers.get("x-nextjs-cache")).toBe("HIT");
  }

  // The coach, signed in with both factors (a session row as the sign-in would write it), renames the article on A.
  const [coach] = await database.sql<{ id: string }[]>`select id from users where role = 'coach'`;
  const [article] = await database.sql<{ id: string; title: string }[]>`select id, title from articles where slug = ${SLUG}`;
  const token = randomBytes(32).toString("hex");
  await database.sql`insert into sessions (session_token, user_id, expires, second_factor_at)
    values (${token}, ${coach!.id}, ${new Date(Date.now() + 3_600_000)}, now())`;
  const title = `Neu gefasst ${Date.now()}`;
  expect(article!.title).not.toBe(title);
  const pageOnB = async () => (await request(b.url + page)).text;
  expect(await pageOnB()).toContain("2. März 2026");

  const browser = await chromium.launch(chromiumLaunchOptions());
  const context = await browser.newContext({ baseURL: a.url });
  await context.addCookies([{ name: "authjs.session-token", value: token, url: a.url }]);
  const coachPage = await context.newPage();
  /** Saves on A, then how long until B's copy of the article shows `expected`. */
  async function untilOnB(save: () => Promise<void>, expected: string) {
    await save();
    const savedAt = Date.now();
    expect((await request(a.url + page)).text).toContain(expected);
    await waitFor(`“${expected}” on instance B`, async () => (await pageOnB()).includes(expected), 10_000, 100);
    return Date.now() - savedAt;
  }
  try {
    const titleMs = await untilOnB(async () => {
      await coachPage.goto(`/coach/artikel/${article!.id}`);
      await coachPage.getByLabel("Titel", { exact: true }).fill(title);
      await coachPage.getByRole("button", { name: "Änderungen veröffentlichen" }).click();
      await coachPage.getByText("Änderungen veröffentlicht.").waitFor();
    }, title);
    // The list follows too, and the page is cached again on B.
    expect((await request(b.url + "/artikel")).text).toContain(title);
    expect((await request(b.url + page)).headers.get("x-nextjs-cache")).toBe("HIT");

    const zoneMs = await untilOnB(async () => {
      await coachPage.goto("/coach/einstellungen");
      await coachPage.getByLabel("Zeitzone der Praxis").selectOption("America/New_York");
      await coachPage.getByRole("button", { name: "Einstellungen speichern" }).click();
      await coachPage.getByRole("status").getByText("Gespeichert").waitFor();
    }, "1. März 2026");
    // The slot engine on B reads the new zone on its next request too.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const slots = await request(`${b.url}/api/slots?from=${day(3)}&to=${day(4)}`);
    expect(slots.status).toBe(200);
    expect((slots.json() as { timeZone: string }).timeZone).toBe("America/New_York");

    // The other public pages come from the same cache: B has home, Impressum and the booking page
    // cached; the coach renames the practice on A, and B's copies follow.
    const publicPages = ["/", "/impressum", "/erstgespraech", "/selbsttest"];
    for (const path of publicPages) {
      await request(b.url + path);
      expect((await request(b.url + path)).headers.get("x-nextjs-cache"), path).toBe("HIT");
    }
    const practiceName = `Praxis Zwei ${Date.now()}`;
    await coachPage.goto("/coach/einstellungen");
    await coachPage.getByLabel("Name der Praxis").fill(practiceName);
    await coachPage.getByRole("button", { name: "Einstellungen speichern" }).click();
    await coachPage.getByRole("status").getByText("Gespeichert").waitFor();
    const renamedAt = Date.now();
    await waitFor(
      "the new practice name on B's public pages",
      async () =>
        (await Promise.all(publicPages.map(async (path) => (await request(b.url + path)).text.includes(practiceName)))).every(Boolean),
      10_000,
      100,
    );
    const practiceMs = Date.now() - renamedAt;

    expect(titleMs).toBeLessThan(OTHER_INSTANCE_WITHIN_MS);
    expect(zoneMs).toBeLessThan(OTHER_INSTANCE_WITHIN_MS);
    expect(practiceMs).toBeLessThan(OTHER_INSTANCE_WITHIN_MS);
    recordResult("two-instances-cache", { titleMs, zoneMs, practiceMs, boundMs: OTHER_INSTANCE_WITHIN_MS });
  } finally {
    await browser.close();
  }
});
