import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { webauthnChallenges, type WebauthnPurpose } from "@/db/schema";

/** How long a ceremony may take from options to verification. */
export const CHALLENGE_SECONDS = 300;

/** Keeps the challenge of a new ceremony for this session (replacing an unfinished one). */
export async function storeChallenge(db: Db, sessionToken: string, purpose: WebauthnPurpose, challenge: string): Promise<void> {
  const expiresAt = sql`now() + make_interval(secs => ${CHALLENGE_SECONDS})`;
  await db
    .insert(webauthnChallenges)
    .values({ sessionToken, purpose, challenge, expiresAt })
    .onConflictDoUpdate({ target: [webauthnChallenges.sessionToken, webauthnChallenges.purpose], set: { challenge, expiresAt } });
}

/**
 * Takes the session's challenge for this purpose: deleted in the same statement, so it is used
 * once whatever the verification then finds; null if there was none or it had expired.
 */
export async function takeChallenge(db: Db, sessionToken: string, purpose: WebauthnPurpose): Promise<string | null> {
  const [row] = await db
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.sessionToken, sessionToken), eq(webauthnChallenges.purpose, purpose)))
    .returning({ challenge: webauthnChallenges.challenge, live: sql<boolean>`${webauthnChallenges.expiresAt} > now()` });
  return row && row.live ? row.challenge : null;
}
