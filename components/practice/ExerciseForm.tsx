"use client";

import { ActionForm, type FormAction } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { Field, Select, TextArea } from "@/components/ui/Field";
import { AudioUpload } from "./AudioUpload";

export type ExerciseFormValues = {
  id: string;
  title: string;
  summary: string;
  body: string;
  minutes: number;
  kind: string;
  audioId: string | null;
  archived: boolean;
};

/** The coach's own exercise: title, kind, length, a short summary, the guidance, an optional recording. */
export function ExerciseForm({
  action,
  exercise,
  kinds,
}: {
  action: FormAction;
  exercise?: ExerciseFormValues;
  kinds: { value: string; label: string }[];
}) {
  return (
    <ActionForm action={action} className="flex flex-col gap-4">
      {({ error, pending }) => (
        <>
          <input type="hidden" name="id" value={exercise?.id ?? ""} />
          <Field name="title" label="Titel" maxLength={120} defaultValue={exercise?.title} error={error("title")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Select name="kind" label="Art der Übung" defaultValue={exercise?.kind ?? "somatic_tracking"} error={error("kind")}>
              {kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </Select>
            <Field
              name="minutes"
              label="Dauer in Minuten"
              type="number"
              inputMode="numeric"
              min={1}
              max={120}
              defaultValue={exercise?.minutes ?? 10}
              error={error("minutes")}
            />
          </div>
          <TextArea
            name="summary"
            label="Kurzbeschreibung"
            rows={2}
            maxLength={300}
            defaultValue={exercise?.summary}
            error={error("summary")}
            hint="Ein Satz für die Übersicht."
          />
          <TextArea
            name="body"
            label="Anleitung"
            rows={10}
            maxLength={8000}
            defaultValue={exercise?.body}
            error={error("body")}
            hint="Schreib so, wie du mit deinen Klient*innen sprichst: ruhig, mit „du“, ohne Heilversprechen. Leerzeilen trennen Absätze."
          />
          <AudioUpload audioId={exercise?.audioId ?? null} />
          {error("audioId") && <p className="text-sm text-danger">{error("audioId")}</p>}
          {exercise && (
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="archived" defaultChecked={exercise.archived} className="size-5" />
              Archivieren (nicht mehr in der Bibliothek der Klient*innen)
            </label>
          )}
          <div>
            <Button type="submit" disabled={pending}>
              {exercise ? "Übung speichern" : "Übung anlegen"}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
