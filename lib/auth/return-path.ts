/** Only paths on this site: an outside URL would make the sign-in page an open redirect. */
export function safeReturnPath(value: string | undefined | null, fallback = "/login/weiter"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}
