// Issue 7, item 3: the email provider fails, hangs and rate-limits; bookings and sign-in go on,
// emails wait with backoff, and after recovery each arrives once.
import { afterAll, beforeAll, expect, test } from "vitest";
import { connectPostgres, type DbHandle } from "@/db/client";
import { listOutboxEmails } from "@/lib/email/log";
import {
  allowManyPendingBookings,
  book,
  createDatabase,
  freeSlots,
  recordResult,
  requestSignIn,
  startApp,
  startFakeResend,
  waitFor,
  type App,
  type FakeResend,
} from "./harness";

let database: Awaited<ReturnType<typeof createDatabase>>;
let fake: FakeResend;
let app: App;
let handle: DbHandle;

beforeAll(async () => {
  database = await createDatabase();
  fake = await startFakeResend();
  fake.mode = "fail";
  app = await startApp({ DATABASE_URL: database.url, RESEND_API_KEY: "re_test", RESEND_BASE_URL: fake.url });
  await allowManyPendingBookings(database.sql);
  handle = connectPostgres(database.url, { max: 2 });
});

afterAll(async () => {
  await app?.stop();
  await handle?.close();
  await fake?.close();
  await database?.drop();
});

/** Auth.js's "check your email" step (which shows /login/pruefen); a failure would go to /login/fehler. */
const checkYourEmail = /\/api\/auth\/verify-request|\/login\/pruefen/;

type Row = { id: string; to: string; subject: string; status: string; attempts: number; last_error: string | null; future: boolean };
const outbox = () =>
  database.sql<
    Row[]
  >`select id, "to", subject, status, attempts, last_error, next_attempt_at > now() as future from email_outbox order by created_at`;

test("bookings and sign-in succeed while the provider is down; every email arrives once after recovery", async () => {
  const faults: Record<string, number> = {};
  const slots = await freeSlots(app);
  const answers: number[] = [];

  // 1. The provider answers 500.
  for (let i = 0; i < 3; i++) answers.push((await book(app, slots[i * 3]!, i)).status);
  const signIns = [await requestSignIn(app, "coach@example.com"), await requestSignIn(app, "anna@example.com")];
  expect(answers).toEqual([201, 201, 201]);
  for (const s of signIns) expect(s.location).toMatch(checkYourEmail);
  const retrying = await waitFor("retries after 500s", async () => {
    const rows = await outbox();
    return (
      rows.length === 5 && rows.every((r) => r.status === "queued" && r.attempts >= 2 && r.future && r.last_error?.includes("500")) && rows
    );
  });
  faults.provider500 = fake.requests.filter((r) => r.answer === 500).length;

  // The coach's email log shows the failures (the same query /coach/emails renders).
  const log = await listOutboxEmails({ status: "queued" }, handle.db);
  expect(log.total).toBe(5);
  expect(log.rows.every((r) => r.attempts >= 2 && r.lastError?.includes("500"))).toBe(true);

  // 2. Rate-limited: 429 with Retry-After 3 s, which the next attempt waits for.
  fake.mode = "ratelimit";
  answers.push((await book(app, slots[9]!, 3)).status);
  await waitFor("a 429 recorded", async () => (await outbox()).some((r) => r.last_error?.includes("429")));
  faults.provider429 = fake.requests.filter((r) => r.answer === 429).length;

  // 3. Hanging: the send times out (10 s) and the request path is not held up by it.
  fake.mode = "hang";
  const t0 = Date.now();
  answers.push((await book(app, slots[12]!, 4)).status);
  const bookingMsWhileHanging = Date.now() - t0;
  signIns.push(await requestSignIn(app, "ben@example.com"));
  await waitFor("a timeout recorded", async () => (await outbox()).some((r) => r.last_error?.includes("no answer within")), 40_000, 500);
  faults.providerHung = fake.requests.filter((r) => r.answer === "hung").length;
  expect(answers.every((s) => s === 201)).toBe(true);
  for (const s of signIns) expect(s.location).toMatch(checkYourEmail);

  // 4. Recovery: everything goes out, each email once.
  fake.mode = "ok";
  const recoveredAt = Date.now();
  const rows = await waitFor(
    "all sent",
    async () => {
      const r = await outbox();
      return r.every((x) => x.status === "sent") && r;
    },
    90_000,
    500,
  );
  const recoverySeconds = (Date.now() - recoveredAt) / 1000;
  const delivered = fake.delivered();
  const byMessage = new Map<string, number>();
  for (const d of delivered) byMessage.set(`${d.to}|${d.subject}`, (byMessage.get(`${d.to}|${d.subject}`) ?? 0) + 1);
  const byKey = new Map<string, number>();
  for (const d of delivered) byKey.set(d.key ?? "none", (byKey.get(d.key ?? "none") ?? 0) + 1);
  expect(rows.length).toBe(8);
  expect(delivered.length).toBe(rows.length);
  expect([...byMessage.values()].every((n) => n === 1)).toBe(true);
  expect([...byKey.keys()].sort()).toEqual(rows.map((r) => r.id).sort());

  recordResult("email-outage", {
    bookings: answers.length,
    bookingStatuses: answers,
    signInRequests: signIns.length,
    faultsInjected: faults,
    providerRequests: fake.requests.length,
    maxAttemptsBeforeRecovery: Math.max(...retrying.map((r) => r.attempts)),
    bookingMsWhileHanging,
    emails: rows.length,
    deliveredAfterRecovery: delivered.length,
    duplicates: delivered.length - byKey.size,
    recoverySeconds,
  });
});
