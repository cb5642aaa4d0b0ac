import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExerciseForm } from "@/components/practice/ExerciseForm";
import { ExerciseText } from "@/components/practice/ExerciseText";
import { Notice } from "@/components/ui/Notice";
import { exerciseKinds } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { saveExerciseAction } from "@/lib/practice/actions";
import { getExercise } from "@/lib/practice/exercises";
import { kindLabel } from "@/lib/practice/schemas";

export const metadata: Metadata = { title: "Übung bearbeiten", robots: { index: false } };

const kinds = exerciseKinds.map((k) => ({ value: k, label: kindLabel[k] }));

/** One exercise for the coach: a built-in one to read, an own one to edit. */
export default async function CoachExercisePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ hinweis?: string }>;
}) {
  const { id } = await params;
  const coach = await requireRole("coach", `/coach/uebungen/${id}`);
  const exercise = await getExercise(id, { id: coach.id, role: "coach" });
  if (!exercise) notFound();
  const { hinweis } = await searchParams;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/coach/uebungen">← Alle Übungen</Link>
      </p>
      <h1>{exercise.title}</h1>
      {hinweis === "angelegt" && (
        <Notice tone="success" role="status">
          Die Übung ist angelegt und steht deinen Klient*innen in der Bibliothek zur Verfügung.
        </Notice>
      )}
      {exercise.builtinKey ? (
        <>
          <p className="text-muted">
            Eine mitgelieferte Übung ({kindLabel[exercise.kind]}, etwa {exercise.minutes} Min.). Sie lässt sich nicht ändern; schreib deine
            eigene Fassung als neue Übung, wenn du etwas anders sagen möchtest.
          </p>
          <ExerciseText body={exercise.body} />
        </>
      ) : (
        <ExerciseForm
          action={saveExerciseAction}
          kinds={kinds}
          exercise={{
            id: exercise.id,
            title: exercise.title,
            summary: exercise.summary,
            body: exercise.body,
            minutes: exercise.minutes,
            kind: exercise.kind,
            audioId: exercise.audioId,
            archived: exercise.archived,
          }}
        />
      )}
    </div>
  );
}
