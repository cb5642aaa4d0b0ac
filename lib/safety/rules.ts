/**
 * The named rules that suggest evidence of safety from a client's own journal. Each rule is a
 * small pure function over the entries of one window, with a German explanation for the coach.
 * A suggestion names its rule and a key for the evidence it rests on: the coach confirms or
 * dismisses it once, and the same rule and key are never suggested again.
 */
import { painStressCorrelation } from "@/lib/journal/progress";
import { addDays } from "@/lib/time/dates";
import { formatCalendarDate } from "@/lib/time/format";

/** Every rule looks at the entries of the last 60 days, today included. */
export const RULE_WINDOW_DAYS = 60;

export type RuleEntry = {
  id: string;
  entryDate: string;
  pain: number;
  stress: number;
  bodyAreas: string[];
  helped: string[];
};

export type SafetyRuleName = "movement_helped" | "pain_follows_stress" | "area_comes_and_goes" | "pain_changes_side";

export type Suggestion = {
  rule: SafetyRuleName;
  evidenceKey: string;
  observedOn: string;
  journalEntryId: string | null;
  /** What the data shows, for the coach. */
  finding: string;
  /** The entry the client will read once confirmed, in the client's "du". */
  clientText: string;
};

export type SafetyRule = {
  name: SafetyRuleName;
  title: string;
  /** The rule in German, shown to the coach beside each of its suggestions. */
  explanation: string;
  find: (entries: RuleEntry[]) => Suggestion[];
};

/**
 * Words (as stems) that name movement in "Was geholfen hat". Only the helped list counts, not the
 * notes: a note says "kein Spaziergang heute" as easily as "Spaziergang".
 */
export const MOVEMENT_WORDS = [
  "spazier",
  "wander",
  "bewegung",
  "yoga",
  "schwimm",
  "radfahr",
  "fahrrad",
  "tanz",
  "joggen",
  "laufen",
  "gymnastik",
  "dehnen",
  "sport",
] as const;

export const MOVEMENT_MAX_PAIN = 3;
export const CORRELATION_MIN = 0.5;
export const CORRELATION_MIN_ENTRIES = 14;
export const AREA_MAX_SHARE = 0.3;
export const AREA_MIN_ENTRIES = 10;

const day = (date: string) => formatCalendarDate(date, "long");
const latest = (entries: RuleEntry[]) => entries.reduce((max, e) => (e.entryDate > max ? e.entryDate : max), entries[0]!.entryDate);

function movementIn(helped: string[]): string | null {
  return helped.find((item) => MOVEMENT_WORDS.some((word) => item.toLowerCase().includes(word))) ?? null;
}

export const movementHelped: SafetyRule = {
  name: "movement_helped",
  title: "Bewegung hat gutgetan",
  explanation: `Ein Tag mit Schmerz ${MOVEMENT_MAX_PAIN} oder weniger, an dem unter „Was geholfen hat“ Bewegung steht (${MOVEMENT_WORDS.join(", ")} …; nur diese Liste, nicht die Notizen).`,
  find: (entries) =>
    entries.flatMap((e) => {
      const movement = e.pain <= MOVEMENT_MAX_PAIN ? movementIn(e.helped) : null;
      if (!movement) return [];
      return [
        {
          rule: "movement_helped" as const,
          evidenceKey: e.id,
          observedOn: e.entryDate,
          journalEntryId: e.id,
          finding: `${day(e.entryDate)}: Schmerz ${e.pain}, geholfen hat „${movement}“.`,
          clientText: `Am ${day(e.entryDate)} hat dir „${movement}“ gutgetan, und dein Schmerz lag bei ${e.pain} von 10. Dein Körper hat die Bewegung gut vertragen.`,
        },
      ];
    }),
};

export const painFollowsStress: SafetyRule = {
  name: "pain_follows_stress",
  title: "Schmerz folgt dem Stress",
  explanation: `Die Pearson-Korrelation von Schmerz und Stress ist mindestens ${CORRELATION_MIN.toLocaleString("de-DE")}, über mindestens ${CORRELATION_MIN_ENTRIES} Einträge der letzten ${RULE_WINDOW_DAYS} Tage. Einmal je Monat des letzten Eintrags.`,
  find: (entries) => {
    if (entries.length < CORRELATION_MIN_ENTRIES) return [];
    const r = painStressCorrelation(entries.map((e) => ({ date: e.entryDate, pain: e.pain, stress: e.stress })));
    if (r === null || r < CORRELATION_MIN) return [];
    const last = latest(entries);
    return [
      {
        rule: "pain_follows_stress",
        evidenceKey: last.slice(0, 7),
        observedOn: last,
        journalEntryId: null,
        finding: `r = ${r.toFixed(2).replace(".", ",")} über ${entries.length} Einträge.`,
        clientText: `In den letzten ${RULE_WINDOW_DAYS} Tagen ist dein Schmerz mit deinem Stress gestiegen und wieder gefallen (${entries.length} Einträge). Schmerz, der so mit Stress schwankt, zeigt: Dein Nervensystem redet mit.`,
      },
    ];
  },
};

