/**
 * Every control character (tab, CR and LF included), DEL, the C1 controls and Unicode's line and
 * paragraph separators. A name or title may end up in an email header (a subject, a display
 * name), where a line break would start a header of the sender's choosing.
 */
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Whether a one-line field (a name, a title) holds only printable text. */
export function isSingleLine(value: string): boolean {
  return !CONTROL_OR_LINE_BREAK.test(value);
}

/** The German message for a one-line field that holds a line break or a control character. */
export function singleLineMessage(label: string): string {
  return `${label}: bitte in einer Zeile schreiben, ohne Zeilenumbrüche und Steuerzeichen.`;
}
