// Issue 7, item 4: PostgreSQL restarts under steady load. APIs answer 503 JSON with Retry-After,
// pages the German error page; the same app process recovers by itself; nothing is half-written.
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";
import { chromiumLaunchOptions } from "../../scripts/chromium";
import { afterAll, beforeAll, expect, test } from "vitest";
import { book, createDatabase, freeSlots, recordResult, request, sleep, startApp, startPrivateCluster, waitFor, type App } from "./harness";

const ARTICLE = "/artikel/warum-chronischer-rueckenschmerz-oft-nicht-dort-entsteht-wo-er-wehtut";
const GERMAN_ERROR = "Da ist gerade etwas schiefgelaufen";

let cluster: Awaited<ReturnType<typeof startPrivateCluster>>;
let database: Awaited<ReturnType<typeof createDatabase>>;
let app: App;
let browser: Browser;

beforeAll(async () => {
  cluster = await startPrivateCluster();
  database = await createDatabase(cluster.url);
  app = await startApp({ DATABASE_URL: database.url, DEV_MAILBOX: "1" });
  // A page that fails on the server arrives as Next's bare error document; the German page is
  // rendered in the browser from it, so a browser is what can see it.
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  if (app) {
    mkdirSync(".test-results", { recursive: true });
    writeFileSync(".test-results/resilience-db-restart-app.log", app.log());
  }
  await app?.stop();
  await database?.drop();
  await cluster?.destroy();
});

type Sample = { kind: string; status: number; at: number; ms: number; retryAfter: string | null; body: string; bookingId?: string };

