import { eq, sql } from "drizzle-orm";
import { headers } from "next/headers";
import type { Adapter, AdapterSession } from "next-auth/adapters";
import type { Db } from "@/db";
import { passkeys, sessions, users, type UserRole } from "@/db/schema";

/** A session's "last seen" moves at most this often, so that reading a session rarely writes. */
const LAST_SEEN_STEP_MS = 5 * 60 * 1000;

/** The browser's own description, as far as it is printable and short. */
async function requestUserAgent(): Promise<string | null> {
  try {
    const ua = (await headers()).get("user-agent");
    return ua ? ua.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 300) || null : null;
  } catch {
    return null; // not in a request (scripts, tests)
  }
}

/**
 * Auth.js's Drizzle adapter with the session rows the settings show: a new session records the
 * browser, and the session lookup (one query) also returns whether the person has a passkey and
 * when this session proved its second factor (`sessions.second_factor_at`), and moves "last seen".
 */
export function withSessionDetails(adapter: Adapter, db: Db): Adapter {
  return {
    ...adapter,
    async createSession(data) {
      const [row] = await db
        .insert(sessions)
        .values({ ...data, userAgent: await requestUserAgent() })
        .returning();
      return row as AdapterSession;
    },
    async getSessionAndUser(sessionToken) {
      const [row] = await db
        .select({
          session: sessions,
          user: users,
          enrolled: sql<boolean>`exists (select 1 from ${passkeys} where ${passkeys.userId} = ${users.id})`,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.sessionToken, sessionToken));
      if (!row) return null;
      if (Date.now() - row.session.lastSeenAt.getTime() > LAST_SEEN_STEP_MS) {
        await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.sessionToken, sessionToken));
      }
      return { session: { ...row.session, passkeyEnrolled: Boolean(row.enrolled) }, user: row.user };
    },
  };
}

/** What the session callback passes on about the second factor (no secret, no timestamp). */
export function secondFactorFacts(session: object): { verified: boolean; enrolled: boolean } {
  const row = session as { secondFactorAt?: Date | null; passkeyEnrolled?: boolean };
  return { verified: Boolean(row.secondFactorAt), enrolled: Boolean(row.passkeyEnrolled) };
}

/**
 * The session as the callback passes it on, named field by field: Auth.js hands the callback
 * the whole session row (its HttpOnly token, the user id, browser and times) and the whole user
 * row, and whatever the callback returns is also the JSON answer of /api/auth/session. The
 * guards need the id, the role and the second-factor facts; nothing else leaves.
 */
export function sessionForAuth(
  session: { expires: Date | string },
  user: { id: string; name?: string | null; email?: string | null; role?: UserRole | null },
): { user: { id: string; name: string | null; email: string; role: UserRole }; expires: string; secondFactor: { verified: boolean; enrolled: boolean } } {
  return {
    user: { id: user.id, name: user.name ?? null, email: user.email ?? "", role: user.role ?? "client" },
    expires: new Date(session.expires).toISOString(),
    secondFactor: secondFactorFacts(session),
  };
}
