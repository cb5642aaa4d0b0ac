import { and, eq, lt, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { appointments } from "@/db/schema";
import { drawCredit } from "@/lib/billing/packages";
import { AppError } from "@/lib/http/errors";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { practiceDate } from "@/lib/time/zone";

/**
 * The coach marks how a confirmed appointment that has begun went. A held session draws a credit
 * from the client's package, if they have one with a credit left on the session's date.
 */
export async function setOutcome(id: string, status: "completed" | "no_show", db: Db = defaultDb): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(appointments)
      .set({ status, updatedAt: sql`now()` })
      .where(and(eq(appointments.id, id), eq(appointments.status, "confirmed"), lt(appointments.startAt, sql`now()`)))
      .returning({ kind: appointments.kind, clientId: appointments.clientId, startAt: appointments.startAt });
    const [row] = rows;
    if (!row) throw new AppError("conflict", "Nur bestätigte Termine, die begonnen haben, lassen sich so markieren.");
    if (row.kind === "session" && status === "completed" && row.clientId) {
      const { timeZone } = await loadPracticeSettings(tx);
      await drawCredit(tx, id, row.clientId, practiceDate(row.startAt, timeZone));
    }
  });
}
