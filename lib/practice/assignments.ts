import { and, asc, desc, eq, gte, isNull, or, gt, inArray } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { exercises, practiceAssignments, practiceLogs, type PracticeFrequency } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { isUuid } from "@/lib/sql/uuid";
import { addDays, mondayOf } from "@/lib/time/dates";
import { activeDaysInWeek, expectedInWeek } from "./adherence";
import { clientAccount } from "@/lib/clients/accounts";
import type { AssignmentInput } from "./schemas";

const requireClient = (clientId: string, db: Db) => clientAccount(db, clientId, "Diese Person gibt es nicht.");

/** The coach gives a client an exercise from the library as homework, from `today` on. */
export async function assignExercise(clientId: string, input: AssignmentInput, today: string, db: Db = defaultDb): Promise<string> {
  await requireClient(clientId, db);
  const [exercise] = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(and(eq(exercises.id, input.exerciseId), eq(exercises.archived, false)));
  if (!exercise) throw new AppError("not_found", "Diese Übung gibt es nicht.", { field: "exerciseId" });
  const [row] = await db
    .insert(practiceAssignments)
    .values({ clientId, exerciseId: exercise.id, frequency: input.frequency, note: input.note, startsOn: today })
    .returning({ id: practiceAssignments.id });
  return row!.id;
}

/** Ends a client's running assignment (from `today` on it no longer counts); another client's id is not found. */
export async function endAssignment(clientId: string, assignmentId: string, today: string, db: Db = defaultDb): Promise<void> {
  if (!isUuid(clientId) || !isUuid(assignmentId)) throw new AppError("not_found", "Diese Hausaufgabe gibt es nicht.");
  const [running] = await db
    .select({ startsOn: practiceAssignments.startsOn })
    .from(practiceAssignments)
    .where(and(eq(practiceAssignments.id, assignmentId), eq(practiceAssignments.clientId, clientId), isNull(practiceAssignments.endedOn)));
  if (!running) throw new AppError("not_found", "Diese Hausaufgabe gibt es nicht.");
  await db
    .update(practiceAssignments)
    .set({ endedOn: today < running.startsOn ? running.startsOn : today })
    .where(eq(practiceAssignments.id, assignmentId));
}

export type AssignmentView = {
  id: string;
  exerciseId: string;
  title: string;
  frequency: PracticeFrequency;
  note: string;
  startsOn: string;
  endedOn: string | null;
  /** This week (Monday to Sunday of `today`). */
  doneThisWeek: number;
  expectedThisWeek: number;
};

/** A client's assignments, running ones first (with this week's figures); ended ones only with `ended`. */
export async function assignmentsOf(
  clientId: string,
  today: string,
  { ended = false } = {},
  db: Db = defaultDb,
): Promise<AssignmentView[]> {
  if (!isUuid(clientId)) return [];
  const rows = await db
    .select({
      id: practiceAssignments.id,
      exerciseId: practiceAssignments.exerciseId,
      title: exercises.title,
      frequency: practiceAssignments.frequency,
      note: practiceAssignments.note,
      startsOn: practiceAssignments.startsOn,
      endedOn: practiceAssignments.endedOn,
    })
    .from(practiceAssignments)
    .innerJoin(exercises, eq(exercises.id, practiceAssignments.exerciseId))
    .where(
      and(
        eq(practiceAssignments.clientId, clientId),
        ended ? undefined : or(isNull(practiceAssignments.endedOn), gt(practiceAssignments.endedOn, today)),
      ),
    )
    .orderBy(asc(practiceAssignments.endedOn), desc(practiceAssignments.createdAt));
  const monday = mondayOf(today);
  const done = rows.length
    ? await db
        .select({ assignmentId: practiceLogs.assignmentId, practicedOn: practiceLogs.practicedOn })
        .from(practiceLogs)
        .where(
          and(
            eq(practiceLogs.clientId, clientId),
            inArray(
              practiceLogs.assignmentId,
              rows.map((r) => r.id),
            ),
            gte(practiceLogs.practicedOn, monday),
          ),
        )
    : [];
  const sunday = addDays(monday, 6);
  return rows.map((r) => ({
    ...r,
    doneThisWeek: done.filter((d) => d.assignmentId === r.id && d.practicedOn <= sunday).length,
    expectedThisWeek: expectedInWeek(r.frequency, activeDaysInWeek(monday, r.startsOn, r.endedOn)),
  }));
}

/** The client's running assignment of an exercise, if there is one (a log of it counts for it). */
export async function runningAssignment(clientId: string, exerciseId: string, today: string, db: Db = defaultDb): Promise<string | null> {
  const [row] = await db
    .select({ id: practiceAssignments.id })
    .from(practiceAssignments)
    .where(
      and(
        eq(practiceAssignments.clientId, clientId),
        eq(practiceAssignments.exerciseId, exerciseId),
        or(isNull(practiceAssignments.endedOn), gt(practiceAssignments.endedOn, today)),
      ),
    )
    .orderBy(desc(practiceAssignments.createdAt))
    .limit(1);
  return row?.id ?? null;
}
