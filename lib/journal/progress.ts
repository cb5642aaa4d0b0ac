/**
 * Pure helpers for the pain journal's progress view: streaks, averages,
 * chart series and the careful pain/stress insight. No I/O, no React.
 *
 * Dates are calendar days as "YYYY-MM-DD" strings (already in the practice's
 * time zone); all arithmetic happens on day numbers (lib/time/dates) so
 * daylight saving time can never shift a day.
 */
import { dateOfDayNumber, dayNumber } from "@/lib/time/dates";

/** Daily averages (pain and stress 0–10, mood 1–5); null = no entry for that value on that day. */
export type DailyPoint = { date: string /* YYYY-MM-DD */; pain: number | null; stress: number | null; mood?: number | null };

/** Fewest days with pain and stress before the insight card says anything. */
export const INSIGHT_MIN_DAYS = 14;

function isValue(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * Consecutive days with at least one entry, ending today or yesterday
 * (a streak is not broken before the day is over). Entries after `today`
 * and malformed dates are ignored.
 */
export function currentStreak(entryDates: string[], today: string): number {
  const todayNum = dayNumber(today);
  if (todayNum === null) return 0;
  const days = new Set<number>();
  for (const date of entryDates) {
    const num = dayNumber(date);
    if (num !== null && num <= todayNum) days.add(num);
  }
  let day = days.has(todayNum) ? todayNum : todayNum - 1;
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day -= 1;
  }
  return streak;
}

/** The days that have both a pain and a stress value. */
function pairedDays(points: DailyPoint[]): { pain: number; stress: number }[] {
  const pairs: { pain: number; stress: number }[] = [];
  for (const point of points) {
    if (isValue(point.pain) && isValue(point.stress)) pairs.push({ pain: point.pain, stress: point.stress });
  }
  return pairs;
}

function pearson(pairs: { pain: number; stress: number }[]): number | null {
  const n = pairs.length;
  if (n < 3) return null;
  let sumPain = 0;
  let sumStress = 0;
  for (const p of pairs) {
    sumPain += p.pain;
    sumStress += p.stress;
  }
  const meanPain = sumPain / n;
  const meanStress = sumStress / n;
  let covariance = 0;
  let varPain = 0;
  let varStress = 0;
  for (const p of pairs) {
    const dp = p.pain - meanPain;
    const ds = p.stress - meanStress;
    covariance += dp * ds;
    varPain += dp * dp;
    varStress += ds * ds;
  }
  // A tolerance instead of === 0: averages like 3.3333… leave float dust behind.
  const epsilon = 1e-12;
  if (varPain <= epsilon || varStress <= epsilon) return null;
  const r = covariance / Math.sqrt(varPain * varStress);
  return Math.max(-1, Math.min(1, r));
}

/**
 * Pearson correlation of pain and stress over the days with both values;
 * null with fewer than 3 such days or when either value never changes.
 */
export function painStressCorrelation(points: DailyPoint[]): number | null {
  return pearson(pairedDays(points));
}

function daysConsidered(count: number): string {
  return `Betrachtet wurden ${count} Tage, an denen du Schmerz und Stress eingetragen hast.`;
}

/**
 * The insight card, German, careful and plain. Only days with both a pain
 * and a stress value count (the card is about how the two relate); below
 * 14 such days it returns null and the card stays hidden.
 */
