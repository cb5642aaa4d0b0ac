/*
 * What an outcome check-in asks. Two parts, each with its source and licence beside it.
 */

export type ScaleItem = { name: "averagePain" | "worstPain" | "interference" | "damageBelief"; label: string; low: string; high: string };

/**
 * Four 0–10 items. Source: own wording, no licence. The first mirrors the primary outcome of the
 * Boulder Back Pain Study (Ashar et al. 2021, JAMA Psychiatry: average pain over the past week,
 * 0–10); the last asks for the belief the trial found its effect ran through (pain attributions).
 * Deliberately not the wording of the BPI, PEG or any other licensed instrument.
 */
export const scaleItems: readonly ScaleItem[] = [
  {
    name: "averagePain",
    label: "Wie stark waren deine Schmerzen in den letzten 7 Tagen im Durchschnitt?",
    low: "0 = gar keine Schmerzen",
    high: "10 = so stark, wie du es dir nur vorstellen kannst",
  },
  {
    name: "worstPain",
    label: "Wie stark waren sie in den letzten 7 Tagen im schlimmsten Moment?",
    low: "0 = gar keine Schmerzen",
    high: "10 = so stark, wie du es dir nur vorstellen kannst",
  },
  {
    name: "interference",
    label: "Wie sehr haben dich die Schmerzen in den letzten 7 Tagen im Alltag ausgebremst?",
    low: "0 = gar nicht",
    high: "10 = ich konnte kaum etwas tun",
  },
  {
    name: "damageBelief",
    label: "Wie sehr glaubst du gerade, dass deine Schmerzen einen Schaden in deinem Körper bedeuten?",
    low: "0 = gar nicht",
    high: "10 = ganz sicher",
  },
];

/**
 * PHQ-4: PHQ-2 (items 1–2) and GAD-2 (items 3–4), quoted verbatim in the published German
 * version; rewording a validated instrument voids it, so these keep their formal "Sie".
 * Source: Kroenke K, Spitzer RL, Williams JBW, Löwe B (2009). An ultra-brief screening scale for
 * anxiety and depression: the PHQ-4. Psychosomatics 50:613–621. German: Löwe B, Wahl I, Rose M,
 * et al. (2010). A 4-item measure of depression and anxiety: validation and standardization of
 * the PHQ-4 in the general population. J Affect Disord 122:86–95; PHQ-D by Löwe, Spitzer,
 * Zipfel, Herzog.
 * Licence: the PHQ family is free to use without fee or permission (Pfizer's statement: "No
 * permission required to reproduce, translate, display or distribute").
 */
export const phq4 = {
  stem: "Wie oft fühlten Sie sich im Verlauf der letzten 2 Wochen durch die folgenden Beschwerden beeinträchtigt?",
  items: [
    { name: "phq1", text: "Wenig Interesse oder Freude an Ihren Tätigkeiten" },
    { name: "phq2", text: "Niedergeschlagenheit, Schwermut oder Hoffnungslosigkeit" },
    { name: "phq3", text: "Nervosität, Ängstlichkeit oder Anspannung" },
    { name: "phq4", text: "Nicht in der Lage sein, Sorgen zu stoppen oder zu kontrollieren" },
  ],
  answers: ["Überhaupt nicht", "An einzelnen Tagen", "An mehr als der Hälfte der Tage", "Beinahe jeden Tag"],
} as const;

/** Our own "du" sentence before the PHQ-4's formal wording. */
export const phq4Intro =
  "Die nächsten vier Fragen sind ein bewährter Standard-Fragebogen. Er ist förmlich formuliert, und so lassen wir ihn, damit er gültig bleibt.";

export const kindLabel: Record<string, string> = {
  baseline: "Ausgangswert",
  weekly: "Wöchentlich",
  follow_up_3m: "3 Monate danach",
  follow_up_6m: "6 Monate danach",
  follow_up_12m: "12 Monate danach",
};
