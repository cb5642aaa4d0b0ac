/**
 * The period of a report: by default the last 12 weeks up to today, or `?von=YYYY-MM-DD&bis=…`,
 * both calendar days in the practice's zone, at most two years long, never after today.
 */
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { addDays, dayNumber, isValidDate } from "@/lib/time/dates";

export const DEFAULT_REPORT_DAYS = 84;
/** Two years, the longest period one report covers (a leap day included). */
export const MAX_REPORT_DAYS = 731;

export type ReportPeriod = { from: string; to: string };

const day = z.iso.date().refine(isValidDate).optional();
export const reportPeriodSchema = z.object({ von: day, bis: day }).strict();

/** The period from the query, or an AppError "invalid" with a German message (a 400). */
export function reportPeriod(query: URLSearchParams, today: string): ReportPeriod {
  const raw = Object.fromEntries([...query.entries()].filter(([key]) => key === "von" || key === "bis"));
  if (query.getAll("von").length > 1 || query.getAll("bis").length > 1) throw invalid("Bitte gib „von“ und „bis“ je einmal an.");
  const parsed = reportPeriodSchema.safeParse(raw);
  if (!parsed.success) throw invalid("Bitte gib den Zeitraum als JJJJ-MM-TT an, z. B. von=2026-09-01&bis=2026-11-30.");
  const to = parsed.data.bis ?? today;
  const from = parsed.data.von ?? addDays(to, -(DEFAULT_REPORT_DAYS - 1));
  if (to > today) throw invalid("Der Zeitraum darf nicht in der Zukunft enden.");
  if (from > to) throw invalid("„von“ muss vor „bis“ liegen.");
  if (dayNumber(to)! - dayNumber(from)! + 1 > MAX_REPORT_DAYS) throw invalid("Ein Bericht umfasst höchstens zwei Jahre.");
  return { from, to };
}

function invalid(message: string) {
  return new AppError("invalid", message);
}

/** The download's file name: the day it was made, nothing about the person. */
export function reportFileName(today: string): string {
  return `bericht-${today}.pdf`;
}
