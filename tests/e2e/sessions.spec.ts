import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, mailFor, signIn } from "./support/app";
import { signInCoach } from "./support/coach";

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

const icsOf = (mail: Mail) => Buffer.from(mail.attachments[0]!.content, "base64").toString("utf8");

/** DTSTART (written in UTC) as a calendar app in Berlin shows it, "2026-12-03 07:15", by Intl. */
function berlinStart(ics: string): string {
  const [, y, mo, d, h, mi] = ics.match(/\r\nDTSTART:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})\d{2}Z\r\n/)!;
  const instant = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin", dateStyle: "short", timeStyle: "short" }).format(instant);
}

test("the coach schedules, moves and cancels a session for Anna, who sees it with the note and gets every invitation", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  // Early in the morning, outside the published hours: the coach may book there, and no
  // consultation of another journey sits at that time.
  const date = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);

  await signInCoach(page);
  await page.goto("/coach/klienten");
  await page.getByRole("link", { name: "Anna Keller" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Sitzungen" })).toBeVisible();
  const form = page.getByRole("region", { name: "Neue Sitzung eintragen" });
  await form.getByRole("button", { name: "Sitzung eintragen" }).click();
  await expect(form.getByText("Bitte wähle ein Datum.")).toBeVisible();
  await form.getByLabel("Datum").fill(date);
  await form.getByLabel("Uhrzeit").fill("07:15");
  await form.getByLabel("Sitzungsart").selectOption({ label: "Coaching-Sitzung (50 Min.)" });
  await form.getByLabel("Ort oder Link").fill("https://meet.example.com/anna-e2e");
  await form.getByLabel("Notiz an Anna").fill("Bring gern dein Tagebuch mit.");
  await form.getByRole("button", { name: "Sitzung eintragen" }).click();
  await expect(form.getByText("Sitzung eingetragen.")).toBeVisible();
  await expectAccessible(page);

  const invite = await waitForMail(page, "anna@example.com", /^Neuer Termin: Coaching-Sitzung/);
  // The note is read in Anna's area: the email and the invitation only say that it is there.
  expect(invite.text).not.toContain("Bring gern dein Tagebuch mit.");
  expect(invite.text).toContain("Notiz zu diesem Termin hinterlassen");
  expect(invite.text).toContain("/dashboard/termine");
  const ics = icsOf(invite);
  expect(ics.replace(/\r\n /g, "")).not.toContain("Bring gern dein Tagebuch mit.");
  expect(ics).toContain("METHOD:REQUEST");
  expect(ics).toContain("SEQUENCE:0");
  expect(berlinStart(ics)).toBe(`${date} 07:15`);
  expect(ics.replace(/\r\n /g, "")).not.toContain("Bring gern dein Tagebuch mit."); // the note is read in the portal
  expect(ics).toContain("LOCATION:https://meet.example.com/anna-e2e");
  const uid = ics.match(/UID:(\S+)/)![1];

  // Private notes and homework, saved on the session.
  const session = page.getByRole("article", { name: /Coaching-Sitzung/ }).first();
  await session.getByText("Notizen und Hausaufgabe bearbeiten").click();
  await session.getByLabel("Private Notizen (nur für dich)").fill("**Nur für mich:** Angst vor dem Bücken ansprechen.");
  await session.getByLabel("Hausaufgabe für Anna").fill("Jeden Abend fünf Minuten Körperscan.");
  await session.getByRole("button", { name: "Notizen speichern" }).click();
  await expect(session.getByText("Gespeichert.")).toBeVisible();

  // Anna sees the session with the note and the homework, never the private notes.
  const anna = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signIn(anna, "anna@example.com");
  await anna.goto("/dashboard/termine");
  const card = anna.getByRole("article", { name: /Coaching-Sitzung/ });
  await expect(card).toContainText("Bring gern dein Tagebuch mit.");
  await expect(card).toContainText("https://meet.example.com/anna-e2e");
  await expect(card).toContainText("Jeden Abend fünf Minuten Körperscan.");
  await expect(anna.getByText("Angst vor dem Bücken")).toHaveCount(0);
  await expectAccessible(anna);
  const download = await anna.request.get((await card.getByRole("link", { name: "In den Kalender (.ics)" }).getAttribute("href"))!);
  const downloaded = await download.text();
  expect(downloaded).toContain(`UID:${uid}`);
  expect(downloaded).toContain("SUMMARY:Coaching-Sitzung mit Mara Lindner");

  // The coach moves it: same UID, SEQUENCE 1.
  await session.getByRole("button", { name: "Verschieben …" }).click();
  await session.getByLabel("Neue Uhrzeit").fill("07:45");
  await session.getByLabel("Grund (optional)").fill("Mir ist etwas dazwischengekommen.");
  await session.getByRole("button", { name: "Verschieben", exact: true }).click();
  await expect(session.getByText("Verschoben.")).toBeVisible();
  const moved = icsOf(await waitForMail(page, "anna@example.com", /^Termin verschoben: Coaching-Sitzung/));
  expect(moved).toContain(`UID:${uid}`);
  expect(moved).toContain("SEQUENCE:1");
  expect(berlinStart(moved)).toBe(`${date} 07:45`);

  // And cancels it: METHOD:CANCEL, SEQUENCE 2.
  await session.getByRole("button", { name: "Schließen" }).click();
  await session.getByRole("button", { name: "Absagen …" }).click();
  await session.getByLabel("Grund der Absage").fill("Ich bin leider krank.");
  await session.getByRole("button", { name: "Ja, absagen" }).click();
  // The session moves to the past and cancelled ones.
  await expect(page.getByRole("article", { name: /Coaching-Sitzung.*abgesagt/ })).toBeVisible();
  const cancelled = await waitForMail(page, "anna@example.com", /^Termin abgesagt: Coaching-Sitzung/);
  expect(cancelled.attachments[0]!.filename).toBe("absage.ics");
  const cancelIcs = icsOf(cancelled);
  expect(cancelIcs).toContain("METHOD:CANCEL");
  expect(cancelIcs).toContain(`UID:${uid}`);
  expect(cancelIcs).toContain("SEQUENCE:2");
  for (const mail of (await mailFor(page.request, "anna@example.com")) as Mail[])
    expect(mail.text + mail.html).not.toContain("Angst vor dem Bücken");
});
