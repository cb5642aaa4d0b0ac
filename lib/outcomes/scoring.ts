/*
 * Pure scoring of a check-in and of a client's course. No I/O.
 */

export type PhqAnswers = { phq1: number; phq2: number; phq3: number; phq4: number };
export type PhqScore = { phq2: number; gad2: number; total: number; elevated: boolean };

/**
 * PHQ-2 = items 1 + 2, GAD-2 = items 3 + 4 (each 0–6), PHQ-4 = their sum (0–12). Elevated when
 * either part reaches 3, the cut-off of Kroenke et al. 2009. A reason to suggest a talk with the
 * family doctor, never a diagnosis.
 */
export function scorePhq4(a: PhqAnswers): PhqScore {
  const phq2 = a.phq1 + a.phq2;
  const gad2 = a.phq3 + a.phq4;
  return { phq2, gad2, total: phq2 + gad2, elevated: phq2 >= 3 || gad2 >= 3 };
}

/** "Pain-free or nearly pain-free" as the Boulder trial counted it: average pain 0 or 1. */
export const isLowPain = (averagePain: number) => averagePain <= 1;

/**
 * The date from which every check-in up to the latest has had an average pain of 0–1, or null
 * when the latest is above 1. Rows in any order; `date` is YYYY-MM-DD.
 */
export function lowPainSince(rows: readonly { date: string; averagePain: number }[]): string | null {
  const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date));
  let since: string | null = null;
  for (const row of sorted) {
    if (isLowPain(row.averagePain)) since ??= row.date;
    else since = null;
  }
  return since;
}
