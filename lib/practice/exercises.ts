import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { exercises, type Exercise } from "@/db/schema";
import { audioExists } from "@/lib/audio/store";
import { AppError } from "@/lib/http/errors";
import { isUuid } from "@/lib/sql/uuid";
import type { ExerciseInput } from "./schemas";
import { openToClient } from "./visibility";

/** The library: built-in exercises first, then the coach's own, newest first; archived ones only for the coach. */
export async function listExercises({ archived = false } = {}, db: Db = defaultDb): Promise<Exercise[]> {
  return (
    db
      .select()
      .from(exercises)
      .where(archived ? undefined : eq(exercises.archived, false))
      // Built-in ones in the order of their fixed ids (somatic tracking first), then the coach's own.
      .orderBy(
        asc(sql`${exercises.builtinKey} is null`),
        asc(sql`case when ${exercises.builtinKey} is not null then ${exercises.id} end`),
        desc(exercises.createdAt),
      )
  );
}

/** One exercise; a client sees those in the library and their own homework (openToClient). */
export async function getExercise(
  id: string,
  viewer: { id: string; role: "client" | "coach" },
  db: Db = defaultDb,
): Promise<Exercise | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(exercises)
    .where(viewer.role === "coach" ? eq(exercises.id, id) : and(eq(exercises.id, id), openToClient(db, viewer.id)));
  return row ?? null;
}

const notFound = () => new AppError("not_found", "Diese Übung gibt es nicht.", { field: "form" });

/**
 * Creates the coach's own exercise or saves an edit of one; built-in exercises are ours and
 * cannot be changed (the coach writes their own version instead). Answers its id.
 */
export async function saveExercise(input: ExerciseInput, coachId: string, db: Db = defaultDb): Promise<string> {
  if (input.audioId && !(await audioExists(input.audioId, db)))
    throw new AppError("invalid", "Diese Aufnahme gibt es nicht. Bitte lade sie noch einmal hoch.", { field: "audioId" });
  const values = {
    title: input.title,
    summary: input.summary,
    body: input.body,
    minutes: input.minutes,
    kind: input.kind,
    audioId: input.audioId,
    archived: input.archived,
  };
  if (!input.id) {
    const [row] = await db
      .insert(exercises)
      .values({ ...values, createdBy: coachId })
      .returning({ id: exercises.id });
    return row!.id;
  }
  const [row] = await db
    .update(exercises)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(exercises.id, input.id), isNull(exercises.builtinKey)))
    .returning({ id: exercises.id });
  if (!row) throw notFound();
  return row.id;
}
