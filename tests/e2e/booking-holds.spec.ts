import { expect, test, type APIRequestContext } from "@playwright/test";
import { mailFor } from "./support/app";
import { loopbackClient } from "./support/loopback";

/*
 * The booking rules seen from outside: each simulated visitor connects from a loopback address
 * of its own (no forged X-Forwarded-For), as an attacker with one address would.
 */
const baseURL = () => test.info().project.use.baseURL!;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const WHEN = /\p{L}+, \d{1,2}\. \p{L}+ \d{4} um \d{2}:\d{2} Uhr/u;

/** Free slots at least an hour apart (so that buffers never make two of them collide), far from other specs' days. */
async function spacedSlots(from: number, to: number): Promise<string[]> {
  const response = await loopbackClient(baseURL()).get(`/api/slots?from=${day(from)}&to=${day(to)}`);
  const starts: string[] = [];
  for (const { start } of (response.json() as { slots: { start: string }[] }).slots)
    if (!starts.length || Date.parse(start) - Date.parse(starts.at(-1)!) >= 3_600_000) starts.push(start);
  return starts;
}

async function offered(from: number, to: number): Promise<string[]> {
  const response = await loopbackClient(baseURL()).get(`/api/slots?from=${day(from)}&to=${day(to)}`);
  return (response.json() as { slots: { start: string }[] }).slots.map((s) => s.start);
}

const booking = (start: string, email: string, name = "Hanna Halt") => ({ start, name, email, channel: "video", consent: true });

async function dispatch(request: APIRequestContext) {
  expect((await request.post("/api/cron/dispatch", { headers: { authorization: "Bearer e2e-cron-secret" } })).status()).toBe(200);
}

test("one address holds at most two unconfirmed bookings at once; the others are asked to confirm first", async () => {
  const visitor = loopbackClient(baseURL());
  const starts = (await spacedSlots(31, 38)).slice(0, 6);
  expect(starts).toHaveLength(6);
  const tag = Date.now().toString(36);
  const answers = await Promise.all(
    starts.map((start, i) => visitor.post("/api/bookings", booking(start, `halt-${tag}-${i}@example.com`))),
  );

  expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
  const refused = answers.filter((a) => a.status !== 201);
  expect(refused.map((a) => a.status)).toEqual([429, 429, 429, 429]);
  for (const answer of refused) {
    expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
    expect((answer.json() as { message: string }).message).toMatch(/bestätig/);
  }
  // The refused requests hold nothing: their slots are still offered.
  const free = await offered(31, 38);
  const refusedStarts = starts.filter((_, i) => answers[i]!.status !== 201);
  for (const start of refusedStarts) expect(free).toContain(start);
});

test("a second request for an address with a pending booking looks like a fresh one; the address gets that booking's confirmation again, at most three a day", async ({
  request,
}) => {
  const email = `doppelt-${Date.now().toString(36)}@example.com`;
  const [s1, s2, s3, s4] = await spacedSlots(39, 45);
  const answers = [];
  // Each from another address, so that the limit per address is not what answers.
  for (const start of [s1!, s2!, s3!, s4!]) answers.push(await loopbackClient(baseURL()).post("/api/bookings", booking(start, email)));

  const [first, ...again] = answers.map((a) => ({
    status: a.status,
    body: a.json() as { id: string; status: string; start: string; end: string },
  }));
  for (const [i, answer] of [first!, ...again].entries()) {
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.body).sort()).toEqual(["end", "id", "receiptUrl", "start", "status"]);
    expect(answer.body.status).toBe("pending");
    expect(answer.body.start).toBe([s1, s2, s3, s4][i]);
    expect(Date.parse(answer.body.end) - Date.parse(answer.body.start)).toBe(30 * 60_000);
    expect(answer.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  }
  expect(new Set(answers.map((a) => (a.json() as { id: string }).id)).size).toBe(4);

  // The address holds one slot, the first; the later requests held nothing.
  const free = await offered(39, 45);
  expect(free).not.toContain(s1);
  for (const start of [s2, s3, s4]) expect(free).toContain(start);

  await dispatch(request);
  const mails = (await mailFor(request, email)).filter((m) => m.subject === "Bitte bestätige dein Erstgespräch");
  expect(mails).toHaveLength(3);
  const times = mails.map((m) => m.text.match(WHEN)?.[0]);
  expect(times[0]).toBeTruthy();
  expect(new Set(times).size).toBe(1);

  // The newest link confirms that one booking.
  const newest = mails.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
  const link = newest.text.match(/https?:\/\/\S+\/termin\/bestaetigen\/[A-Za-z0-9_-]{43}/)![0];
  const page = await request.get(new URL(link).pathname);
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain(times[0]!);
});

test("a visitor's time zone is used in the email when it is a real one, and refused otherwise", async ({ request }) => {
  const visitor = loopbackClient(baseURL());
  const [start] = await spacedSlots(46, 50);
  const email = `zone-${Date.now().toString(36)}@example.com`;
  const refused = await visitor.post("/api/bookings", { ...booking(start!, email), timeZone: "Mars/Olympus" });
  expect(refused.status).toBe(400);
  expect((refused.json() as { issues: { path: string[] }[] }).issues.map((i) => i.path[0])).toContain("timeZone");

  const booked = await visitor.post("/api/bookings", { ...booking(start!, email), timeZone: "America/New_York" });
  expect(booked.status).toBe(201);
  await dispatch(request);
  const [mail] = await mailFor(request, email);
  const expected = new Intl.DateTimeFormat("de-DE", { hour: "2-digit", minute: "2-digit", timeZone: "America/New_York" }).format(
    new Date(start!),
  );
  expect(mail!.text).toContain(`${expected} Uhr bei dir (America/New_York)`);
});

test("a confirmation email greets only with a plain name, never with other text the visitor wrote", async ({ request }) => {
  const visitor = loopbackClient(baseURL());
  const [start] = await spacedSlots(51, 55);
  const email = `gruss-${Date.now().toString(36)}@example.com`;
  const name = "Wichtig: Ihr Konto wird gesperrt https://evil.example/login";
  expect((await visitor.post("/api/bookings", booking(start!, email, name))).status).toBe(201);
  await dispatch(request);
  const [mail] = await mailFor(request, email);
  expect(mail!.text).toMatch(/^\s*Hallo,/m);
  // Nor does the page the email's link opens.
  const link = mail!.text.match(/https?:\/\/\S+\/termin\/bestaetigen\/[A-Za-z0-9_-]{43}/)![0];
  const page = await (await request.get(new URL(link).pathname)).text();
  expect(page).toContain("bestätige dein kostenloses Erstgespräch am");
  // (Words of the name that the page's own texts do not use: "Wichtig" is in "Wichtige", "Konto" in the 403 page.)
  for (const part of ["Wichtig:", "Ihr Konto", "gesperrt", "evil.example"]) {
    expect(mail!.text).not.toContain(part);
    expect(mail!.html).not.toContain(part);
    expect(page).not.toContain(part);
  }
});
