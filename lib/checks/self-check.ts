/**
 * The self-check: 13 yes/no signs that back pain may be neuroplastic, plus the red flags
 * that need a doctor before any coaching. Pure data and functions: no I/O, no React.
 *
 * Stored results carry the version they were scored with. When questions or thresholds
 * change, add a new entry to `rules` and bump SELF_CHECK_VERSION; never edit an old
 * entry, so that a client's history stays comparable with what they saw at the time.
 */

export const SELF_CHECK_VERSION = 1;

export type SignId =
  | "stress_onset"
  | "fluctuates"
  | "no_injury"
  | "outlasted_healing"
  | "several_areas"
  | "changes_spreads"
  | "worse_with_stress"
  | "eases_when_enjoying"
  | "non_physical_triggers"
  | "both_sides"
  | "no_clear_diagnosis"
  | "delayed"
  | "personality";

export type RedFlagId = "fever" | "weight_loss" | "cancer_history" | "major_trauma" | "saddle_numbness" | "bladder_bowel" | "progressive_weakness";

/** The 13 signs, in the order of the domain brief. */
export const signs: readonly { id: SignId; question: string; hint?: string }[] = [
  {
    id: "stress_onset",
    question: "Haben deine Schmerzen in einer belastenden oder stressigen Zeit deines Lebens begonnen?",
    hint: "Zum Beispiel bei Konflikten, einer Trennung, einem Umzug, viel Druck im Job oder der Pflege von Angehörigen.",
  },
  {
    id: "fluctuates",
    question: "Ist die Stärke deiner Schmerzen unregelmäßig, mal stärker und mal schwächer?",
  },
  {
    id: "no_injury",
    question: "Haben deine Schmerzen ohne eine körperliche Verletzung angefangen?",
    hint: "Also ohne Unfall, Sturz oder eine andere Verletzung, an die du dich erinnerst.",
  },
  {
    id: "outlasted_healing",
    question: "Haben deine Schmerzen nach einer Verletzung angefangen, aber länger angehalten, als die Heilung normalerweise dauert?",
    hint: "Gewebe heilt meist innerhalb von 6 bis 12 Wochen. Wenn es keine Verletzung gab, wähle „Nein“.",
  },
  {
    id: "several_areas",
    question: "Hast du an mehreren Stellen im Körper Schmerzen oder andere Beschwerden, die auch seelisch mitbedingt sein können?",
    hint: "Zum Beispiel anhaltende Erschöpfung oder Verdauungsbeschwerden.",
  },
  {
    id: "changes_spreads",
    question: "Verändern sich deine Schmerzen mit der Zeit, wandern sie oder breiten sie sich aus?",
  },
  {
    id: "worse_with_stress",
    question: "Werden deine Schmerzen stärker, wenn du unter Stress stehst?",
  },
  {
    id: "eases_when_enjoying",
    question: "Lassen deine Schmerzen nach, während du etwas tust, das dir Freude macht?",
    hint: "Zum Beispiel mit Freundinnen und Freunden, im Urlaub oder bei einem Hobby, in das du ganz eintauchst.",
  },
  {
    id: "non_physical_triggers",
    question: "Gibt es Auslöser für deine Schmerzen, die nichts mit deinem Körper zu tun haben?",
    hint: "Zum Beispiel das Wetter, bestimmte Menschen, die Arbeit oder bestimmte Situationen.",
  },
  {
    id: "both_sides",
    question: "Treten deine Schmerzen auf beiden Seiten deines Körpers auf?",
    hint: "Gleichzeitig oder abwechselnd, mal links und mal rechts.",
  },
  {
    id: "no_clear_diagnosis",
    question: "Gibt es für deine Schmerzen keine eindeutige körperliche Erklärung, oder mehrere widersprüchliche, die dir nicht geholfen haben?",
  },
  {
    id: "delayed",
    question: "Kommen deine Schmerzen oft verzögert, erst Stunden oder einen Tag nach einer Aktivität?",
  },
  {
    id: "personality",
    question: "Erkennst du dich zumindest teilweise in einigen dieser Eigenschaften wieder?",
    hint: "Du machst dir oft Sorgen, setzt dich selbst unter Druck, bist perfektionistisch, möchtest es anderen recht machen oder bist allgemein eher ängstlich.",
  },
];