export function insightText(points: DailyPoint[]): { title: string; text: string } | null {
  const pairs = pairedDays(points);
  const days = pairs.length;
  if (days < INSIGHT_MIN_DAYS) return null;
  const r = pearson(pairs);
  const basis = daysConsidered(days);

  if (r === null) {
    return {
      title: "Noch kein Zusammenhang erkennbar",
      text:
        "Dein Schmerz oder dein Stress war in dieser Zeit immer gleich hoch, deshalb lässt sich kein Zusammenhang ablesen. " +
        `Das ist völlig in Ordnung – schreib gern weiter auf, wie es dir geht. ${basis}`,
    };
  }
  if (r >= 0.5) {
    return {
      title: "Schmerz und Stress gingen oft zusammen",
      text:
        "An Tagen mit mehr Stress war dein Schmerz meist auch stärker – und an ruhigeren Tagen oft schwächer. " +
        "Das ist genau das Muster, mit dem wir in der Methode arbeiten. Es ist keine Diagnose, sondern eine Beobachtung aus deinen eigenen Einträgen. " +
        `Magst du in deiner nächsten Sitzung darüber sprechen? ${basis}`,
    };
  }
  if (r >= 0.2) {
    return {
      title: "Ein lockerer Zusammenhang",
      text:
        "An Tagen mit mehr Stress war dein Schmerz manchmal etwas stärker, aber nicht immer. " +
        "Es gibt also einen lockeren Zusammenhang – daneben spielen wohl auch andere Dinge eine Rolle. " +
        `Beobachte ruhig weiter, wie es dir an unterschiedlichen Tagen geht. ${basis}`,
    };
  }
  if (r > -0.2) {
    return {
      title: "Kein klarer Zusammenhang",
      text:
        "In deinen Einträgen bewegen sich Schmerz und Stress nicht erkennbar gemeinsam. Das ist völlig in Ordnung. " +
        "Oft spielen andere Dinge eine Rolle, etwa Schlaf, Gefühle oder bestimmte Situationen. " +
        `Schreib gern weiter auf, was dir auffällt. ${basis}`,
    };
  }
  return {
    title: "Ein ungewöhnliches Muster",
    text:
      "An Tagen mit mehr Stress war dein Schmerz in deinen Einträgen eher schwächer. Das ist ungewöhnlich, aber kein Grund zur Sorge. " +
      `Sprich es gern in deiner nächsten Sitzung an – gemeinsam könnt ihr schauen, was dahinterstecken könnte. ${basis}`,
  };
}

/**
 * The same observation for the coach, in the third person and with the figure behind it; the
 * client reads the careful wording of insightText in their own dashboard.
 */
export function insightForCoach(points: DailyPoint[], firstName: string): { title: string; text: string } | null {
  const client = insightText(points);
  if (!client) return null;
  const pairs = pairedDays(points);
  const r = pearson(pairs);
  const figure =
    r === null
      ? "Schmerz oder Stress blieb die ganze Zeit gleich, daher lässt sich keine Korrelation berechnen."
      : `Korrelation von Schmerz und Stress (Pearson): r = ${r.toFixed(2).replace(".", ",")}.`;
  return {
    title: client.title,
    text: `${figure} Grundlage: ${pairs.length} Tage mit beiden Werten. ${firstName} sieht dazu in ihrem oder seinem Bereich einen Hinweis in eigenen Worten.`,
  };
}

/** Mean of the non-null values rounded to one decimal, or null when there are none. */
export function average(values: (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (isValue(value)) {
      sum += value;
      count += 1;
    }
  }
  if (count === 0) return null;
  return Math.round((sum / count) * 10) / 10;
}

/**
 * Every date from `from` to `to` inclusive, taking values from `points` and
 * filling missing days with nulls (for charts). Points outside the range are
 * dropped; an empty or reversed range gives [].
 */
export function fillDays(points: DailyPoint[], from: string, to: string): DailyPoint[] {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (start === null || end === null || end < start) return [];
  const byDay = new Map<number, DailyPoint>();
  for (const point of points) {
    const num = dayNumber(point.date);
    if (num !== null && num >= start && num <= end) byDay.set(num, point);
  }
  const days: DailyPoint[] = [];
  for (let day = start; day <= end; day += 1) {
    const point = byDay.get(day);
    days.push({
      date: dateOfDayNumber(day),
      pain: isValue(point?.pain) ? point.pain : null,
      stress: isValue(point?.stress) ? point.stress : null,
      mood: isValue(point?.mood) ? point.mood : null,
    });
  }
  return days;
}
