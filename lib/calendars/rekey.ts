import { and, eq } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { calendarConnections } from "@/db/schema";
import { calendarKeys, decryptSecret, encryptSecret, isUnderFirstKey } from "./crypto";

/** Re-encrypts every connection's secret under the first key (each row changed only if it still holds what was read). */
export async function rekeyCalendarSecrets(db: Db = defaultDb, keys = calendarKeys()): Promise<{ rekeyed: number; kept: number }> {
  if (keys.length === 0) throw new Error("CALENDAR_KEYS is not set");
  const rows = await db.select({ id: calendarConnections.id, secret: calendarConnections.secret }).from(calendarConnections);
  let rekeyed = 0;
  for (const row of rows) {
    if (isUnderFirstKey(row.secret, keys)) continue;
    const secret = encryptSecret(decryptSecret(row.secret, keys), keys);
    await db
      .update(calendarConnections)
      .set({ secret })
      .where(and(eq(calendarConnections.id, row.id), eq(calendarConnections.secret, row.secret)));
    rekeyed++;
  }
  return { rekeyed, kept: rows.length - rekeyed };
}
