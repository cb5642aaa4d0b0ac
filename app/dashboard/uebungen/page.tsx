import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guards";
import { assignmentsOf } from "@/lib/practice/assignments";
import { PracticeLogList } from "@/components/practice/PracticeLogList";
import { listExercises } from "@/lib/practice/exercises";
import { recentAnswers } from "@/lib/practice/logs";
import { frequencyLabel, kindLabel } from "@/lib/practice/schemas";
import { getPracticeSettings } from "@/lib/settings/queries";
import { todayIn } from "@/lib/time/zone";
import { firstNameOf } from "@/lib/validation/first-name";

export const metadata: Metadata = { title: "Deine Übungen", robots: { index: false } };

/** The coach's latest answers (where their email leads), the client's homework (how often, how much this week), then the whole library. */
export default async function ExercisesPage() {
  const user = await requireRole("client", "/dashboard/uebungen");
  const settings = await getPracticeSettings();
  const today = todayIn(settings.timeZone);
  const [answers, assignments, library] = await Promise.all([recentAnswers(user.id), assignmentsOf(user.id, today), listExercises()]);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1>Deine Übungen</h1>
        <p className="text-muted">Kleine Übungen für die Zeit zwischen den Sitzungen. Nimm dir, was dir guttut, in deinem Tempo.</p>
      </div>
      {answers.length > 0 && (
        <section id="rueckmeldungen" aria-labelledby="rueckmeldungen-titel" className="flex scroll-mt-6 flex-col gap-3">
          <h2 id="rueckmeldungen-titel">Neue Rückmeldungen</h2>
          <PracticeLogList logs={answers} showTitle coachName={firstNameOf(settings.coachName) ?? "deiner Coach"} />
        </section>
      )}
      <section aria-labelledby="hausaufgaben" className="flex flex-col gap-3">
        <h2 id="hausaufgaben">Deine Hausaufgaben</h2>
        {assignments.length === 0 ? (
          <p className="text-muted">Gerade hast du keine Hausaufgabe. Du kannst trotzdem jede Übung aus der Bibliothek ausprobieren.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {assignments.map((a) => (
              <li key={a.id}>
                <Link
                  href={`/dashboard/uebungen/${a.exerciseId}`}
                  className="flex flex-col gap-1 rounded-2xl border border-accent/40 bg-surface p-4 no-underline hover:bg-accent-soft"
                >
                  <span className="text-lg font-semibold text-accent">{a.title}</span>
                  <span>
                    {frequencyLabel[a.frequency]} · diese Woche {a.doneThisWeek} von {a.expectedThisWeek}
                  </span>
                  {a.note && <span className="text-muted">{a.note}</span>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="bibliothek" className="flex flex-col gap-3">
        <h2 id="bibliothek">Alle Übungen</h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {library.map((e) => (
            <li key={e.id}>
              <Link
                href={`/dashboard/uebungen/${e.id}`}
                className="flex h-full flex-col gap-1 rounded-2xl border border-line bg-surface p-4 no-underline hover:bg-accent-soft"
              >
                <span className="font-semibold text-accent">{e.title}</span>
                <span className="text-sm text-muted">
                  {kindLabel[e.kind]} · etwa {e.minutes} Min.{e.audioId ? " · mit Aufnahme" : ""}
                </span>
                {e.summary && <span className="text-ink">{e.summary}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
