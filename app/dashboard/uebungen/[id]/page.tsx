import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExerciseText } from "@/components/practice/ExerciseText";
import { PracticeLogForm } from "@/components/practice/PracticeLogForm";
import { PracticeLogList } from "@/components/practice/PracticeLogList";
import { requireRole } from "@/lib/auth/guards";
import { logPracticeAction } from "@/lib/practice/actions";
import { assignmentsOf } from "@/lib/practice/assignments";
import { getExercise } from "@/lib/practice/exercises";
import { logsOf } from "@/lib/practice/logs";
import { frequencyLabel } from "@/lib/practice/schemas";
import { getPracticeSettings } from "@/lib/settings/queries";
import { todayIn } from "@/lib/time/zone";
import { firstNameOf } from "@/lib/validation/first-name";

export const metadata: Metadata = { title: "Übung", robots: { index: false } };

/** One exercise: the guidance, the coach's recording, logging a practice, and the client's own practices of it with feedback. */
export default async function ExercisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRole("client", `/dashboard/uebungen/${id}`);
  const exercise = await getExercise(id, { id: user.id, role: "client" });
  if (!exercise) notFound();
  const settings = await getPracticeSettings();
  const today = todayIn(settings.timeZone);
  const [assignment, logs] = await Promise.all([
    assignmentsOf(user.id, today).then((all) => all.find((a) => a.exerciseId === exercise.id)),
    logsOf(user.id, { exerciseId: exercise.id, limit: 20 }),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <p>
          <Link href="/dashboard/uebungen">← Alle Übungen</Link>
        </p>
        <h1>{exercise.title}</h1>
        <p className="text-muted">
          etwa {exercise.minutes} Min.
          {assignment && (
            <>
              {" "}
              · Hausaufgabe {frequencyLabel[assignment.frequency]}, diese Woche {assignment.doneThisWeek} von {assignment.expectedThisWeek}
            </>
          )}
        </p>
        {assignment?.note && <p>{assignment.note}</p>}
        <p>
          <a href="#eintragen">Direkt zum Eintragen</a>
        </p>
      </div>
      {exercise.audioId && (
        <section aria-labelledby="aufnahme" className="flex flex-col gap-2">
          <h2 id="aufnahme" className="text-xl">
            Zum Anhören
          </h2>
          <audio controls preload="metadata" src={`/audio/${exercise.audioId}`} className="w-full">
            Dein Browser kann diese Aufnahme nicht abspielen.
          </audio>
        </section>
      )}
      <section aria-labelledby="anleitung" className="flex flex-col gap-2">
        <h2 id="anleitung" className="text-xl">
          Anleitung
        </h2>
        <ExerciseText body={exercise.body} />
      </section>
      <section aria-labelledby="eintragen" className="flex scroll-mt-4 flex-col gap-3 rounded-2xl border border-line bg-surface p-5">
        <h2 id="eintragen" className="text-xl">
          Übung eintragen
        </h2>
        <p className="text-sm text-muted">Angst und Stärke sind zwei verschiedene Dinge: Schätz sie getrennt ein, vorher und nachher.</p>
        <PracticeLogForm action={logPracticeAction.bind(null, exercise.id)} minutes={exercise.minutes} />
      </section>
      <section aria-labelledby="verlauf" className="flex flex-col gap-3">
        <h2 id="verlauf" className="text-xl">
          Deine letzten Einträge
        </h2>
        <PracticeLogList logs={logs} coachName={firstNameOf(settings.coachName) ?? "deiner Coach"} />
      </section>
    </div>
  );
}
