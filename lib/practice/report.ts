import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { exercises, practiceLogs } from "@/db/schema";
import { isValidDate } from "@/lib/time/dates";

/** The practice part of the doctor's report (the PDF is built elsewhere from this). */
export type PracticeReport = {
  logs: number;
  minutes: number;
  exercises: {
    title: string;
    logs: number;
    fearBefore: number | null;
    fearAfter: number | null;
    intensityBefore: number | null;
    intensityAfter: number | null;
  }[];
};

const avg = (value: number | string | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

/**
 * A client's practices from `range.from` to `range.to` (YYYY-MM-DD, both inclusive): how many,
 * how many minutes, and per exercise the mean fear and intensity before and after (one decimal).
 * Exercises ordered by how often they were practised, then by title.
 */
export async function practiceReport(userId: string, range: { from: string; to: string }, db: Db = defaultDb): Promise<PracticeReport> {
  if (!isValidDate(range.from) || !isValidDate(range.to)) throw new RangeError("practiceReport: from and to must be YYYY-MM-DD");
  const rows = await db
    .select({
      title: exercises.title,
      logs: sql<number>`count(*)::int`,
      minutes: sql<number>`coalesce(sum(${practiceLogs.minutes}), 0)::int`,
      fearBefore: sql<string | null>`avg(${practiceLogs.fearBefore})`,
      fearAfter: sql<string | null>`avg(${practiceLogs.fearAfter})`,
      intensityBefore: sql<string | null>`avg(${practiceLogs.intensityBefore})`,
      intensityAfter: sql<string | null>`avg(${practiceLogs.intensityAfter})`,
    })
    .from(practiceLogs)
    .innerJoin(exercises, eq(exercises.id, practiceLogs.exerciseId))
    .where(and(eq(practiceLogs.clientId, userId), gte(practiceLogs.practicedOn, range.from), lte(practiceLogs.practicedOn, range.to)))
    .groupBy(exercises.id, exercises.title)
    .orderBy(sql`count(*) desc`, asc(exercises.title));
  return {
    logs: rows.reduce((n, r) => n + Number(r.logs), 0),
    minutes: rows.reduce((n, r) => n + Number(r.minutes), 0),
    exercises: rows.map((r) => ({
      title: r.title,
      logs: Number(r.logs),
      fearBefore: avg(r.fearBefore),
      fearAfter: avg(r.fearAfter),
      intensityBefore: avg(r.intensityBefore),
      intensityAfter: avg(r.intensityAfter),
    })),
  };
}