test("a database restart under load: 503s and the German page meanwhile, recovery without an app restart, no half-written booking", async () => {
  // Every third slot: neighbours share their buffers, so booking both would be a 409.
  const slots = (await freeSlots(app, 60)).filter((_, i) => i % 3 === 0);
  const samples: Sample[] = [];
  let stop = false;
  let n = 0;
  const kinds = ["health", "slots", "booking", "home", "article", "erstgespraech"] as const;
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);

  async function worker(w: number) {
    for (let i = w; !stop; i++) {
      let kind: string = kinds[i % kinds.length]!;
      const at = Date.now();
      let res;
      if (kind === "booking" && slots.length === 0) kind = "health";
      if (kind === "health") res = await request(`${app.url}/api/health`, { timeoutMs: 10_000 });
      else if (kind === "slots") res = await request(`${app.url}/api/slots?from=${from}&to=${to}`, { timeoutMs: 10_000 });
      else if (kind === "booking") res = await book(app, slots.shift()!, n++);
      else
        res = await request(`${app.url}${kind === "home" ? "/" : kind === "article" ? ARTICLE : "/erstgespraech"}`, { timeoutMs: 10_000 });
      const sample: Sample = {
        kind,
        status: res.status,
        at,
        ms: Date.now() - at,
        retryAfter: res.headers.get("retry-after"),
        body: res.text.slice(0, 20_000),
      };
      if (kind === "booking" && res.status === 201) sample.bookingId = (res.json() as { id: string }).id;
      samples.push(sample);
    }
  }

  const workers = [0, 1, 2, 3].map((w) => worker(w));
  await sleep(4000);
  const down = Date.now();
  cluster.stop();
  // While the database is away: what a visitor's browser shows on a page that needs it.
  const page = await browser.newPage();
  const pageResponse = await page.goto(`${app.url}/erstgespraech`, { timeout: 20_000 });
  const browserStatus = pageResponse?.status() ?? 0;
  const browserHeading = await page
    .getByRole("heading", { level: 1 })
    .first()
    .textContent({ timeout: 10_000 })
    .catch(() => null);
  await page.close();
  await sleep(Math.max(0, 3000 - (Date.now() - down)));
  cluster.start();
  const up = Date.now();
  const recoveredAt = await waitFor(
    "health 200 after the restart",
    async () => {
      const res = await request(`${app.url}/api/health`, { timeoutMs: 5000 });
      return res.status === 200 && Date.now();
    },
    30_000,
    200,
  );
  await sleep(4000);
  stop = true;
  await Promise.all(workers);

  const api = samples.filter((s) => ["health", "slots", "booking"].includes(s.kind));
  const pages = samples.filter((s) => ["home", "article", "erstgespraech"].includes(s.kind));
  const unexpectedApi = api.filter((s) => ![200, 201, 503].includes(s.status));
  const bad503 = api.filter(
    (s) => s.status === 503 && (!s.retryAfter || (!s.body.includes('"unavailable"') && !s.body.includes('"error"'))),
  );
  // A failed page is Next's error document (the browser renders the German page into it): it must
  // carry no stack trace and no database error text.
  const badPages = pages.filter(
    (s) => s.status !== 200 && (/\bat .*\(.*\.js:\d+|ECONNREFUSED|57P0|postgres/i.test(s.body) || !s.body.includes("__next_error__")),
  );
  const after = samples.filter((s) => s.at > recoveredAt + 500);

  // Nothing half-written: every 201 booking exists with its email, and no booking lacks its email.
  const booked = samples.filter((s) => s.bookingId).map((s) => s.bookingId!);
  const rows = await database.sql<{ id: string; has_email: boolean }[]>`
    select a.id, exists (select 1 from email_outbox o where o.dedupe_key = 'booking-request:' || a.id) as has_email
    from appointments a where a.kind = 'consultation'`;
  const orphanEmails = await database.sql<{ n: number }[]>`
    select count(*)::int as n from email_outbox o where o.template = 'booking-request'
    and not exists (select 1 from appointments a where 'booking-request:' || a.id = o.dedupe_key)`;
  const stored = new Set(rows.map((r) => r.id));

  writeFileSync(
    ".test-results/resilience-db-restart-samples.json",
    JSON.stringify(
      samples.map(({ body, ...s }) => ({
        ...s,
        sinceDown: s.at - down,
        upAt: up - down,
        recoveredAt: recoveredAt - down,
        body: s.status === 200 ? undefined : body.slice(0, 200),
      })),
      null,
      1,
    ),
  );
  const count = (list: Sample[], status: number) => list.filter((s) => s.status === status).length;
  recordResult("db-restart", {
    requests: samples.length,
    byKind: Object.fromEntries(kinds.map((k) => [k, samples.filter((s) => s.kind === k).length])),
    fault: `PostgreSQL stopped (-m fast) for ${up - down} ms on a private cluster`,
    browserDuringOutage: { status: browserStatus, heading: browserHeading },
    api200or201: api.filter((s) => s.status === 200 || s.status === 201).length,
    api503: count(api, 503),
    apiOther: unexpectedApi.map((s) => `${s.kind}:${s.status}`),
    pages200: count(pages, 200),
    pagesError: pages.filter((s) => s.status !== 200).map((s) => s.status).length,
    pagesWithoutGermanErrorPage: badPages.length,
    slowestMs: Math.max(...samples.map((s) => s.ms)),
    recoverySecondsAfterStart: (recoveredAt - up) / 1000,
    outageSeconds: (up - down) / 1000,
    requestsAfterRecovery: after.length,
    failuresAfterRecovery: after.filter((s) => s.status >= 500 || s.status === 0).length,
    bookings201: booked.length,
    bookingsStored: rows.length,
    bookingsWithoutEmail: rows.filter((r) => !r.has_email).length,
    orphanEmails: orphanEmails[0]!.n,
  });

  if (unexpectedApi.length)
    console.log(
      "unexpected API answers:",
      unexpectedApi.slice(0, 3).map((s) => ({ ...s, body: s.body.slice(0, 300), sinceDown: s.at - down, upAt: up - down })),
    );
  if (badPages.length) console.log("page without the German error page:", badPages[0]!.status, badPages[0]!.body.slice(0, 2000));
  expect(browserHeading).toBe(GERMAN_ERROR);
  expect(count(api, 503)).toBeGreaterThan(0);
  expect(unexpectedApi).toEqual([]);
  expect(bad503).toEqual([]);
  expect(badPages).toEqual([]);
  expect(after.filter((s) => s.status >= 500 || s.status === 0)).toEqual([]);
  expect(recoveredAt - up).toBeLessThan(15_000);
  expect(booked.every((id) => stored.has(id))).toBe(true);
  expect(rows.filter((r) => !r.has_email)).toEqual([]);
  expect(orphanEmails[0]!.n).toBe(0);
});
