import { and, eq } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

export type CoachAccount = { id: string; email: string; name: string | null };

/**
 * The practice's coach: the account of COACH_EMAIL, the one address the app starts with. After a
 * change of COACH_EMAIL the new account is the coach everywhere at once (bookings, notices,
 * comment emails), whatever older coach accounts remain.
 */
export async function theCoach(db: Db = defaultDb): Promise<CoachAccount> {
  const [coach] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.email, env().COACH_EMAIL), eq(users.role, "coach")));
  if (!coach) throw new AppError("unavailable", "Die Praxis ist noch nicht eingerichtet.");
  return coach;
}
