/*
 * The practice's outcomes, aggregated over clients. Pure; the page reads the pairs, this counts.
 */

/** Below this many clients no figure is shown: with so few, each figure would nearly describe a person. */
export const MIN_CLIENTS = 5;

export type OutcomePair = { baseline: number; latest: number };

export type PracticeOutcomes =
  | { n: number; shown: false }
  | {
      n: number;
      shown: true;
      /** Shares 0–1, of the n clients. */
      lowPainShare: number;
      /** Median of latest − baseline average pain, points (negative: less pain). */
      medianChange: number;
      reduced30Share: number;
      reduced50Share: number;
    };

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Reduction in percent of the baseline. A baseline of 0 leaves nothing to reduce and counts as
 * no reduction (it cannot meet the IMMPACT thresholds of 30 % and 50 %, Dworkin et al. 2008).
 */
export function reduction({ baseline, latest }: OutcomePair): number {
  return baseline > 0 ? (baseline - latest) / baseline : 0;
}

/** Among clients with a baseline and a later check-in: the share at 0–1, the median change, and the IMMPACT shares. */
export function practiceOutcomes(pairs: readonly OutcomePair[]): PracticeOutcomes {
  const n = pairs.length;
  if (n < MIN_CLIENTS) return { n, shown: false };
  const share = (count: number) => count / n;
  return {
    n,
    shown: true,
    lowPainShare: share(pairs.filter((p) => p.latest <= 1).length),
    medianChange: median(pairs.map((p) => p.latest - p.baseline)),
    // A small epsilon: 3 → 2.1 is exactly 30 % and must count, whatever floating point says.
    reduced30Share: share(pairs.filter((p) => reduction(p) >= 0.3 - 1e-9).length),
    reduced50Share: share(pairs.filter((p) => reduction(p) >= 0.5 - 1e-9).length),
  };
}
