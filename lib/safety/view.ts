import { db as defaultDb, type Db } from "@/db";
import { openClientRecord } from "@/lib/clients/coach-view";
import { formatCalendarDate } from "@/lib/time/format";
import { linkableEntries, listEvidence, openSuggestions } from "./queries";
import { ruleByName, type SafetyRule, type Suggestion } from "./rules";

/** The journal days a form offers to link, as people read them. */
export async function entryOptions(clientId: string, db: Db = defaultDb) {
  return (await linkableEntries(clientId, db)).map((e) => ({
    id: e.id,
    label: `${formatCalendarDate(e.entryDate, "weekday-year")} (Schmerz ${e.pain})`,
  }));
}

/** At most this many open suggestions of one rule at a time (a long journal has many walking days). */
export const SUGGESTIONS_PER_RULE = 3;

/**
 * What the coach's section shows: the observations, the open suggestions (newest evidence first,
 * a few per rule) with their rule, and the journal days to link. Writes the access-log row.
 */
export async function coachEvidenceView(
  coach: { id: string; name?: string | null; email?: string | null },
  clientId: string,
  today: string,
  db: Db = defaultDb,
) {
  await openClientRecord(coach, clientId, "Beobachtungen zur Sicherheit und Vorschläge", db);
  const [evidence, suggestions, entries] = await Promise.all([
    listEvidence(clientId, db),
    openSuggestions(clientId, today, db),
    entryOptions(clientId, db),
  ]);
  const shown: (Suggestion & { ruleInfo: SafetyRule })[] = [];
  const perRule = new Map<string, number>();
  for (const s of suggestions.slice().sort((a, b) => b.observedOn.localeCompare(a.observedOn))) {
    const n = perRule.get(s.rule) ?? 0;
    if (n >= SUGGESTIONS_PER_RULE) continue;
    perRule.set(s.rule, n + 1);
    shown.push({ ...s, ruleInfo: ruleByName(s.rule)! });
  }
  return { evidence, suggestions: shown, moreSuggestions: suggestions.length - shown.length, entries };
}
