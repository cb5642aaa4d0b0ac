import { eq } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { passkeys, recoveryCodes, sessions, users } from "@/db/schema";
import { queueSecurityNotice } from "./notify";

export type ResetResult = { email: string; passkeys: number; recoveryCodes: number; sessions: number; notified: boolean } | null;

/**
 * The operator's way back for someone who lost every passkey and every recovery code: removes
 * them and ends every session of the account, so that the next sign-in starts afresh (for the
 * coach: magic link, then a new first passkey). The owner is told by email. Null if no such account.
 */
export async function resetSecondFactor(email: string, { origin }: { origin: string }, db: Db = defaultDb): Promise<ResetResult> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, email.trim().toLowerCase())).for("no key update");
    if (!user) return null;
    const keys = await tx.delete(passkeys).where(eq(passkeys.userId, user.id)).returning({ id: passkeys.id });
    const codes = await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id)).returning({ id: recoveryCodes.id });
    const ended = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id });
    const notified = keys.length > 0 || codes.length > 0;
    if (notified) await queueSecurityNotice(tx, { userId: user.id, event: "second-factor-reset", eventId: crypto.randomUUID(), origin });
    return { email: user.email, passkeys: keys.length, recoveryCodes: codes.length, sessions: ended.length, notified };
  });
}