/** Red flags from back-pain guidelines: any "yes" means a doctor first, before any coaching. */
export const redFlags: readonly { id: RedFlagId; question: string }[] = [
  { id: "fever", question: "Hast du zusammen mit deinen Rückenschmerzen Fieber?" },
  { id: "weight_loss", question: "Hast du in letzter Zeit ungewollt und ohne erkennbaren Grund an Gewicht verloren?" },
  { id: "cancer_history", question: "Hattest du schon einmal eine Krebserkrankung?" },
  { id: "major_trauma", question: "Hattest du vor Kurzem einen schweren Unfall, einen heftigen Sturz oder eine andere schwere Verletzung?" },
  {
    id: "saddle_numbness",
    question: "Ist dein Gefühl im Bereich von Gesäß, Genitalien oder an der Innenseite der Oberschenkel taub oder verändert (dort, wo man auf einem Sattel sitzt)?",
  },
  { id: "bladder_bowel", question: "Hast du neue Probleme, Blase oder Darm zu kontrollieren, zum Beispiel beim Wasserlassen oder beim Stuhlgang?" },
  { id: "progressive_weakness", question: "Werden deine Beine zunehmend schwächer oder tauber?" },
];

export type SelfCheckAnswers = {
  signs: Partial<Record<SignId, boolean>>;
  redFlags: Partial<Record<RedFlagId, boolean>>;
};

export type Band = "few" | "some" | "many";

export type SelfCheckResult = {
  version: number;
  score: number;
  total: number;
  band: Band;
  redFlag: boolean;
  yes: SignId[];
};

type Rules = {
  signIds: readonly SignId[];
  redFlagIds: readonly RedFlagId[];
  band: (score: number) => Band;
};

/** Scoring rules per version. Never change an existing entry; add a new one instead. */
const rules: Readonly<Record<number, Rules>> = {
  1: {
    signIds: [
      "stress_onset",
      "fluctuates",
      "no_injury",
      "outlasted_healing",
      "several_areas",
      "changes_spreads",
      "worse_with_stress",
      "eases_when_enjoying",
      "non_physical_triggers",
      "both_sides",
      "no_clear_diagnosis",
      "delayed",
      "personality",
    ],
    redFlagIds: ["fever", "weight_loss", "cancer_history", "major_trauma", "saddle_numbness", "bladder_bowel", "progressive_weakness"],
    band: (score) => (score <= 4 ? "few" : score <= 8 ? "some" : "many"),
  },
};

function rulesFor(version: number): Rules {
  const found = Number.isInteger(version) && Object.hasOwn(rules, version) ? rules[version] : undefined;
  if (!found) throw new Error(`Unknown self-check version: ${String(version)}`);
  return found;
}

/** Versioned scoring: answers of version v are always scored by v's rules (keep old versions when questions change). */
export function scoreSelfCheck(answers: SelfCheckAnswers, version: number = SELF_CHECK_VERSION): SelfCheckResult {
  const r = rulesFor(version);
  const yes = r.signIds.filter((id) => answers.signs[id] === true);
  const redFlag = r.redFlagIds.some((id) => answers.redFlags[id] === true);
  return { version, score: yes.length, total: r.signIds.length, band: r.band(yes.length), redFlag, yes };
}

