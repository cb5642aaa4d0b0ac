import { csvDocument } from "@/lib/clients/my-data";
import type { practiceExport } from "./logs";

/** A client's practices as CSV for spreadsheets (GET /dashboard/daten/uebungen.csv), oldest first, with the coach's feedback. */
export function practiceCsv(logs: Awaited<ReturnType<typeof practiceExport>>["logs"]): string {
  return csvDocument(
    ["Datum", "Übung", "Minuten", "Angst vorher", "Angst nachher", "Stärke vorher", "Stärke nachher", "Notiz", "Rückmeldung"],
    logs.map((l) => [
      l.practicedOn,
      l.exercise,
      l.minutes,
      l.fearBefore,
      l.fearAfter,
      l.intensityBefore,
      l.intensityAfter,
      l.note,
      l.coachFeedback,
    ]),
  );
}
