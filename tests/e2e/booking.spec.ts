import { expect, test, type Page } from "@playwright/test";
import { answerSelfCheck, expectAccessible, magicLinkIn, mailFor, openSignInLink } from "./support/app";
import { signInCoach } from "./support/coach";
import { loopbackClient } from "./support/loopback";

const baseURL = () => test.info().project.use.baseURL!;

type Mail = Awaited<ReturnType<typeof mailFor>>[number] & { attachments: { filename: string; contentType: string; content: string }[] };

async function waitForMail(page: Page, to: string, subject: RegExp): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        found = ((await mailFor(page.request, to)) as Mail[]).find((m) => subject.test(m.subject));
        return Boolean(found);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** Clicks the first day with free slots (moving on a month if needed) and returns its first time's label. */
async function pickFirstFreeSlot(page: Page, skip = 0): Promise<string> {
  const days = page.getByRole("grid", { name: /^Tage im/ });
  await expect(page.getByText("Freie Termine werden geladen")).toHaveCount(0);
  if ((await days.getByRole("button", { disabled: false }).count()) <= skip) {
    await page.getByRole("button", { name: "Nächster Monat" }).click();
    await expect(page.getByText("Freie Termine werden geladen")).toHaveCount(0);
  }
  await days.getByRole("button", { disabled: false }).nth(skip).click();
  const time = page.getByRole("group", { name: /^Uhrzeit am/ }).getByRole("button").first();
  const label = (await time.textContent())!;
  await time.click();
  return label;
}

