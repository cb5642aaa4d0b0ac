import { and, asc, desc, eq, gte } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { exercises, practiceAssignments, practiceLogs, type PracticeLog } from "@/db/schema";
import { openClientRecord } from "@/lib/clients/coach-view";
import { AppError } from "@/lib/http/errors";
import { queueFeedbackNotice } from "@/lib/notifications/feedback";
import { isUuid } from "@/lib/sql/uuid";
import { addDays } from "@/lib/time/dates";
import { practiceShift, weeklyAdherence, type Shift, type WeekAdherence } from "./adherence";
import { assignmentsOf, runningAssignment, type AssignmentView } from "./assignments";
import type { FeedbackInput, PracticeLogInput } from "./schemas";
import { openToClient } from "./visibility";

/** A client logs a practice of a library exercise, today; it counts for their running assignment of it. */
export async function logPractice(clientId: string, input: PracticeLogInput, today: string, db: Db = defaultDb): Promise<string> {
  const [exercise] = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(and(eq(exercises.id, input.exerciseId), openToClient(db, clientId)));
  if (!exercise) throw new AppError("not_found", "Diese Übung gibt es nicht.");
  const { exerciseId: _exercise, ...values } = input;
  const [row] = await db
    .insert(practiceLogs)
    .values({
      ...values,
      clientId,
      exerciseId: exercise.id,
      assignmentId: await runningAssignment(clientId, exercise.id, today, db),
      practicedOn: today,
    })
    .returning({ id: practiceLogs.id });
  return row!.id;
}

export type LogView = PracticeLog & { title: string };

/**
 * A client's practices (of one exercise, or all; practised or answered since a date), newest first,
 * with the coach's feedback: at most `limit` (null: all).
 */
export async function logsOf(
  clientId: string,
  {
    exerciseId,
    practisedSince,
    answeredSince,
    limit = 30,
  }: { exerciseId?: string; practisedSince?: string; answeredSince?: Date; limit?: number | null } = {},
  db: Db = defaultDb,
): Promise<LogView[]> {
  if (!isUuid(clientId) || (exerciseId !== undefined && !isUuid(exerciseId))) return [];
  const query = db
    .select({ log: practiceLogs, title: exercises.title })
    .from(practiceLogs)
    .innerJoin(exercises, eq(exercises.id, practiceLogs.exerciseId))
    .where(
      and(
        eq(practiceLogs.clientId, clientId),
        exerciseId ? eq(practiceLogs.exerciseId, exerciseId) : undefined,
        practisedSince ? gte(practiceLogs.practicedOn, practisedSince) : undefined,
        answeredSince ? gte(practiceLogs.feedbackAt, answeredSince) : undefined,
      ),
    )
    // Answered ones by their answer, latest first; otherwise by the day practised.
    .orderBy(...(answeredSince ? [desc(practiceLogs.feedbackAt)] : [desc(practiceLogs.practicedOn), desc(practiceLogs.createdAt)]))
    .$dynamic();
  const rows = await (limit === null ? query : query.limit(limit));
  return rows.map((r): LogView => ({ ...r.log, title: r.title }));
}

/** How long an answer stays under "Neue Rückmeldungen" on the client's list of exercises. */
const RECENT_ANSWER_DAYS = 14;

/** The client's practices the coach answered in the last two weeks, latest answer first: where the email leads. */
export function recentAnswers(clientId: string, now = new Date(), db: Db = defaultDb): Promise<LogView[]> {
  return logsOf(clientId, { answeredSince: new Date(now.getTime() - RECENT_ANSWER_DAYS * 86_400_000), limit: 5 }, db);
}

/**
 * The coach answers one of this client's practices; another client's log is not found. The first
 * answer to a practice also tells the client by email (at most one a day, lib/notifications/feedback.ts);
 * changing an answer does not.
 */
