import type { Metadata } from "next";
import Link from "next/link";
import { ExerciseForm } from "@/components/practice/ExerciseForm";
import { exerciseKinds } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { saveExerciseAction } from "@/lib/practice/actions";
import { listExercises } from "@/lib/practice/exercises";
import { kindLabel } from "@/lib/practice/schemas";

export const metadata: Metadata = { title: "Übungen", robots: { index: false } };

const kinds = exerciseKinds.map((k) => ({ value: k, label: kindLabel[k] }));

/** The exercise library: the built-in exercises, the coach's own (archived ones too), and a form for a new one. */
export default async function CoachExercisesPage() {
  await requireRole("coach", "/coach/uebungen");
  const library = await listExercises({ archived: true });
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1>Übungen</h1>
        <p className="text-muted">
          Die Bibliothek, die deine Klient*innen unter „Übungen“ sehen. Die mitgelieferten Übungen bleiben, wie sie sind; eigene kannst du
          anlegen, ändern, mit deiner Aufnahme versehen und archivieren. Hausaufgaben gibst du auf der Seite einer Person.
        </p>
      </div>
      <section aria-labelledby="bibliothek" className="flex flex-col gap-3">
        <h2 id="bibliothek">Bibliothek</h2>
        <ul className="flex flex-col gap-2">
          {library.map((e) => (
            <li key={e.id} className="rounded-xl border border-line bg-surface p-4">
              <Link href={`/coach/uebungen/${e.id}`} className="font-semibold">
                {e.title}
              </Link>
              <p className="text-sm text-muted">
                {kindLabel[e.kind]} · {e.minutes} Min. · {e.builtinKey ? "mitgeliefert" : "eigene"}
                {e.audioId ? " · mit Aufnahme" : ""}
                {e.archived ? " · archiviert" : ""}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="neu" className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5">
        <h2 id="neu">Neue Übung</h2>
        <ExerciseForm action={saveExerciseAction} kinds={kinds} />
      </section>
    </div>
  );
}
