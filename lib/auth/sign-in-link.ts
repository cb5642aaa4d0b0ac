import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { verificationTokens } from "@/db/schema";
import { authSecret } from "@/lib/env";
import { normalizedIdentifierOrNull } from "./identifier";
import { safeReturnPath } from "./return-path";

/** The page a sign-in link opens: it shows whose account it is and asks for a click. */
const SIGN_IN_PAGE_PATH = "/login/bestaetigen";
/** Auth.js's own callback, which uses the token up and signs in. */
export const SIGN_IN_CALLBACK_PATH = "/api/auth/callback/resend";

const hashToken = (token: string) => createHash("sha256").update(`${token}${authSecret()}`).digest("hex");

/**
 * The link for an email: our page instead of Auth.js's callback, with the same parameters. A mail
 * scanner that opens every link in an email would otherwise use the token up before the person
 * clicks it; the page only reads it.
 */
export function signInPageUrl(callbackLink: string): string {
  const link = new URL(callbackLink);
  return `${link.origin}${SIGN_IN_PAGE_PATH}${link.search}`;
}

/**
 * A one-time sign-in link made the way Auth.js's email provider makes its own (token stored as
 * sha256(token + secret), checked by the same callback route), for invitations the coach sends.
 */
export async function createSignInLink(
  db: Db,
  {
    email,
    origin,
    callbackPath = "/login/weiter",
    maxAgeSeconds,
  }: { email: string; origin: string; callbackPath?: string; maxAgeSeconds: number },
): Promise<{ url: string; token: string }> {
  const token = randomBytes(32).toString("hex");
  await db.insert(verificationTokens).values({ identifier: email, token: hashToken(token), expires: new Date(Date.now() + maxAgeSeconds * 1000) });
  const params = new URLSearchParams({ callbackUrl: `${origin}${callbackPath}`, token, email });
  return { url: `${origin}${SIGN_IN_PAGE_PATH}?${params}`, token };
}

export type SignInLinkParams = { token?: unknown; email?: unknown; callbackUrl?: unknown };

/**
 * Whether a sign-in link is still good, without using it up: the address it signs in (as stored
 * with the token) and the parameters for the callback, or null for a link that is wrong, used or
 * expired; the fields are what the callback (a GET form to SIGN_IN_CALLBACK_PATH) needs. Tokens are 32 random bytes in hex, from Auth.js and from createSignInLink alike.
 */
export async function readSignInLink(
  params: SignInLinkParams,
  db: Db = defaultDb,
): Promise<{ email: string; fields: { callbackUrl: string; token: string; email: string } } | null> {
  const { token, email, callbackUrl } = params;
  if (typeof token !== "string" || !/^[0-9a-f]{64}$/.test(token)) return null;
  if (typeof email !== "string" || email.length > 254) return null;
  const identifier = normalizedIdentifierOrNull(email);
  if (!identifier || identifier !== email) return null; // Auth.js compares the address as it stands
  const [row] = await db
    .select({ identifier: verificationTokens.identifier })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.identifier, email), eq(verificationTokens.token, hashToken(token)), gt(verificationTokens.expires, new Date())));
  if (!row) return null;
  // Only a path on this site goes on to Auth.js (which would refuse another origin anyway).
  let returnTo: string | undefined;
  if (typeof callbackUrl === "string" && callbackUrl.length <= 500) {
    try {
      const parsed = new URL(callbackUrl, "http://relative.invalid");
      returnTo = callbackUrl.startsWith("/") || /^https?:$/.test(parsed.protocol) ? `${parsed.pathname}${parsed.search}` : undefined;
    } catch {
      returnTo = undefined;
    }
  }
  return { email: row.identifier, fields: { callbackUrl: safeReturnPath(returnTo), token, email } };
}
