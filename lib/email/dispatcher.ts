import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { emailOutbox, type OutboxEmail } from "@/db/schema";
import { MAX_ATTEMPTS, retryDelayMs } from "./backoff";
import { env } from "@/lib/env";
import { redactSecrets } from "./secrets";
import { getTransport, TransportError, type Transport } from "./transport";
import { headerSafe, headersSafe } from "./header-safe";

/** How long a claimed email stays with one dispatcher before another may take it over. */
const LEASE = sql`interval '2 minutes'`;

/**
 * Claims due emails and marks them as being sent. `FOR UPDATE SKIP LOCKED` lets any number of
 * dispatchers (requests, cron, instances) run at once without two of them taking the same row.
 * A row whose lease ran out (its dispatcher died mid-send) becomes due again.
 */
export async function claimDueEmails(limit: number, db: Db = defaultDb): Promise<OutboxEmail[]> {
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      or(
        and(eq(emailOutbox.status, "queued"), lte(emailOutbox.nextAttemptAt, sql`now()`)),
        and(eq(emailOutbox.status, "sending"), lt(emailOutbox.lockedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(emailOutbox.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(emailOutbox)
    .set({ status: "sending", lockedUntil: sql`now() + ${LEASE}`, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(inArray(emailOutbox.id, due))
    .returning();
}

export type DispatchResult = { sent: number; retried: number; failed: number };

/** Delivers what is due, batch by batch, until nothing is left or the batches run out. */
export async function dispatchDueEmails(
  options: { batchSize?: number; maxBatches?: number; transport?: Transport; db?: Db } = {},
): Promise<DispatchResult> {
  const { batchSize = 20, maxBatches = 10, db = defaultDb } = options;
  const transport = options.transport ?? getTransport();
  const result: DispatchResult = { sent: 0, retried: 0, failed: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const claimed = await claimDueEmails(batchSize, db);
    for (const [index, email] of claimed.entries()) {
      const outcome = await deliver(email, transport, db);
      result[outcome.result]++;
      if (outcome.timedOut) {
        // A provider that hangs would cost the timeout per email, and a long batch would outlive
        // its lease and be claimed (and sent) a second time: hand the rest back untried.
        await releaseUntried(
          claimed.slice(index + 1).map((e) => e.id),
          db,
        );
        return result;
      }
    }
    if (claimed.length < batchSize) break;
  }
  return result;
}

/** Claimed but not tried: back in the queue as they were, the claim's attempt undone. */
async function releaseUntried(ids: string[], db: Db) {
  if (ids.length === 0) return;
  await db
    .update(emailOutbox)
    .set({ status: "queued", lockedUntil: null, attempts: sql`greatest(0, ${emailOutbox.attempts} - 1)` })
    .where(and(inArray(emailOutbox.id, ids), eq(emailOutbox.status, "sending")));
}

async function deliver(email: OutboxEmail, transport: Transport, db: Db): Promise<{ result: keyof DispatchResult; timedOut?: boolean }> {
  try {
    const { messageId } = await transport.send(
      // Cleaned again on the way out: a row written by older code or by hand cannot smuggle a header.
      {
        from: headerSafe(email.from),
        to: headerSafe(email.to),
        subject: headerSafe(email.subject),
        html: email.html,
        text: email.text,
        attachments: email.attachments,
        headers: headersSafe(email.headers),
      },
      email.id,
    );
    // The stored copy keeps no usable link: its tokens are blanked in the same statement that
    // records the delivery. The update also reads the erase flag under the row lock, so a deletion
    // that marked this email while it was being sent is seen here.
    const [row] = await db
      .update(emailOutbox)
      .set({
        status: "sent",
        sentAt: sql`now()`,
        providerMessageId: messageId,
        lockedUntil: null,
        lastError: null,
        ...(email.secrets?.length ? { ...redactSecrets(email, email.secrets), secrets: null } : {}),
      })
      .where(eq(emailOutbox.id, email.id))
      .returning({ erase: emailOutbox.eraseAfterSend });
    if (row?.erase) await eraseDelivered(email.id, transport, db);
    return { result: "sent" };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const giveUp = email.attempts >= MAX_ATTEMPTS;
    // A provider that says how long to wait (429 Retry-After) is not asked again sooner.
    const backoff = retryDelayMs(email.attempts, Math.random, env().OUTBOX_RETRY_BASE_SECONDS * 1000);
    const delayMs = Math.max(backoff, error instanceof TransportError ? (error.retryAfterMs ?? 0) : 0);
    const [row] = await db
      .update(emailOutbox)
      .set({
        status: giveUp ? "failed" : "queued",
        lockedUntil: null,
        lastError: message,
        nextAttemptAt: sql`now() + ${`${delayMs} milliseconds`}::interval`,
      })
      .where(eq(emailOutbox.id, email.id))
      .returning({ erase: emailOutbox.eraseAfterSend });
    // An email about a deleted person that cannot be delivered is not kept for a retry.
    if (giveUp && row?.erase) await db.delete(emailOutbox).where(eq(emailOutbox.id, email.id));
    return { result: giveUp ? "failed" : "retried", timedOut: error instanceof TransportError && error.timedOut };
  }
}

/** Delivered and now forgotten: the row and the transport's own copy (the local mailbox's). */
async function eraseDelivered(id: string, transport: Transport, db: Db) {
  await db.delete(emailOutbox).where(eq(emailOutbox.id, id));
  await transport.forget?.(id);
}

/** The coach's "send again" for an email that gave up, while its body is still kept. */
export async function retryEmail(id: string, db: Db = defaultDb): Promise<boolean> {
  const rows = await db
    .update(emailOutbox)
    .set({ status: "queued", attempts: 0, nextAttemptAt: sql`now()`, lastError: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "failed"), isNull(emailOutbox.bodyPurgedAt)))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}
