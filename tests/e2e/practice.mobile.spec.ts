import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, mailFor, signIn } from "./support/app";
import { signInCoach } from "./support/coach";

/*
 * Practice between sessions on a phone (390 × 844): Anna sees her homework first, opens it, reads
 * the coach's feedback on an earlier practice (demo data), logs a practice in a few taps and sees
 * at once what was saved; the coach answers that practice, Anna gets an email that says so (and
 * nothing of it), and reads the answer beside it.
 * Then the coach attaches her own recording to an exercise and Anna's phone plays it (Range).
 */

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

/** A valid one-second WAV (8 kHz, 8 bit, mono) of a quiet tone, as a recorder might save it. */
function wav(): Buffer {
  const samples = Buffer.from(Array.from({ length: 8000 }, (_, i) => 128 + Math.round(20 * Math.sin((i / 8000) * 2 * Math.PI * 440))));
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(36 + samples.length, 4);
  header.write("WAVEfmt ", 8, "latin1");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write("data", 36, "latin1");
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

test("Anna logs a practice of her homework on a phone, sees what was saved, and reads the coach's feedback", async ({ page, browser }) => {
  test.setTimeout(150_000); // two sign-ins on a busy machine
  await signIn(page, "anna@example.com");
  await page.goto("/dashboard/uebungen");
  const homework = page.getByRole("region", { name: "Deine Hausaufgaben" });
  const tracking = homework.getByRole("link", { name: /Somatic Tracking/ });
  await expect(tracking).toContainText(/täglich · diese Woche \d+ von \d/);
  await expect(homework.getByRole("link", { name: /Gute Momente auskosten/ })).toContainText("3× pro Woche");
  await expect(page.getByRole("region", { name: "Alle Übungen" }).getByRole("link", { name: /Freies Schreiben/ })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "uebungen");

  await tracking.click();
  await expect(page.getByRole("heading", { level: 1, name: "Somatic Tracking" })).toBeVisible();
  // The coach's answer to an earlier practice, beside it.
  const answered = page.getByRole("listitem").filter({ hasText: "Das Ziehen war da" });
  await expect(answered).toContainText("Rückmeldung von Mara");
  await expect(answered).toContainText("Schön beobachtet, Anna!");

  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Übung eintragen" }) });
  await expect(form.getByLabel("Wie viele Minuten?")).toHaveValue("10");
  await form.getByLabel("Wie viele Minuten?").fill("12");
  await form.getByLabel("Angst vorher").selectOption("7");
  await form.getByLabel("Angst nachher").selectOption("3");
  await form.getByLabel("Stärke vorher").selectOption("5");
  await form.getByLabel("Stärke nachher").selectOption("4");
  const note = `Abends auf dem Sofa ${Date.now()}`;
  await form.getByLabel("Kurze Notiz (optional)").fill(note);
  await shot(page, "uebung-formular");
  await form.getByRole("button", { name: "Übung eintragen" }).click();

  const saved = page.getByRole("status").filter({ hasText: "Gespeichert: 12 Min., Angst 7 → 3, Stärke 5 → 4." });
  await expect(saved).toBeInViewport();
  await expect(saved).toContainText(/Diese Woche: \d+ von \d\./);
  await expect(page.getByRole("listitem").filter({ hasText: note })).toContainText("Angst 7 → 3 · Stärke 5 → 4");
  await expectAccessible(page);
  await shot(page, "uebung-gespeichert");

  // The coach answers this practice from Anna's record.
  const coach = await (
    await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 390, height: 844 } })
  ).newPage();
  await signInCoach(coach);
  await coach.goto("/coach/klienten");
  await coach.getByRole("link", { name: "Anna Keller" }).first().click();
  const practice = coach.getByRole("region", { name: "Übungen", exact: true });
  await expect(practice.getByRole("region", { name: "Angst und Stärke während des Übens (letzte 12 Wochen)" })).toContainText(
    /Die Angst sinkt deutlicher als die Stärke/,
  );
  await expect(practice.getByRole("article", { name: /Somatic Tracking: täglich/ }).getByRole("table")).toContainText("(läuft)");
  const log = practice.getByRole("listitem").filter({ hasText: note });
  await log.getByText("Rückmeldung geben").click();
  await log.getByLabel("Rückmeldung an Anna").fill("Sieben auf drei: Die Angst hat losgelassen. Bleib neugierig dabei.");
  await log.getByRole("button", { name: "Rückmeldung speichern" }).click();
  await expect(log.getByRole("status")).toHaveText("Deine Rückmeldung ist gespeichert und erscheint beim Eintrag.");
  // Anna hears of it by email, which links to the exercise and quotes neither the answer nor her note.
  let told: Awaited<ReturnType<typeof mailFor>>[number] | undefined;
  await expect
    .poll(async () => (told = (await mailFor(page.request, "anna@example.com")).find((m) => m.subject === "Mara hat dir geantwortet")), {
      timeout: 15_000,
    })
    .toBeTruthy();
  const link = told!.text.match(/https?:\/\/\S+\/dashboard\/uebungen#rueckmeldungen/)?.[0];
  expect(link, "the email links to the latest answers").toBeTruthy();
  for (const secret of ["Sieben auf drei", note, "Somatic Tracking", "00000000-0000-4000-8000-00000000e001"])
    expect(`${told!.subject}\n${told!.html}\n${told!.text}`).not.toContain(secret);
  // The link opens Anna's exercises with the answer at the top, in view.
  await page.goto(new URL(link!).pathname + "#rueckmeldungen");
  const answers = page.getByRole("region", { name: "Neue Rückmeldungen" });
  await expect(answers.getByRole("listitem").filter({ hasText: note })).toContainText("Sieben auf drei: Die Angst hat losgelassen.");
  await expect(answers).toBeInViewport();
  await expectAccessible(page);
  await shot(page, "neue-rueckmeldungen");
  await expectAccessible(coach);
  await practice.screenshot({ path: test.info().outputPath("coach-uebungen.png") });
  // The record page is no wider than the phone.
  expect(await coach.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.reload();
  const mine = page.getByRole("listitem").filter({ hasText: note });
  await expect(mine).toContainText("Rückmeldung von Mara");
  await expect(mine).toContainText("Sieben auf drei: Die Angst hat losgelassen.");
  await page.goto("/dashboard/daten");
  await expect(page.getByText(/hat Übungen und Übungsprotokolle angesehen/).first()).toBeVisible();
  await coach.context().close();
});

