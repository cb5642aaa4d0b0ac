import type { Metadata } from "next";
import Link from "next/link";
import { ProgressCharts } from "@/components/journal/ProgressCharts";
import { ReportDownload } from "@/components/report/ReportDownload";
import { PolicyPrompt } from "@/components/cancellation/PolicyPrompt";
import { CheckinPrompt } from "@/components/outcomes/CheckinPrompt";
import { ClientSessionDetails, appointmentTitle } from "@/components/sessions/ClientSessionDetails";
import { ButtonLink } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { requireRole } from "@/lib/auth/guards";
import { listForClient } from "@/lib/appointments/client";
import { latestSelfCheck } from "@/lib/checks/results";
import { bandText, type Band } from "@/lib/checks/self-check";
import { average, currentStreak, fillDays, insightText } from "@/lib/journal/progress";
import { dailyAverages, entryDates, monthlyPain } from "@/lib/journal/queries";
import { getPracticeSettings } from "@/lib/settings/queries";
import { addDays } from "@/lib/time/dates";
import { formatAppointmentTime, formatCalendarDate } from "@/lib/time/format";
import { WEEKLY_FROM_DAYS } from "@/lib/journal/weeks";
import { todayIn } from "@/lib/time/zone";
import { firstNameOf } from "@/lib/validation/first-name";

export const metadata: Metadata = { title: "Dein Bereich", robots: { index: false } };

const RANGES = [7, 30, 90, 365] as const;

/**
 * A range's link. Its fragment brings the chart's section into view after the switch (Next's
 * router scrolls to it, as the browser does without JavaScript) instead of the top of the page.
 */
