import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users, type User } from "@/db/schema";
import { AppError } from "@/lib/http/errors";

/** The client account with this id (never the coach's); a not_found AppError saying `missing` when there is none. */
export async function clientAccount(db: Db, id: string, missing: string): Promise<User> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, "client")));
  if (!user) throw new AppError("not_found", missing);
  return user;
}
