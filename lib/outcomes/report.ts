import { db as defaultDb, type Db } from "@/db";
import { baselineAndLatest, listCheckins } from "./queries";

/** One check-in for the doctor's report: the four 0–10 items only, never the PHQ-4 answers. */
export type OutcomeReportRow = {
  date: string /* YYYY-MM-DD in the client's zone */;
  kind: string;
  averagePain: number;
  worstPain: number;
  interference: number;
  damageBelief: number;
};
export type OutcomeReport = { baseline: OutcomeReportRow | null; latest: OutcomeReportRow | null; rows: OutcomeReportRow[] };

/** The client's check-ins for the doctor's report (lib/report builds the PDF): oldest first, with the most recent baseline and the latest. */
export async function outcomeReport(userId: string, db: Db = defaultDb): Promise<OutcomeReport> {
  const rows = (await listCheckins(userId, db)).map((c): OutcomeReportRow => ({
    date: c.localDate,
    kind: c.kind,
    averagePain: c.averagePain,
    worstPain: c.worstPain,
    interference: c.interference,
    damageBelief: c.damageBelief,
  }));
  const { baseline, latest } = baselineAndLatest(rows);
  return { baseline, latest, rows };
}