test("the coach attaches her own recording to an exercise, and Anna's phone plays it from the site with Range requests", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await signInCoach(page);
  await page.goto("/coach/uebungen");
  const title = `Body-Scan mit Mara ${Date.now()}`;
  const form = page.getByRole("region", { name: "Neue Übung" });
  await form.getByLabel("Titel").fill(title);
  await form.getByLabel("Kurzbeschreibung").fill("Eine ruhige Reise durch den Körper.");
  await form.getByLabel("Anleitung").fill("Leg dich bequem hin und hör einfach zu.");
  // Not audio, whatever its name says: refused by its bytes.
  await form
    .getByLabel("Aufnahme wählen")
    .setInputFiles({ name: "scan.mp3", mimeType: "audio/mpeg", buffer: Buffer.from("<html>kein Ton</html>") });
  await form.getByRole("button", { name: "Hochladen" }).click();
  await expect(form.getByRole("alert")).toContainText("Das ist keine Audiodatei");
  await form.getByLabel("Aufnahme wählen").setInputFiles({ name: "scan.wav", mimeType: "audio/wav", buffer: wav() });
  await form.getByRole("button", { name: "Hochladen" }).click();
  await expect(form.getByRole("status")).toContainText("Die Aufnahme ist hochgeladen.");
  await shot(page, "coach-neue-uebung");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await form.getByRole("button", { name: "Übung anlegen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Die Übung ist angelegt" })).toBeVisible();

  const anna = await (
    await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 390, height: 844 }, isMobile: true })
  ).newPage();
  await signIn(anna, "anna@example.com");
  await anna.goto("/dashboard/uebungen");
  const ranged: number[] = [];
  anna.on("response", (r) => {
    if (r.url().includes("/audio/")) ranged.push(r.status());
  });
  await anna.getByRole("link", { name: new RegExp(title) }).click();
  const player = anna.locator("audio");
  await expect(player).toBeVisible();
  // The browser has read the recording's length: it was served and understood.
  await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.duration)).toBeCloseTo(1, 1);
  const src = await player.getAttribute("src");
  const piece = await anna.request.get(src!, { headers: { range: "bytes=0-3" } });
  expect(piece.status()).toBe(206);
  expect(piece.headers()["content-range"]).toBe(`bytes 0-3/${wav().length}`);
  expect((await piece.body()).toString("latin1")).toBe("RIFF");
  expect(ranged.every((s) => s === 200 || s === 206)).toBe(true);
  await expectAccessible(anna);
  await shot(anna, "uebung-mit-aufnahme");
  // Signed out, the recording is not there for anyone.
  const stranger = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await stranger.request.get(src!)).status()).toBe(401);
  await stranger.close();
  await anna.context().close();
});