export const areaComesAndGoes: SafetyRule = {
  name: "area_comes_and_goes",
  title: "Ein Bereich kommt und geht",
  explanation: `Ein Körperbereich, der in weniger als ${AREA_MAX_SHARE * 100} % der Einträge vorkommt, bei mindestens ${AREA_MIN_ENTRIES} Einträgen in den letzten ${RULE_WINDOW_DAYS} Tagen. Einmal je Bereich.`,
  find: (entries) => {
    if (entries.length < AREA_MIN_ENTRIES) return [];
    const days = new Map<string, { name: string; dates: string[] }>();
    for (const e of entries) {
      for (const area of new Set(e.bodyAreas.map((a) => a.trim()).filter(Boolean))) {
        const key = area.toLowerCase();
        const seen = days.get(key) ?? { name: area, dates: [] };
        seen.dates.push(e.entryDate);
        days.set(key, seen);
      }
    }
    return [...days.entries()]
      .filter(([, { dates }]) => dates.length / entries.length < AREA_MAX_SHARE)
      .map(([key, { name, dates }]) => ({
        rule: "area_comes_and_goes" as const,
        evidenceKey: key,
        observedOn: dates.reduce((max, d) => (d > max ? d : max)),
        journalEntryId: null,
        finding: `„${name}“ in ${dates.length} von ${entries.length} Einträgen.`,
        clientText: `„${name}“ hat sich in ${dates.length} von ${entries.length} Einträgen gemeldet und ist dazwischen wieder verschwunden. Ein Bereich, der kommt und geht, passt nicht zu einem festen Schaden.`,
      }));
  },
};

const side = (area: string) => (/\blinks?\b/i.test(area) ? "links" : /\brechts?\b/i.test(area) ? "rechts" : null);

export const painChangesSide: SafetyRule = {
  name: "pain_changes_side",
  title: "Der Schmerz wechselt die Seite",
  explanation: `In den letzten ${RULE_WINDOW_DAYS} Tagen kommen Bereiche mit „links“ und mit „rechts“ vor. Einmal je Monat des letzten Eintrags.`,
  find: (entries) => {
    const sides = new Set(entries.flatMap((e) => e.bodyAreas.map(side)));
    if (!sides.has("links") || !sides.has("rechts")) return [];
    const last = latest(entries);
    return [
      {
        rule: "pain_changes_side",
        evidenceKey: last.slice(0, 7),
        observedOn: last,
        journalEntryId: null,
        finding: "Bereiche links und rechts im Zeitraum.",
        clientText:
          "Dein Schmerz war mal links, mal rechts. Ein Schmerz, der die Seite wechselt, passt nicht zu einem festen Schaden an einer Stelle.",
      },
    ];
  },
};

export const SAFETY_RULES: readonly SafetyRule[] = [movementHelped, painFollowsStress, areaComesAndGoes, painChangesSide];

/** The entries a rule looks at: the window ending `today`, nothing later. */
export function inWindow<T extends { entryDate: string }>(entries: T[], today: string): T[] {
  const from = addDays(today, -(RULE_WINDOW_DAYS - 1));
  return entries.filter((e) => e.entryDate >= from && e.entryDate <= today);
}

/** Every rule's suggestions over the window, without those the coach already decided. */
export function suggest(entries: RuleEntry[], today: string, decided: { rule: string; evidenceKey: string }[]): Suggestion[] {
  const window = inWindow(entries, today);
  const done = new Set(decided.map((d) => `${d.rule}\u0000${d.evidenceKey}`));
  return SAFETY_RULES.flatMap((rule) => rule.find(window)).filter((s) => !done.has(`${s.rule}\u0000${s.evidenceKey}`));
}

export function ruleByName(name: string): SafetyRule | undefined {
  return SAFETY_RULES.find((r) => r.name === name);
}
