import { count, desc, eq } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { emailOutbox, outboxStatuses, type OutboxStatus } from "@/db/schema";

export const EMAIL_LOG_PAGE_SIZE = 50;

export const outboxStatusLabels: Record<OutboxStatus, string> = {
  queued: "Wartet",
  sending: "Wird gesendet",
  sent: "Gesendet",
  failed: "Fehlgeschlagen",
};

export function parseOutboxStatus(value: unknown): OutboxStatus | undefined {
  return typeof value === "string" && (outboxStatuses as readonly string[]).includes(value) ? (value as OutboxStatus) : undefined;
}

export type EmailLogRow = {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
  /** Set once the daily purge emptied the body: such an email cannot be sent again. */
  bodyPurgedAt: Date | null;
};

/** The coach's email log: newest first, optionally one status, 50 per page (page 1 first). Bodies stay out. */
export async function listOutboxEmails(
  options: { status?: OutboxStatus; page?: number } = {},
  db: Db = defaultDb,
): Promise<{ rows: EmailLogRow[]; total: number; page: number; pages: number }> {
  const where = options.status ? eq(emailOutbox.status, options.status) : undefined;
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(emailOutbox).where(where);
  const pages = Math.max(1, Math.ceil(total / EMAIL_LOG_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
  const rows = await db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.to,
      subject: emailOutbox.subject,
      template: emailOutbox.template,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
      nextAttemptAt: emailOutbox.nextAttemptAt,
      bodyPurgedAt: emailOutbox.bodyPurgedAt,
    })
    .from(emailOutbox)
    .where(where)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(EMAIL_LOG_PAGE_SIZE)
    .offset((page - 1) * EMAIL_LOG_PAGE_SIZE);
  return { rows, total, page, pages };
}
