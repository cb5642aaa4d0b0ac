import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CoachBilling } from "@/components/billing/CoachBilling";
import { EntryDetails } from "@/components/journal/EntryDetails";
import { ProgressCharts } from "@/components/journal/ProgressCharts";
import { CoachPractice } from "@/components/practice/CoachPractice";
import { CoachSafetyEvidence } from "@/components/safety/CoachSafetyEvidence";
import { CoachOutcomes } from "@/components/outcomes/CoachOutcomes";
import { CoachSessions } from "@/components/sessions/CoachSessions";
import { Card } from "@/components/ui/Card";
import { requireRole } from "@/lib/auth/guards";
import { listSelfChecks } from "@/lib/checks/results";
import { bandText, type Band } from "@/lib/checks/self-check";
import { openClientRecord } from "@/lib/clients/coach-view";
import { AppError } from "@/lib/http/errors";
import { fillDays, insightForCoach } from "@/lib/journal/progress";
import { dailyAverages, listEntries } from "@/lib/journal/queries";
import { getPracticeSettings } from "@/lib/settings/queries";
import { addDays } from "@/lib/time/dates";
import { formatCalendarDate, formatDate } from "@/lib/time/format";
import { todayIn } from "@/lib/time/zone";
import { firstNameOf } from "@/lib/validation/first-name";

export const metadata: Metadata = { title: "Klient*in", robots: { index: false } };

/** Read-only view of a client's journal and self-checks; every visit is logged for the client to see. */
export default async function ClientRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const coach = await requireRole("coach", `/coach/klienten/${id}`);
  const client = await openClientRecord(coach, id, "Tagebuch und Selbsttests").catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const settings = await getPracticeSettings();
  const today = todayIn(settings.timeZone);
  const from = addDays(today, -89);
  const [points, entries, checks] = await Promise.all([
    dailyAverages(client.id, from, today),
    listEntries(client.id, { from }, { limit: 120 }),
    listSelfChecks(client.id),
  ]);
  const filled = fillDays(points, from, today);
  const insight = insightForCoach(points, firstNameOf(client.name) ?? "Die Person");
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1>{client.name ?? client.email}</h1>
        <p className="text-muted">
          {client.email} · Diese Ansicht wird für {firstNameOf(client.name) ?? "die Person"} protokolliert.
        </p>
      </div>
      <ProgressCharts days={filled} range="letzte 90 Tage" weekly />
      {insight && (
        <Card className="bg-accent-soft">
          <h2 className="mb-2 text-xl">{insight.title}</h2>
          <p>{insight.text}</p>
        </Card>
      )}
      <CoachSessions client={client} timeZone={settings.timeZone} />
      <CoachBilling client={client} timeZone={settings.timeZone} today={today} />
      <CoachPractice coach={coach} client={client} today={today} />
      <CoachSafetyEvidence coach={coach} client={client} today={today} />
      <CoachOutcomes coach={coach} client={client} />
      <section aria-labelledby="tests" className="flex flex-col gap-3">
        <h2 id="tests">Selbsttests</h2>
        {checks.length === 0 ? (
          <p className="text-muted">Noch keine.</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {checks.map((c) => (
              <li key={c.id}>
                {formatDate(c.createdAt, settings.timeZone)}: {c.score} von 13 ({bandText[c.band as Band]?.title ?? c.band})
                {c.redFlag ? ", Warnzeichen angegeben" : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="tagebuch" className="flex flex-col gap-3">
        <h2 id="tagebuch">Tagebuch (letzte 90 Tage)</h2>
        {entries.length === 0 ? (
          <p className="text-muted">Noch keine Einträge.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {entries.map((e) => (
              <li key={e.id} className="flex flex-col gap-1 rounded-xl border border-line bg-surface p-3">
                <strong>{formatCalendarDate(e.entryDate, "long")}</strong>
                <EntryDetails entry={e} timeZone={settings.timeZone} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