/** What the result means, in careful words: the pattern may fit, it is never a diagnosis. */
export const bandText: Record<Band, { title: string; text: string }> = {
  few: {
    title: "Wenige Anzeichen treffen zu",
    text:
      "Nur wenige der typischen Anzeichen passen zu deinen Beschwerden. Das kann bedeuten, dass bei deinen Schmerzen andere Ursachen im Vordergrund stehen, " +
      "oder dass sich das Muster bei dir anders zeigt, als diese Fragen es erfassen. Ein ärztliches Gespräch kann helfen, das einzuordnen. " +
      "Wenn du magst, lies gern weiter und sprich im kostenlosen Erstgespräch darüber.",
  },
  some: {
    title: "Einige Anzeichen treffen zu",
    text:
      "Mehrere der typischen Anzeichen passen zu deinen Beschwerden. Das kann ein Hinweis darauf sein, dass dein Nervensystem an deinen Schmerzen beteiligt ist. " +
      "Dein Gehirn könnte den Schmerz also mit aufrechterhalten, auch wenn im Körper wenig oder nichts mehr verletzt ist. " +
      "Es lohnt sich, genauer hinzuschauen.",
  },
  many: {
    title: "Viele Anzeichen treffen zu",
    text:
      "Viele der typischen Anzeichen passen zu deinen Beschwerden. Dieses Muster könnte zu neuroplastischem Schmerz passen: " +
      "Schmerz, den das Gehirn aufrechterhält, obwohl der Körper nicht mehr verletzt ist. Das ist eine ermutigende Nachricht, " +
      "denn solcher Schmerz kann sich wieder verändern. Ob das bei dir so ist, lässt sich erst sicher sagen, wenn körperliche Ursachen ärztlich abgeklärt sind.",
  },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Reads a record of booleans keyed only by `allowed` ids; null on anything else. */
function parseBooleanRecord<K extends string>(input: unknown, allowed: readonly K[]): Partial<Record<K, boolean>> | null {
  if (!isPlainObject(input)) return null;
  const out: Partial<Record<K, boolean>> = {};
  // Reflect.ownKeys sees "__proto__", symbols and non-enumerable keys too: all of them are rejected.
  for (const key of Reflect.ownKeys(input)) {
    if (typeof key !== "string" || !(allowed as readonly string[]).includes(key)) return null;
    const descriptor = Object.getOwnPropertyDescriptor(input, key);
    if (!descriptor || !("value" in descriptor) || typeof descriptor.value !== "boolean") return null;
    out[key as K] = descriptor.value;
  }
  return out;
}

/**
 * Strict parse of untrusted answers (e.g. from a server action): an object with exactly
 * `signs` and `redFlags`, each holding only known ids mapped to booleans. Partial answers
 * are accepted; use `isComplete` to require every question. Null for anything else.
 */
export function parseAnswers(input: unknown): SelfCheckAnswers | null {
  if (!isPlainObject(input)) return null;
  const keys = Reflect.ownKeys(input);
  if (keys.length !== 2 || !keys.includes("signs") || !keys.includes("redFlags")) return null;
  const current = rulesFor(SELF_CHECK_VERSION);
  const parsedSigns = parseBooleanRecord(input.signs, current.signIds);
  const parsedRedFlags = parseBooleanRecord(input.redFlags, current.redFlagIds);
  if (!parsedSigns || !parsedRedFlags) return null;
  return { signs: parsedSigns, redFlags: parsedRedFlags };
}

/** True when every sign and red-flag question of the given version has an answer. */
export function isComplete(answers: SelfCheckAnswers, version: number = SELF_CHECK_VERSION): boolean {
  const r = rulesFor(version);
  return r.signIds.every((id) => typeof answers.signs[id] === "boolean") && r.redFlagIds.every((id) => typeof answers.redFlags[id] === "boolean");
}

/** Signs that became "yes" (added) or stopped being "yes" (removed) from result `a` to result `b`. */
export function changedSigns(a: SignId[], b: SignId[]): { added: SignId[]; removed: SignId[] } {
  const before = new Set(a);
  const after = new Set(b);
  return {
    added: [...after].filter((id) => !before.has(id)),
    removed: [...before].filter((id) => !after.has(id)),
  };
}
