import { and, gt, lt, ne } from "drizzle-orm";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { appointments, sessionTypes } from "@/db/schema";
import { holdsTime } from "@/lib/booking/appointments";
import { AppError } from "@/lib/http/errors";
import { shortWhen } from "@/lib/time/format";
import { describeAppointment } from "./describe";

export type Range = { blockedFrom: Date; blockedUntil: Date };

/**
 * For each wanted range, the appointments holding time that it would overlap (buffers included,
 * half-open as the exclusion constraint counts them), named for the coach.
 */
export async function findConflicts(db: Db, ranges: Range[], timeZone: string, exceptId?: string): Promise<string[][]> {
  if (ranges.length === 0) return [];
  const from = new Date(Math.min(...ranges.map((r) => r.blockedFrom.getTime())));
  const until = new Date(Math.max(...ranges.map((r) => r.blockedUntil.getTime())));
  const rows = await db
    .select({
      id: appointments.id,
      kind: appointments.kind,
      name: appointments.name,
      startAt: appointments.startAt,
      blockedFrom: appointments.blockedFrom,
      blockedUntil: appointments.blockedUntil,
      typeName: sessionTypes.name,
    })
    .from(appointments)
    .leftJoin(sessionTypes, eq(sessionTypes.id, appointments.sessionTypeId))
    .where(
      and(
        holdsTime(),
        lt(appointments.blockedFrom, until),
        gt(appointments.blockedUntil, from),
        exceptId ? ne(appointments.id, exceptId) : undefined,
      ),
    )
    .orderBy(appointments.startAt);
  return ranges.map((r) =>
    rows
      .filter((a) => a.blockedFrom.getTime() < r.blockedUntil.getTime() && a.blockedUntil.getTime() > r.blockedFrom.getTime())
      .map((a) => describeAppointment(a, timeZone)),
  );
}

/** The error for one wanted time: "Überschneidet sich mit Erstgespräch mit Nora Neu am Do., 3. Dezember, 10:00". */
export function singleConflict(found: string[]): AppError {
  return new AppError("conflict", `Überschneidet sich mit ${found.join(" und ")}.`, { conflicts: found });
}

/** The error for a series: nothing was created, and every colliding date is listed. */
export function seriesConflict(starts: Date[], found: string[][], timeZone: string): AppError {
  const lines = starts.flatMap((start, i) =>
    found[i]!.length ? [`${shortWhen(start, timeZone)} überschneidet sich mit ${found[i]!.join(" und ")}`] : [],
  );
  return new AppError("conflict", `Die Serie wurde nicht angelegt. ${lines.join("; ")}.`, { conflicts: lines });
}

/** Whether an error is the exclusion constraint's overlap violation (SQLSTATE 23P01). */
export function isOverlapViolation(error: unknown): boolean {
  const code = (error as { cause?: { code?: string }; code?: string })?.cause?.code ?? (error as { code?: string })?.code;
  return code === "23P01";
}
