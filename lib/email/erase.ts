import { and, eq, inArray, ne, or } from "drizzle-orm";
import type { Db } from "@/db";
import { devMailbox, emailOutbox } from "@/db/schema";

/**
 * Erases every email to or about these addresses, in the caller's transaction: outbox rows
 * (with their metadata: the coach's email log no longer lists them) and the local mailbox's
 * copies. The rows are locked first, so a dispatcher finishing a send waits for this to commit;
 * a row being sent right now is only marked, and its dispatcher erases it once it is out.
 * Returns how many rows went.
 */
export async function eraseEmailsOf(tx: Db, addresses: string[]): Promise<number> {
  const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return 0;
  const concerns = or(inArray(emailOutbox.to, wanted), inArray(emailOutbox.aboutEmail, wanted));
  const rows = await tx
    .select({ id: emailOutbox.id, status: emailOutbox.status })
    .from(emailOutbox)
    .where(and(concerns, eq(emailOutbox.eraseAfterSend, false)))
    .for("update");
  const settled = rows.filter((r) => r.status !== "sending").map((r) => r.id);
  const inFlight = rows.filter((r) => r.status === "sending").map((r) => r.id);
  if (inFlight.length > 0) await tx.update(emailOutbox).set({ eraseAfterSend: true }).where(inArray(emailOutbox.id, inFlight));
  if (settled.length > 0) {
    await tx.delete(emailOutbox).where(and(inArray(emailOutbox.id, settled), ne(emailOutbox.status, "sending")));
    await tx.delete(devMailbox).where(inArray(devMailbox.idempotencyKey, settled));
  }
  // The local mailbox is the recipient's inbox in development: theirs goes entirely.
  await tx.delete(devMailbox).where(inArray(devMailbox.to, wanted));
  return settled.length;
}
