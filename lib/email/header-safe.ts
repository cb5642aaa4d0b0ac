/** Control characters (CR and LF above all), DEL, C1 controls and Unicode line and paragraph separators. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * A value fit for an email header (to, from, reply-to, subject): every run of control characters
 * becomes one space. The forms refuse them already (lib/validation/single-line.ts); this is the
 * last line, so that no text from anywhere can start a header of its own.
 */
export function headerSafe(value: string): string {
  return value.replace(UNSAFE, " ").replace(/ {2,}/g, " ").trim();
}

/** Extra headers (names and values) cleaned the same way. */
export function headersSafe(headers: Record<string, string> | null | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [headerSafe(name), headerSafe(value)]));
}
