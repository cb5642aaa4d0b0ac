import { and, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { reminderPreferences, users } from "@/db/schema";
import { accountsNotBeingDeleted } from "@/lib/clients/accounts";

/**
 * The claim of a reminder's local day (`last_sent_on`) on the preference rows that meet `due` (a
 * condition on reminder_preferences joined with users), for accounts no deletion holds: an UPDATE
 * for the caller to finish with `.returning(…)`, or null when no account is due. The journal
 * reminder and the weekly check-in claim this way.
 */
export async function reminderDayClaim(tx: Db, due: SQL | undefined, localDay: SQL<string>) {
  const held = await accountsNotBeingDeleted(tx, reminderPreferences, due);
  if (held.length === 0) return null;
  return {
    update: tx
      .update(reminderPreferences)
      .set({ lastSentOn: localDay, updatedAt: sql`now()` })
      .from(users)
      .where(and(due, inArray(users.id, held))),
  };
}