function rangeHref(days: number, daily: boolean): string {
  const query = new URLSearchParams({ ...(days !== 30 ? { tage: String(days) } : {}), ...(daily ? { punkte: "tage" } : {}) }).toString();
  return `/dashboard${query ? `?${query}` : ""}#verlauf`;
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ tage?: string; punkte?: string }> }) {
  const [user, settings, { tage, punkte }] = await Promise.all([requireRole("client", "/dashboard"), getPracticeSettings(), searchParams]);
  const days = RANGES.find((r) => String(r) === tage) ?? 30;
  const longRange = days >= WEEKLY_FROM_DAYS;
  const daily = !longRange || punkte === "tage";
  const today = todayIn(settings.timeZone);
  const from = addDays(today, -(days - 1));
  const thisMonth = today.slice(0, 7);
  const lastMonth = addDays(`${thisMonth}-01`, -1).slice(0, 7);
  const [points, dates, months, { upcoming }, check] = await Promise.all([
    dailyAverages(user.id, from, today),
    entryDates(user.id, addDays(today, -400)),
    monthlyPain(user.id, [lastMonth, thisMonth]),
    listForClient(user.id),
    latestSelfCheck(user.id),
  ]);
  const filled = fillDays(points, from, today);
  const streak = currentStreak(dates, today);
  const wroteToday = dates.includes(today);
  const insight = insightText(points);
  const next = upcoming[0];
  const firstName = firstNameOf(user.name);
  const thisAvg = months[thisMonth] ?? null;
  const lastAvg = months[lastMonth] ?? null;

  return (
    <div className="flex flex-col gap-8">
      <h1>{firstName ? `Hallo ${firstName}` : "Hallo"}, schön, dass du da bist.</h1>
      <PolicyPrompt userId={user.id} />
      <CheckinPrompt userId={user.id} />

      <div className="grid gap-4 md:grid-cols-2">
        <Card aria-labelledby="heute">
          <h2 id="heute" className="mb-2 text-xl">
            {wroteToday ? "Heute schon eingetragen" : "Wie geht es dir heute?"}
          </h2>
          <p className="mb-4 text-muted">
            {wroteToday
              ? "Danke! Wenn sich etwas verändert, kannst du jederzeit noch einen Eintrag machen."
              : "Zwei Zahlen genügen, dauert keine halbe Minute."}
          </p>
          <ButtonLink href="/dashboard/tagebuch" variant={wroteToday ? "secondary" : "primary"}>
            {wroteToday ? "Zum Tagebuch" : "Eintrag machen"}
          </ButtonLink>
        </Card>
        <Card aria-labelledby="naechster">
          <h2 id="naechster" className="mb-2 text-xl">
            Nächster Termin
          </h2>
          {next ? (
            <div className="flex flex-col gap-2">
              <p>
                {appointmentTitle(next)}: <strong>{formatAppointmentTime(next.startAt, settings.timeZone)}</strong>
              </p>
              <ClientSessionDetails appointment={next} />
            </div>
          ) : (
            <p className="text-muted">Gerade ist kein Termin geplant.</p>
          )}
          <p className="mt-3">
            <Link href="/dashboard/termine">Alle Termine</Link>
          </p>
        </Card>
      </div>

      <section id="verlauf" aria-labelledby="verlauf-titel" className="flex scroll-mt-4 flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="verlauf-titel">Dein Verlauf</h2>
          <nav aria-label="Zeitraum" className="flex flex-wrap gap-1.5">
            {RANGES.map((r) => (
              <Link
                key={r}
                href={rangeHref(r, false)}
                aria-current={r === days ? "page" : undefined}
                className="min-h-11 rounded-lg border border-line px-2.5 py-2 whitespace-nowrap no-underline aria-[current=page]:border-accent aria-[current=page]:bg-accent-soft"
              >
                {r === 365 ? "1 Jahr" : `${r} Tage`}
              </Link>
            ))}
          </nav>
        </div>
        <ProgressCharts days={filled} range={`letzte ${days === 365 ? "12 Monate" : `${days} Tage`}`} weekly={!daily} />
        {longRange && (
          <p className="-mt-2 text-sm">
            <Link href={rangeHref(days, !daily)}>{daily ? "Wochenmittel zeigen" : "Tageswerte zeigen"}</Link>
          </p>
        )}
        <dl className="grid gap-4 sm:grid-cols-3">
          <div className="rounded-2xl border border-line bg-surface p-4">
            <dt className="text-sm text-muted">Schmerz im {formatCalendarDate(`${thisMonth}-15`, "month")}</dt>
            <dd className="font-serif text-2xl font-semibold">{thisAvg === null ? "–" : thisAvg.toLocaleString("de-DE")}</dd>
            <dd className="text-sm text-muted">
              {lastAvg === null ? "Im Vormonat keine Einträge" : `Vormonat: ${lastAvg.toLocaleString("de-DE")}`}
              {thisAvg !== null && lastAvg !== null && thisAvg < lastAvg ? " – weniger als zuvor" : ""}
            </dd>
          </div>
          <div className="rounded-2xl border border-line bg-surface p-4">
            <dt className="text-sm text-muted">Tage in Folge</dt>
            <dd className="font-serif text-2xl font-semibold">{streak}</dd>
            <dd className="text-sm text-muted">
              {streak > 0 ? "Schön dranbleiben, auch kleine Schritte zählen." : "Heute ist ein guter Tag zum Anfangen."}
            </dd>
          </div>
          <div className="rounded-2xl border border-line bg-surface p-4">
            <dt className="text-sm text-muted">Durchschnitt im Zeitraum</dt>
            <dd className="font-serif text-2xl font-semibold">{average(points.map((p) => p.pain))?.toLocaleString("de-DE") ?? "–"}</dd>
            <dd className="text-sm text-muted">Schmerz; Stress {average(points.map((p) => p.stress))?.toLocaleString("de-DE") ?? "–"}</dd>
          </div>
        </dl>
        <ReportDownload href="/dashboard/bericht.pdf" today={today} />
        {insight && (
          <Card aria-labelledby="muster" className="bg-accent-soft">
            <h3 id="muster" className="mb-2">
              {insight.title}
            </h3>
            <p>{insight.text}</p>
          </Card>
        )}
      </section>

      <Card aria-labelledby="test">
        <h2 id="test" className="mb-2 text-xl">
          Dein Selbsttest
        </h2>
        {check ? (
          <p>
            Zuletzt {check.score} von 13 Anzeichen: {bandText[check.band as Band]?.title ?? check.band}.{" "}
            <Link href="/dashboard/selbsttest">Verlauf ansehen</Link>
          </p>
        ) : (
          <p>
            Noch kein Ergebnis gespeichert. <Link href="/selbsttest">Selbsttest machen</Link>
          </p>
        )}
      </Card>
    </div>
  );
}
