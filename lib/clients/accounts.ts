import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { users, type User } from "@/db/schema";
import { AppError } from "@/lib/http/errors";

/**
 * The client account with this id (never the coach's); a not_found AppError saying `missing` when
 * there is none. `forDeletion` locks the row "for update" for the rest of the transaction, the lock
 * only an account's deletion takes (lib/email/outbox.ts waits for no email while it is held).
 */
export async function clientAccount(db: Db, id: string, missing: string, { forDeletion = false } = {}): Promise<User> {
  const query = db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, "client")));
  const [user] = forDeletion ? await query.for("update") : await query;
  if (!user) throw new AppError("not_found", missing);
  return user;
}

/**
 * For a batch to many accounts (the cron's reminders and follow-ups): of the accounts whose rows of
 * `table` meet `due` (a condition on that table joined with users), share-locks those no deletion
 * has locked, until the transaction ends, and returns their ids. An account being deleted is left
 * out of the batch, with no claim on its rows, so the next run finds it gone, or due again if the
 * deletion failed; and nothing the batch writes can then wait for the deletion, nor the deletion
 * for the batch while it waits.
 */
export async function accountsNotBeingDeleted(db: Db, table: PgTable, due: SQL | undefined): Promise<string[]> {
  const candidates = db.select({ id: users.id }).from(table).innerJoin(users, due);
  const held = await db.select({ id: users.id }).from(users).where(inArray(users.id, candidates)).for("key share", { skipLocked: true });
  return held.map((row) => row.id);
}
