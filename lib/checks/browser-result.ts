import { isComplete, parseAnswers, scoreSelfCheck, SELF_CHECK_VERSION, type SelfCheckAnswers, type SelfCheckResult } from "./self-check";

/**
 * An anonymous visitor's last self-check, kept in this browser tab only (sessionStorage), so the
 * booking form can offer to attach it. It leaves the device only when the visitor ticks that box.
 */
const KEY = "praxis:selbsttest";

export type BrowserResult = { answers: SelfCheckAnswers; result: SelfCheckResult; takenAt: string };

export function rememberResult(answers: SelfCheckAnswers): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ version: SELF_CHECK_VERSION, answers, takenAt: new Date().toISOString() }));
  } catch {
    // Private mode or storage full: the booking form simply offers nothing to attach.
  }
}

export function forgetResult(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {}
}

/** The stored text as it is (a stable snapshot for useSyncExternalStore); null on the server. */
export function storedResultText(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function recallResult(text: string | null = storedResultText()): BrowserResult | null {
  try {
    const stored = JSON.parse(text ?? "null") as { version?: unknown; answers?: unknown; takenAt?: unknown } | null;
    if (!stored || stored.version !== SELF_CHECK_VERSION || typeof stored.takenAt !== "string") return null;
    const answers = parseAnswers(stored.answers);
    if (!answers || !isComplete(answers)) return null;
    return { answers, result: scoreSelfCheck(answers), takenAt: stored.takenAt };
  } catch {
    return null;
  }
}
