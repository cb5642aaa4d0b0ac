import { and, asc, count, eq, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { passkeys, recoveryCodes, users } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { queueSecurityNotice } from "./notify";

export type PasskeyListItem = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; backedUp: boolean };

export async function listPasskeys(userId: string, db: Db = defaultDb): Promise<PasskeyListItem[]> {
  return db
    .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt, backedUp: passkeys.backedUp })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt));
}

/** The credentials a ceremony may use or must not register twice. */
export async function credentialsOf(userId: string, db: Db = defaultDb) {
  return db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt));
}

/**
 * Serialises the decisions about one person's passkeys (is this the first one? the last one?)
 * across concurrent requests: the person's row is locked for the rest of the transaction (not
 * "for update", which only the account's deletion takes: lib/email/outbox.ts).
 */
export async function lockPerson(tx: Db, userId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("no key update");
}

export async function passkeyCount(tx: Db, userId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return row?.n ?? 0;
}

export type RemovePasskeyResult = { removed: true; wasLast: boolean } | { removed: false; confirmLast: true };

/**
 * Removes one of the person's passkeys. The last one goes only when `confirmLast` says the person
 * read the warning; with it go the recovery codes, since without a passkey there is no second
 * factor left to recover (the next sign-in of the coach then asks for a new passkey).
 */
export async function removePasskey(
  userId: string,
  passkeyId: string,
  { confirmLast, origin }: { confirmLast: boolean; origin: string },
  db: Db = defaultDb,
): Promise<RemovePasskeyResult> {
  return db.transaction(async (tx) => {
    await lockPerson(tx, userId);
    const [target] = await tx
      .select({ id: passkeys.id })
      .from(passkeys)
      .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, userId)));
    if (!target) throw new AppError("not_found", "Diesen Passkey gibt es nicht.");
    const wasLast = (await passkeyCount(tx, userId)) === 1;
    if (wasLast && !confirmLast) return { removed: false, confirmLast: true };
    await tx.delete(passkeys).where(eq(passkeys.id, target.id));
    if (wasLast) await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await queueSecurityNotice(tx, { userId, event: "passkey-removed", eventId: target.id, origin });
    return { removed: true, wasLast };
  });
}

/** After a successful assertion: the authenticator's new counter and the time of use. */
export async function recordPasskeyUse(tx: Db, passkeyId: string, counter: number): Promise<void> {
  await tx.update(passkeys).set({ counter, lastUsedAt: sql`now()` }).where(eq(passkeys.id, passkeyId));
}
