import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./support/app";
import { signInCoach } from "./support/coach";

/** Taps one answer in the question group with that legend. */
async function answer(page: Page, question: string | RegExp, value: string) {
  await page.getByRole("group", { name: question }).getByText(value, { exact: true }).click();
}

/**
 * Four more clients with a baseline and a later check-in, written straight into the server's
 * PostgreSQL (only reachable when the server runs on it), so the practice's figures reach n = 5.
 */
async function fourMoreClients(): Promise<boolean> {
  if (!process.env.TEST_DATABASE_URL) return false;
  const { default: postgres } = await import("postgres");
  const sql = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    // baseline → latest average pain: 7 → 1, 5 → 2, 6 → 6, 4 → 0
    for (const [i, [baseline, latest]] of [
      [7, 1],
      [5, 2],
      [6, 6],
      [4, 0],
    ].entries()) {
      const email = `ergebnis${i}@example.com`;
      const [user] = await sql`insert into users (id, email, name, role) values (gen_random_uuid()::text, ${email}, ${`Ergebnis ${i}`}, 'client')
        on conflict (email) do update set name = excluded.name returning id`;
      await sql`delete from outcome_checkins where user_id = ${user!.id}`;
      for (const [kind, pain, ago] of [
        ["baseline", baseline, 70],
        ["weekly", latest, 7],
      ] as const) {
        await sql`insert into outcome_checkins (user_id, kind, local_date, average_pain, worst_pain, interference, damage_belief, phq1, phq2, phq3, phq4, elevated, coach_seen_at, created_at)
          values (${user!.id}, ${kind}, (now() - make_interval(days => ${ago}))::date, ${pain!}, ${pain!}, ${pain!}, ${pain!}, 0, 0, 0, 0, false, now(), now() - make_interval(days => ${ago}))`;
      }
    }
    return true;
  } finally {
    await sql.end();
  }
}

