/*
 * The two sections another area delivers to the report, as their contracts say. Copied here while
 * lib/outcomes/ and lib/practice/ are built elsewhere: at merge these become imports from
 * lib/outcomes/report.ts and lib/practice/report.ts, and the loader (data.ts) calls
 * outcomeReport(userId, db) and practiceReport(userId, range, db).
 */

export type OutcomeReportRow = {
  date: string;
  kind: string;
  averagePain: number;
  worstPain: number;
  interference: number;
  damageBelief: number;
};
export type OutcomeReport = { baseline: OutcomeReportRow | null; latest: OutcomeReportRow | null; rows: OutcomeReportRow[] };
