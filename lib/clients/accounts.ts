import { and, eq } from "drizzle-orm";
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