test("on a phone, Anna answers her weekly check-in and sees it against her baseline; the coach sees the practice's figures with n", async ({
  page,
}) => {
  test.setTimeout(150_000); // two sign-ins and a coach's passkey on a busy machine
  await signIn(page, "anna@example.com");
  await page.getByRole("link", { name: "Fortschritt" }).first().click();
  await expect(page.getByRole("heading", { name: "Dein wöchentlicher Check-in" })).toBeVisible();
  // Her seeded course: baseline 12 weeks ago at 6, so far down to 2.
  const course = page.getByRole("table", { name: /^Ausgangswert vom/ });
  await expect(course.getByRole("row", { name: /Schmerz im Durchschnitt/ }).getByRole("cell")).toHaveText(["6", "2"]);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("fortschritt-form-390.png"), fullPage: true });

  // Leaving out a question is refused, with the answers kept.
  await answer(page, /im Durchschnitt\?/, "1");
  await page.getByRole("button", { name: "Check-in speichern" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Bitte prüfe die markierten Felder." })).toBeVisible();
  await expect(page.getByText("Bitte wähle einen Wert von 0 bis 10.").first()).toBeVisible();

  await answer(page, /im schlimmsten Moment\?/, "3");
  await answer(page, /im Alltag ausgebremst\?/, "1");
  await answer(page, /Schaden in deinem Körper bedeuten\?/, "2");
  // PHQ-2 = 2 + 1 = 3: elevated, so a gentle word about the family doctor follows.
  await answer(page, /Wenig Interesse oder Freude an Ihren Tätigkeiten/, "An mehr als der Hälfte der Tage");
  await answer(page, /Niedergeschlagenheit, Schwermut oder Hoffnungslosigkeit/, "An einzelnen Tagen");
  await answer(page, /Nervosität, Ängstlichkeit oder Anspannung/, "Überhaupt nicht");
  await answer(page, /Nicht in der Lage sein, Sorgen zu stoppen/, "Überhaupt nicht");
  await page.getByRole("button", { name: "Check-in speichern" }).click();

  const saved = page.getByRole("status").filter({ hasText: "Danke! Dein Check-in ist gespeichert." });
  await expect(saved).toBeInViewport();
  // The answer's box (FormNotices) takes the focus, so a screen reader reads it at once.
  await expect(page.locator(":focus")).toContainText("Danke! Dein Check-in ist gespeichert.");
  const note = page.getByText(/Hausärztin oder deinem Hausarzt/);
  await expect(note).toBeVisible();
  await expect(note).not.toContainText(/Diagnose|Depression|Angststörung|Störung/);
  // Baseline against now: average pain 6 at the start, 1 now; and the careful sentence.
  await expect(course.getByRole("row", { name: /Schmerz im Durchschnitt/ }).getByRole("cell")).toHaveText(["6", "1"]);
  await expect(course.getByRole("row", { name: /Glaube an einen Schaden/ }).getByRole("cell")).toHaveText(["8", "2"]);
  await expect(page.getByText(/Seit dem \d+\. \S+ \d{4} liegt dein Durchschnitt bei 0–1\./)).toBeVisible();
  await expect(page.getByText(/geheilt/i)).toHaveCount(0);
  await expect(page.getByRole("img", { name: /Verlauf seit dem Ausgangswert/ })).toBeVisible();
  await page.getByRole("link", { name: "Zu deinem Verlauf" }).click();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("fortschritt-after-390.png"), fullPage: true });

  // Her own check-ins as JSON.
  const api = await page.request.get("/api/outcomes");
  expect(api.status()).toBe(200);
  const { checkins } = await api.json();
  expect(checkins.at(-1)).toMatchObject({ kind: "weekly", averagePain: 1, damageBelief: 2 });

  // The coach, on a phone too: the agenda flags the check-in, the results page shows figures with n.
  const many = await fourMoreClients();
  const coach = await (
    await page
      .context()
      .browser()!
      .newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 390, height: 844 } })
  ).newPage();
  await signInCoach(coach);
  await coach.goto("/coach");
  await expect(coach.getByRole("link", { name: /Check-in von Anna Keller: PHQ-4 erhöht/ })).toBeVisible();
  await coach.getByRole("link", { name: "Ergebnisse" }).first().click();
  await expect(coach.getByRole("heading", { name: "Ergebnisse der Praxis" })).toBeVisible();
  await expect(coach.getByText(/keine Angaben einzelner Personen/)).toBeVisible();
  await expect(coach.getByText(/Heilmittelwerbegesetz/)).toBeVisible();
  if (many) {
    // Anna 6 → 1 and the four: 7 → 1, 5 → 2, 6 → 6, 4 → 0. At 0–1: 3 of 5; changes −5, −6, −3, 0, −4 → median −4;
    // reductions 83 %, 86 %, 60 %, 0 %, 100 % → ≥ 30 %: 4 of 5, ≥ 50 %: 4 of 5.
    const figure = (term: string) => coach.locator("dl > div").filter({ has: coach.getByText(term, { exact: true }) });
    await expect(figure("Klient*innen (n)")).toContainText("5");
    await expect(figure("Zuletzt bei 0–1")).toContainText("60 %");
    await expect(figure("Median der Veränderung")).toContainText("−4 Punkte");
    await expect(figure("Mindestens 30 % weniger")).toContainText("80 %");
    await expect(figure("Mindestens 50 % weniger")).toContainText("80 %");
    await expect(coach.getByText("Kleine Zahlen (n = 5)")).toBeVisible();
  } else {
    await expect(coach.getByText("Noch zu wenige für Zahlen (n = 1)")).toBeVisible();
  }
  await expectAccessible(coach);
  await coach.screenshot({ path: test.info().outputPath("ergebnisse-390.png"), fullPage: true });

  // Anna's page: her check-ins, the view logged, the flag gone from the agenda.
  await coach.goto("/coach");
  await coach.getByRole("link", { name: /Check-in von Anna Keller/ }).click();
  await expect(coach.getByRole("heading", { name: "Check-ins" })).toBeVisible();
  await expect(coach.getByText(/PHQ-4 im letzten Check-in .*: 3 von 12 \(PHQ-2 3, GAD-2 0\)/)).toBeVisible();
  await coach.getByRole("heading", { name: "Check-ins" }).scrollIntoViewIfNeeded();
  await coach.screenshot({ path: test.info().outputPath("coach-checkins-390.png"), fullPage: true });
  await coach.getByRole("button", { name: "Um einen neuen Ausgangswert bitten" }).click();
  await expect(coach.getByText("Du hast um einen neuen Ausgangswert gebeten")).toBeVisible();
  await coach.goto("/coach");
  await expect(coach.getByRole("link", { name: /Check-in von Anna Keller/ })).toHaveCount(0);
  await coach.context().close();

  // Anna sees the calm invitation on her dashboard, and her check-ins are in her CSV export.
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Wo stehst du gerade?" })).toBeVisible();
  const csv = await (await page.request.get("/dashboard/daten/fortschritt.csv")).text();
  expect(csv.split("\r\n")[0]).toContain('"Datum";"Art";"Schmerz Durchschnitt"');
  expect(csv).toMatch(/"weekly";"1";"3";"1";"2";"2";"1";"0";"0"/);
});
