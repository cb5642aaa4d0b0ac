import { AppError } from "@/lib/http/errors";
import { sqlStateOf } from "@/lib/sql/state";
import { shortWhen } from "@/lib/time/format";

/*
 * One overlap error. The database's exclusion constraint is the last word on overlaps (SQLSTATE
 * 23P01); a visitor hears that the slot is gone, the coach which appointments are in the way.
 */

/** Whether an error is the exclusion constraint's overlap violation. */
export function isOverlapViolation(error: unknown): boolean {
  return sqlStateOf(error) === "23P01";
}

/** What a visitor hears when the slot they want is taken or not offered. */
export function slotUnavailable(): AppError {
  return new AppError("slot_unavailable", "Dieser Termin ist leider nicht mehr frei. Bitte wähle einen anderen.");
}

/** The error for one wanted time: "Überschneidet sich mit Erstgespräch mit Nora Neu am Do., 3. Dezember, 10:00". */
export function singleConflict(found: string[]): AppError {
  return found.length
    ? new AppError("conflict", `Überschneidet sich mit ${found.join(" und ")}.`, { conflicts: found })
    : new AppError("conflict", "Diese Zeit überschneidet sich mit einem anderen Termin.");
}

/** The error for a series: nothing was created, and every colliding date is listed. */
export function seriesConflict(starts: Date[], found: string[][], timeZone: string): AppError {
  const lines = starts.flatMap((start, i) =>
    found[i]!.length ? [`${shortWhen(start, timeZone)} überschneidet sich mit ${found[i]!.join(" und ")}`] : [],
  );
  return new AppError("conflict", `Die Serie wurde nicht angelegt. ${lines.join("; ")}.`, { conflicts: lines });
}
