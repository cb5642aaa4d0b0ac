import { and, asc, eq, gte, lte } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { journalEntries, selfCheckResults } from "@/db/schema";
import { bandText, type Band } from "@/lib/checks/self-check";
import { clientAccount } from "@/lib/clients/accounts";
import { AppError } from "@/lib/http/errors";
import { listEvidence } from "@/lib/safety/queries";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { isUuid } from "@/lib/sql/uuid";
import { formatDate } from "@/lib/time/format";
import { outcomeReport, type OutcomeReport } from "@/lib/outcomes/report";
import { practiceReport, type PracticeReport } from "@/lib/practice/report";
import type { ReportPeriod } from "./period";
import { overallMean, weeklyMeans, type ReportWeek } from "./weeks";

/** Everything the PDF shows, already in the words and figures it prints; the renderer adds nothing. */
export type ReportData = {
  /** The day the report was made, YYYY-MM-DD in the practice's zone. */
  generatedOn: string;
  period: ReportPeriod;
  client: { name: string };
  practiceInfo: { practiceName: string; coachName: string; profession: string; addressLines: string[]; contact: string[] };
  journal: { entries: number; averagePain: number | null; averageStress: number | null; weeks: ReportWeek[] };
  /** Dates written for people already ("26. November 2026"). */
  selfChecks: { date: string; score: number; band: string; redFlag: boolean }[];
  /** The observations the client sees (confirmed suggestions included), oldest first. */
  evidence: { observedOn: string; text: string }[];
  outcomes: OutcomeReport | null;
  practice: PracticeReport | null;
};

/**
 * The report's data for one client, scoped to that client; the caller has authorised the
 * reader. Outcome check-ins and practice logs come from their own areas (lib/outcomes, lib/practice).
 */
export async function loadReportData(clientId: string, period: ReportPeriod, today: string, db: Db = defaultDb): Promise<ReportData> {
  if (!isUuid(clientId)) throw new AppError("not_found", "Diese Person gibt es nicht.");
  const client = await clientAccount(db, clientId, "Diese Person gibt es nicht.");
  const inPeriod = and(
    eq(journalEntries.userId, clientId),
    gte(journalEntries.entryDate, period.from),
    lte(journalEntries.entryDate, period.to),
  );
  const [settings, entries, checks, evidence, practice, outcomes] = await Promise.all([
    loadPracticeSettings(db),
    db
      .select({ entryDate: journalEntries.entryDate, pain: journalEntries.pain, stress: journalEntries.stress })
      .from(journalEntries)
      .where(inPeriod)
      .orderBy(asc(journalEntries.entryDate)),
    db.select().from(selfCheckResults).where(eq(selfCheckResults.userId, clientId)).orderBy(asc(selfCheckResults.createdAt)).limit(50),
    listEvidence(clientId, db),
    practiceReport(clientId, period, db),
    outcomeReport(clientId, db),
  ]);
  const place = [settings.postalCode, settings.city].filter(Boolean).join(" ");
  return {
    generatedOn: today,
    period,
    client: { name: client.name || client.email },
    practiceInfo: {
      practiceName: settings.practiceName,
      coachName: settings.coachName,
      profession: settings.profession,
      addressLines: [settings.street, place].filter(Boolean),
      contact: [settings.phone, settings.email].filter(Boolean),
    },
    journal: {
      entries: entries.length,
      averagePain: overallMean(entries.map((e) => e.pain)),
      averageStress: overallMean(entries.map((e) => e.stress)),
      weeks: weeklyMeans(entries, period.from, period.to),
    },
    selfChecks: checks.map((c) => ({
      date: formatDate(c.createdAt, settings.timeZone),
      score: c.score,
      band: bandText[c.band as Band]?.title ?? c.band,
      redFlag: c.redFlag,
    })),
    evidence: evidence
      .filter((e) => e.observedOn <= period.to)
      .reverse()
      .map((e) => ({ observedOn: e.observedOn, text: e.text })),
    outcomes,
    practice,
  };
}