export async function setFeedback(
  clientId: string,
  input: FeedbackInput,
  { now = new Date(), origin }: { now?: Date; origin: string },
  db: Db = defaultDb,
): Promise<void> {
  if (!isUuid(clientId)) throw new AppError("not_found", "Diesen Eintrag gibt es nicht.");
  await db.transaction(async (tx) => {
    const [log] = await tx
      .select({ answeredAt: practiceLogs.feedbackAt })
      .from(practiceLogs)
      .where(and(eq(practiceLogs.id, input.logId), eq(practiceLogs.clientId, clientId)))
      .for("update");
    if (!log) throw new AppError("not_found", "Diesen Eintrag gibt es nicht.");
    await tx.update(practiceLogs).set({ feedback: input.feedback, feedbackAt: now }).where(eq(practiceLogs.id, input.logId));
    if (!log.answeredAt) await queueFeedbackNotice(tx, clientId, origin, now);
  });
}

export type CoachPracticeView = {
  assignments: (AssignmentView & { weeks: WeekAdherence[] })[];
  shift: Shift | null;
  byExercise: { title: string; shift: Shift }[];
  logs: LogView[];
};

/** How far back the coach's view reads: about twelve weeks. */
const VIEW_DAYS = 84;

/**
 * What the coach sees of a client's practice: adherence per week of every assignment, the shift
 * of fear and intensity during practice, and the recent logs. Writes the access-log row first.
 */
export async function coachPracticeView(
  coach: { id: string; name?: string | null; email?: string | null },
  clientId: string,
  today: string,
  db: Db = defaultDb,
): Promise<CoachPracticeView> {
  const client = await openClientRecord(coach, clientId, "Übungen und Übungsprotokolle", db);
  const from = addDays(today, -VIEW_DAYS);
  const [assignments, logs] = await Promise.all([
    assignmentsOf(client.id, today, { ended: true }, db),
    logsOf(client.id, { practisedSince: from, limit: null }, db),
  ]);
  const titles = [...new Set(logs.map((l) => l.title))].sort((a, b) => a.localeCompare(b, "de"));
  return {
    assignments: assignments
      .filter((a) => a.endedOn === null || a.endedOn > from)
      .map((a) => ({
        ...a,
        weeks: weeklyAdherence(
          a,
          logs.filter((l) => l.assignmentId === a.id).map((l) => l.practicedOn),
          today,
        ),
      })),
    shift: practiceShift(logs),
    byExercise: titles.map((title) => ({ title, shift: practiceShift(logs.filter((l) => l.title === title))! })),
    logs: logs.slice(0, 40),
  };
}

/** Every assignment and practice of a client, for the export (oldest first). */
export async function practiceExport(clientId: string, db: Db = defaultDb) {
  const [assignments, logs] = await Promise.all([
    db
      .select({
        id: practiceAssignments.id,
        exercise: exercises.title,
        frequency: practiceAssignments.frequency,
        note: practiceAssignments.note,
        startsOn: practiceAssignments.startsOn,
        endedOn: practiceAssignments.endedOn,
        createdAt: practiceAssignments.createdAt,
      })
      .from(practiceAssignments)
      .innerJoin(exercises, eq(exercises.id, practiceAssignments.exerciseId))
      .where(eq(practiceAssignments.clientId, clientId))
      .orderBy(asc(practiceAssignments.createdAt)),
    db
      .select({
        id: practiceLogs.id,
        exercise: exercises.title,
        assignmentId: practiceLogs.assignmentId,
        practicedOn: practiceLogs.practicedOn,
        minutes: practiceLogs.minutes,
        fearBefore: practiceLogs.fearBefore,
        fearAfter: practiceLogs.fearAfter,
        intensityBefore: practiceLogs.intensityBefore,
        intensityAfter: practiceLogs.intensityAfter,
        note: practiceLogs.note,
        coachFeedback: practiceLogs.feedback,
        coachFeedbackAt: practiceLogs.feedbackAt,
        createdAt: practiceLogs.createdAt,
      })
      .from(practiceLogs)
      .innerJoin(exercises, eq(exercises.id, practiceLogs.exerciseId))
      .where(eq(practiceLogs.clientId, clientId))
      .orderBy(asc(practiceLogs.practicedOn), asc(practiceLogs.createdAt)),
  ]);
  return { assignments, logs };
}
