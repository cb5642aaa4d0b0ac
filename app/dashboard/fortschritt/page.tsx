import type { Metadata } from "next";
import { CheckinForm } from "@/components/outcomes/CheckinForm";
import { OutcomeSummary } from "@/components/outcomes/OutcomeSummary";
import { WeeklyCheckinForm } from "@/components/outcomes/WeeklyCheckinForm";
import { Card } from "@/components/ui/Card";
import { requireRole } from "@/lib/auth/guards";
import { weeklyCheckinOf } from "@/lib/outcomes/preferences";
import { listCheckins, nextCheckinKind } from "@/lib/outcomes/queries";
import { getPracticeSettings } from "@/lib/settings/queries";
import { addDays } from "@/lib/time/dates";
import { todayIn } from "@/lib/time/zone";

export const metadata: Metadata = { title: "Dein Fortschritt", robots: { index: false } };

const TIME_ZONES = Intl.supportedValuesOf("timeZone");

const titles = {
  baseline: "Dein Ausgangswert",
  weekly: "Dein wöchentlicher Check-in",
  follow_up_3m: "Check-in drei Monate danach",
  follow_up_6m: "Check-in sechs Monate danach",
  follow_up_12m: "Check-in zwölf Monate danach",
} as const;

/** The outcome check-in, the client's course since the baseline, and the weekly reminder's settings. */
export default async function ProgressPage() {
  const user = await requireRole("client", "/dashboard/fortschritt");
  const [settings, checkins, { kind }, weekly] = await Promise.all([
    getPracticeSettings(),
    listCheckins(user.id),
    nextCheckinKind(user.id, new Date()),
    weeklyCheckinOf(user.id),
  ]);
  const today = todayIn(weekly.timeZone ?? settings.timeZone);
  const latest = checkins.at(-1);
  // Done this week and nothing else asked: the course comes first, the form waits folded.
  const doneRecently = kind === "weekly" && latest !== undefined && latest.localDate > addDays(today, -6);
  const title = titles[kind];
  const intro =
    kind === "baseline"
      ? "Dieser erste Check-in ist dein Ausgangspunkt. Später siehst du daneben, was sich verändert hat."
      : "Acht kurze Fragen zu den letzten Tagen, keine Minute. Es gibt keine richtigen oder falschen Antworten.";
  return (
    <div className="flex flex-col gap-8">
      <h1>Dein Fortschritt</h1>
      <Card aria-labelledby="checkin" className="flex flex-col gap-4">
        <h2 id="checkin" className="text-xl">
          {doneRecently ? "Check-in" : title}
        </h2>
        <CheckinForm title={title} intro={intro} folded={doneRecently} />
      </Card>
      <section id="ergebnis" aria-labelledby="ergebnis-titel" className="flex scroll-mt-4 flex-col gap-4">
        <h2 id="ergebnis-titel">Anfang und jetzt</h2>
        <OutcomeSummary checkins={checkins} />
      </section>
      <Card id="erinnerung" aria-labelledby="erinnerung-titel" className="flex scroll-mt-4 flex-col gap-3">
        <h2 id="erinnerung-titel" className="text-xl">
          Wöchentliche Erinnerung
        </h2>
        <p className="text-muted">
          Solange dein Coaching läuft, erinnere ich dich einmal pro Woche per E-Mail an den Check-in. Die E-Mail enthält keine Angaben über
          dich.
        </p>
        <WeeklyCheckinForm {...weekly} practiceZone={settings.timeZone} zones={TIME_ZONES} />
      </Card>
    </div>
  );
}