test("a visitor books, confirms from the mailbox, reads the invitation, moves and cancels", async ({ page }) => {
  const email = `gast-${Date.now()}@example.com`;
  await page.goto("/erstgespraech");
  await expect(page.getByRole("heading", { level: 1, name: "Kostenloses Erstgespräch" })).toBeVisible();
  await expect(page.getByLabel("Zeiten anzeigen in")).toHaveValue("Europe/Berlin");
  await pickFirstFreeSlot(page);
  await expectAccessible(page);

  await page.getByLabel("Name").fill("Gabi Gast");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel(/worum es geht/).fill("Seit zwei Jahren Schmerzen im unteren Rücken.");
  await page.getByRole("button", { name: "Erstgespräch buchen" }).click();
  await expect(page.getByText("Bitte stimme der Verarbeitung deiner Angaben zu.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Gabi Gast");
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Erstgespräch buchen" }).click();
  await expect(page.getByRole("heading", { name: "Fast geschafft!" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  const request = await waitForMail(page, email, /^Bitte bestätige dein Erstgespräch$/);
  const confirmLink = request.text.match(/https?:\/\/\S+\/termin\/bestaetigen\/[A-Za-z0-9_-]{43}/)![0];
  await page.goto(confirmLink);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ja, Termin bestätigen" }).click();
  await expect(page.getByText("Bestätigt!")).toBeVisible();
  const manageUrl = page.url();
  expect(manageUrl).toMatch(/\/termin\/[A-Za-z0-9_-]{43}\?bestaetigt=1$/);

  const confirmed = await waitForMail(page, email, /^Dein Erstgespräch ist bestätigt/);
  const invite = confirmed.attachments.find((a) => a.filename === "termin.ics")!;
  expect(invite.contentType).toContain("text/calendar");
  const ics = Buffer.from(invite.content, "base64").toString("utf8");
  expect(ics).toContain("METHOD:REQUEST");
  expect(ics).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
  expect(ics).toContain("SEQUENCE:0");
  expect(ics).toContain("BEGIN:VALARM");
  const uid = ics.match(/UID:(\S+)/)![1];
  await waitForMail(page, "coach@example.com", /^Neues Erstgespräch: Gabi Gast/);
  await expectAccessible(page);

  // Move it to another day through the manage link.
  await pickFirstFreeSlot(page, 1);
  await page.getByRole("button", { name: "Auf diesen Termin verschieben" }).click();
  await expect(page.getByText("Verschoben")).toBeVisible();
  const moved = await waitForMail(page, email, /^Dein Erstgespräch wurde verschoben/);
  const movedIcs = Buffer.from(moved.attachments[0]!.content, "base64").toString("utf8");
  expect(movedIcs).toContain(`UID:${uid}`);
  expect(movedIcs).toContain("SEQUENCE:1");

  // And cancel it.
  await page.getByRole("button", { name: "Termin absagen …" }).click();
  await page.getByLabel(/warum/).fill("Es geht mir schon besser.");
  await page.getByRole("button", { name: "Ja, absagen" }).click();
  await expect(page.getByText("Abgesagt", { exact: true })).toBeVisible();
  const cancelled = await waitForMail(page, email, /^Dein Erstgespräch wurde abgesagt/);
  const cancelIcs = Buffer.from(cancelled.attachments[0]!.content, "base64").toString("utf8");
  expect(cancelled.attachments[0]!.filename).toBe("absage.ics");
  expect(cancelIcs).toContain("METHOD:CANCEL");
  expect(cancelIcs).toContain(`UID:${uid}`);
  expect(cancelIcs).toContain("SEQUENCE:2");
  await waitForMail(page, "coach@example.com", /^Erstgespräch abgesagt: Gabi Gast/);
});

/** A zone's UTC offset in minutes at an instant, as Intl (not our zone code) reports it: "GMT+02:00", "GMT-04:00", "GMT". */
function offsetMinutes(timeZone: string, at: number): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")!.value;
  const [, sign, hours, minutes] = name.match(/^GMT(?:([+-])(\d{2}):(\d{2}))?$/)!;
  return sign ? (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) : 0;
}

test("times follow the visitor's chosen time zone", async ({ page }) => {
  await page.goto("/erstgespraech");
  const berlin = await pickFirstFreeSlot(page);
  // The picked day, from the calendar: "Tage im März 2027" and the pressed day's number.
  const days = page.getByRole("grid", { name: /^Tage im/ });
  const [, monthName, year] = (await days.getAttribute("aria-label"))!.match(/^Tage im (\S+) (\d{4})$/)!;
  const month = Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat("de-DE", { month: "long", timeZone: "UTC" }).format(Date.UTC(2000, i, 1))).indexOf(monthName!);
  const day = Number(await days.locator('[aria-pressed="true"]').textContent());
  await page.getByLabel("Zeiten anzeigen in").selectOption("America/New_York");
  const newYork = await page.getByRole("group", { name: /^Uhrzeit am/ }).getByRole("button").first().textContent();
  const [bh, bm] = berlin.split(":").map(Number) as [number, number];
  const [nh, nm] = newYork!.split(":").map(Number) as [number, number];
  // The instant of that Berlin wall time, and the two zones' offsets then: 6 hours most of the
  // year, 5 in the weeks when only one side has changed its clocks (March, October/November).
  const wall = Date.UTC(Number(year), month, day, bh, bm);
  const instant = wall - offsetMinutes("Europe/Berlin", wall - offsetMinutes("Europe/Berlin", wall) * 60_000) * 60_000;
  const expected = offsetMinutes("Europe/Berlin", instant) - offsetMinutes("America/New_York", instant);
  expect(((bh * 60 + bm - (nh * 60 + nm)) + 1440) % 1440).toBe(expected);
});

test("bad booking requests get 4xx JSON and write nothing", async ({ request }) => {
  const from = new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const before = (await (await request.get(`/api/slots?from=${from}&to=${to}`)).json()).slots as { start: string }[];
  const slot = before[0]!.start;
  const valid = { start: slot, name: "Böse Eingabe", email: "bad-input@example.com", channel: "video", consent: true };
  const bodies: unknown[] = [
    {},
    { ...valid, start: "morgen" },
    { ...valid, start: "2020-01-01T10:00:00Z" },
    { ...valid, start: "9999-12-31T10:00:00Z" },
    { ...valid, start: new Date(Date.parse(slot) + 7 * 60_000).toISOString() },
    { ...valid, name: "" },
    { ...valid, name: "x".repeat(1_000) },
    { ...valid, name: "Null\u0000Byte" },
    { ...valid, email: "keine-adresse" },
    { ...valid, email: 42 },
    { ...valid, channel: "brieftaube" },
    { ...valid, channel: "phone" },
    { ...valid, consent: false },
    { ...valid, consent: "true" },
    { ...valid, message: "m".repeat(5_000) },
    { ...valid, phone: "<script>" },
    { ...valid, admin: true },
    { ...valid, selfCheck: { signs: { stress_onset: true }, redFlags: {} } },
    { ...valid, selfCheck: "13 von 13" },
    JSON.parse('{"__proto__": {"polluted": true}, "start": "x"}'),
    [valid],
  ];
  // Each request from its own loopback address, so the rate limit does not answer in place of validation.
  for (const body of bodies) {
    const response = await loopbackClient(baseURL()).post("/api/bookings", body);
    expect(response.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.json()).toHaveProperty("error");
  }
  const raw = [
    { data: "not json", contentType: "application/json" },
    { data: "start=x", contentType: "application/x-www-form-urlencoded" },
    { data: JSON.stringify({ ...valid, message: "x".repeat(100_000) }), contentType: "application/json" },
  ];
  for (const r of raw) {
    const response = await loopbackClient(baseURL()).post("/api/bookings", r.data, { "content-type": r.contentType });
    expect([400, 413]).toContain(response.status);
  }
  const after = (await (await request.get(`/api/slots?from=${from}&to=${to}`)).json()).slots as { start: string }[];
  expect(after.map((s) => s.start)).toContain(slot);
  expect(await mailFor(request, "bad-input@example.com")).toEqual([]);
});

test("too many booking requests from one address get 429 with Retry-After", async () => {
  const visitor = loopbackClient(baseURL());
  let last = await visitor.post("/api/bookings", {});
  for (let i = 0; i < 30 && last.status !== 429; i++) last = await visitor.post("/api/bookings", {});
  expect(last.status).toBe(429);
  expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
  expect((last.json() as { error: string }).error).toBe("rate_limited");
});

test("a forged X-Forwarded-For, X-Real-IP or client-address header does not dodge the limit", async () => {
  // One client (one loopback address) that writes a new address into every header it can: the
  // server counts its socket, so the limit (10 an hour in these tests) still answers 429.
  const visitor = loopbackClient(baseURL());
  const statuses: number[] = [];
  for (let i = 0; i < 15; i++) {
    const forged = `198.51.${Math.floor(i / 200)}.${(i % 200) + 1}`;
    const response = await visitor.post("/api/bookings", {}, {
      "content-type": "application/json",
      "x-forwarded-for": forged,
      "x-real-ip": forged,
      "x-praxis-client-ip": forged,
    });
    statuses.push(response.status);
    if (response.status === 429) break;
  }
  expect(statuses.at(-1)).toBe(429);
  // An empty last X-Forwarded-For entry once fell back to X-Real-IP: it counts no more than the rest.
  const more = await visitor.post("/api/bookings", {}, { "content-type": "application/json", "x-forwarded-for": "203.0.113.9, ", "x-real-ip": "203.0.113.10" });
  expect(more.status).toBe(429);
});

/** Free slots on Saturdays in the practice's zone, as /api/slots offers them: date and Berlin wall times, by Intl. */
async function saturdaySlots(page: Page, from: string, to: string) {
  const { slots } = (await (await page.request.get(`/api/slots?from=${from}&to=${to}`)).json()) as { slots: { start: string; end: string }[] };
  const berlin = (iso: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", ...options }).format(new Date(iso));
  return slots
    .filter((s) => berlin(s.start, { weekday: "long" }) === "Saturday")
    .map((s) => ({
      start: s.start,
      date: berlin(s.start, { year: "numeric", month: "2-digit", day: "2-digit" }),
      time: berlin(s.start, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    }));
}

test("the coach sees the consultation and can set availability", async ({ page }) => {
  await signInCoach(page);
  await page.goto("/coach/verfuegbarkeit");
  await expectAccessible(page);
  await page.getByLabel("Samstag").fill("10:00-9:00");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("liegt das Ende nicht nach dem Anfang")).toBeVisible();

  // The demo practice is closed on Saturdays; opened from 10:00 to 11:30, the change is kept
  // and visitors are offered those times (30-minute consultations every 30 minutes).
  const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 24 * 86_400_000).toISOString().slice(0, 10);
  expect(await saturdaySlots(page, from, to)).toEqual([]);
  await page.getByLabel("Samstag").fill("10:00-11:30");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Gespeichert.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Samstag")).toHaveValue("10:00-11:30");
  const opened = await saturdaySlots(page, from, to);
  expect(opened, "Saturday slots once Saturdays are open").not.toEqual([]);
  const saturday = opened.at(-1)!.date;
  expect(opened.filter((s) => s.date === saturday).map((s) => s.time)).toEqual(["10:00", "10:30", "11:00"]);

  // A visitor books that Saturday at 10:00; the coach's list shows the name and the time.
  const email = `sabine-${Date.now()}@example.com`;
  const booked = await loopbackClient(baseURL()).post("/api/bookings", {
    start: opened.find((s) => s.date === saturday)!.start,
    name: "Sabine Samstag",
    email,
    channel: "video",
    consent: true,
  });
  expect(booked.status).toBe(201);
  await page.goto("/coach/termine");
  await expectAccessible(page);
  await expect(page.getByRole("heading", { level: 1, name: "Erstgespräche" })).toBeVisible();
  const card = page.getByRole("article").filter({ hasText: email });
  const [y, m, d] = saturday.split("-").map(Number) as [number, number, number];
  const dateText = new Intl.DateTimeFormat("de-DE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
  await expect(card.getByRole("heading", { level: 3 })).toHaveText(`Sabine Samstag · ${dateText} um 10:00 Uhr`);
  await expect(card.getByText("Wartet auf Bestätigung")).toBeVisible();

  // Closed again (as the other journeys expect), and the booking cancelled.
  await card.getByRole("button", { name: "Absagen" }).click();
  await expect(page.getByText(/^Abgesagt\. Die Person bekommt/)).toBeVisible();
  await page.goto("/coach/verfuegbarkeit");
  await page.getByLabel("Samstag").fill("");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Gespeichert.")).toBeVisible();
  expect(await saturdaySlots(page, from, to)).toEqual([]);
});

test("the coach turns a consultation into a client, whose invitation link opens the dashboard", async ({ page, browser }) => {
  const email = `neu-${Date.now()}@example.com`;
  const from = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const { slots } = (await (await page.request.get(`/api/slots?from=${from}&to=${to}`)).json()) as { slots: { start: string }[] };
  const booked = await loopbackClient(baseURL()).post("/api/bookings", {
    start: slots[3]!.start,
    name: "Nora Neu",
    email,
    channel: "phone",
    phone: "+49 30 1234567",
    consent: true,
  });
  expect(booked.status).toBe(201);
  const request = await waitForMail(page, email, /^Bitte bestätige/);
  await page.goto(request.text.match(/https?:\/\/\S+\/termin\/bestaetigen\/\S{43}/)![0]);
  await page.getByRole("button", { name: "Ja, Termin bestätigen" }).click();
  await expect(page.getByText("Bestätigt!")).toBeVisible();

  const coach = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signInCoach(coach);
  await coach.goto("/coach/termine");
  const card = coach.getByRole("article").filter({ hasText: "Nora Neu" });
  await expect(card.getByText("Bestätigt")).toBeVisible();
  await expect(card.getByText("+49 30 1234567")).toBeVisible();
  // Asked once more before an account is made and an email goes out.
  await card.getByRole("button", { name: "Als Klient*in aufnehmen …" }).click();
  const confirm = coach.getByRole("dialog", { name: "Nora Neu als Klient*in aufnehmen?" });
  await expect(confirm).toContainText(email);
  await confirm.getByRole("button", { name: "Ja, aufnehmen und einladen" }).click();
  await expect(coach.getByText("Zugang angelegt und Einladung verschickt.")).toBeVisible();

  const invitation = await waitForMail(page, email, /^Dein Zugang bei/);
  const link = magicLinkIn(invitation);
  const client = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await openSignInLink(client, link);
  await expect(client).toHaveURL(/\/dashboard$/);
  await expect(client.getByRole("heading", { name: /Hallo Nora/ })).toBeVisible();

  // The coach can still cancel the consultation; the person is told with a CANCEL invitation.
  await coach.goto("/coach/termine");
  await coach.getByRole("article").filter({ hasText: "Nora Neu" }).getByLabel(/Grund/).fill("Krankheit");
  await coach.getByRole("article").filter({ hasText: "Nora Neu" }).getByRole("button", { name: "Absagen" }).click();
  await expect(coach.getByText(/^Abgesagt\. Die Person bekommt/)).toBeVisible();
  const cancelled = await waitForMail(page, email, /^Dein Erstgespräch wurde abgesagt/);
  expect(cancelled.text).toContain("Krankheit");
  expect(Buffer.from(cancelled.attachments[0]!.content, "base64").toString("utf8")).toContain("METHOD:CANCEL");
});

test("a visitor may send the self-check along with the booking, and only then the coach sees it", async ({ page, browser }) => {
  await page.goto("/selbsttest");
  await answerSelfCheck(page, 10);
  await expect(page.getByText("10 von 13 Anzeichen treffen auf dich zu")).toBeVisible();
  await page.getByRole("link", { name: "Kostenloses Erstgespräch buchen" }).click();
  await expect(page).toHaveURL(/\/erstgespraech$/);
  const attach = page.getByLabel(/Mein Selbsttest-Ergebnis mitschicken \(10 von 13 Anzeichen\)/);
  await expect(attach).not.toBeChecked();
  await pickFirstFreeSlot(page, 1);
  await page.getByLabel("Name").fill("Selma Selbsttest");
  await page.getByLabel("E-Mail-Adresse").fill(`selma-${Date.now()}@example.com`);
  await attach.check();
  await page.getByLabel(/Ich willige ein/).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Erstgespräch buchen" }).click();
  await expect(page.getByRole("heading", { name: "Fast geschafft!" })).toBeVisible();

  // Not ticked: nothing is sent.
  await page.goto("/erstgespraech");
  await pickFirstFreeSlot(page, 2);
  await page.getByLabel("Name").fill("Olaf Ohne");
  await page.getByLabel("E-Mail-Adresse").fill(`olaf-${Date.now()}@example.com`);
  await page.getByLabel(/Ich willige ein/).check();
  await page.getByRole("button", { name: "Erstgespräch buchen" }).click();
  await expect(page.getByRole("heading", { name: "Fast geschafft!" })).toBeVisible();

  const coach = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signInCoach(coach);
  await coach.goto("/coach/termine");
  const selma = coach.getByRole("article").filter({ hasText: "Selma Selbsttest" });
  await expect(selma.getByText(/Selbsttest mitgeschickt: 10 von 13 Anzeichen \(Viele Anzeichen treffen zu\)/)).toBeVisible();
  await expect(coach.getByRole("article").filter({ hasText: "Olaf Ohne" }).getByText(/Selbsttest mitgeschickt/)).toHaveCount(0);
  await expectAccessible(coach);
});
