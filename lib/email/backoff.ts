/** After this many failed attempts an email is marked failed and waits for a manual retry. */
export const MAX_ATTEMPTS = 8;

/**
 * Delay before the next try after `attempts` failures: 30 s, 1 min, 2 min … capped at 1 h,
 * with up to 20% jitter so that instances recovering together do not retry in lockstep.
 * `firstDelayMs` replaces the 30 s (OUTBOX_RETRY_BASE_SECONDS, for tests that wait for retries).
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random, firstDelayMs = 30_000): number {
  const base = Math.min(firstDelayMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (1 + 0.2 * random()));
}
