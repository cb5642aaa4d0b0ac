/**
 * The one rule for which account a sign-in request is about. Auth.js's email provider uses it as
 * `normalizeIdentifier` (lib/auth/index.ts), and the sign-in limit per address counts by it
 * (lib/auth/sign-in-limits.ts), so that no spelling of an address is one thing for the limit and
 * another for the link: `Ben@Example.com`, `ben@example.com,x1` and full-width letters are all
 * `ben@example.com` to both.
 *
 * A copy of `defaultNormalizer` in @auth/core 0.41.3 (lib/actions/signin/send-token.js), which the
 * package does not export: NFKC first (a full-width `＠` becomes `@` before the check for one),
 * lower case, trim, no quotes, exactly one `@`, the domain cut at a comma. Throws on anything else;
 * Auth.js answers that as a refused sign-in, the form shows its German message before that.
 */
export function normalizeIdentifier(email: string | undefined | null): string {
  if (!email) throw new Error("Missing email from request body.");
  const trimmed = email.normalize("NFKC").toLowerCase().trim();
  if (trimmed.includes('"')) throw new Error("Invalid email address format.");
  const parts = trimmed.split("@");
  const [local, rawDomain] = parts;
  if (!local || !rawDomain || parts.length !== 2) throw new Error("Invalid email address format.");
  const domain = rawDomain.split(",")[0];
  if (!domain) throw new Error("Invalid email address format.");
  return `${local}@${domain}`;
}

/** The same, or null where Auth.js would refuse the address. */
export function normalizedIdentifierOrNull(email: string | undefined | null): string | null {
  try {
    return normalizeIdentifier(email);
  } catch {
    return null;
  }
}
