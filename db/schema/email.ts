import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type EmailAttachment = { filename: string; contentType: string; content: string /* base64 */ };

export const outboxStatuses = ["queued", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * Every email the platform sends is first a row here, written in the same transaction
 * as the change that causes it. The dispatcher delivers it later and retries with backoff.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    template: text("template").notNull(),
    to: text("to").notNull(),
    from: text("from").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    attachments: jsonb("attachments").$type<EmailAttachment[]>().notNull().default([]),
    /** Extra headers sent with the email (List-Unsubscribe and List-Unsubscribe-Post of a reminder). */
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    /** The person a notice to someone else is about (the visitor in the coach's notice): their erasure erases it too. */
    aboutEmail: text("about_email"),
    /**
     * Link tokens in the body (sign-in, confirmation, manage links). The dispatcher blanks them in
     * the stored copy once the email is out and clears this column: a sent row holds no usable secret.
     */
    secrets: text("secrets").array(),
    /** Delivered, then deleted with its local-mailbox copy: emails caused by an account's deletion. */
    eraseAfterSend: boolean("erase_after_send").notNull().default(false),
    /** When the daily purge emptied html, text and attachments; the metadata stays for the email log. */
    bodyPurgedAt: timestamp("body_purged_at", { mode: "date", withTimezone: true }),
    status: text("status", { enum: outboxStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { mode: "date", withTimezone: true }),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    sentAt: timestamp("sent_at", { mode: "date", withTimezone: true }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("email_outbox_status_check", sql`${t.status} in ('queued', 'sending', 'sent', 'failed')`),
    index("email_outbox_due_idx").on(t.status, t.nextAttemptAt),
    // Who got and who is about an email: deletion finds them; the booking rules count a day's confirmation requests per address.
    index("email_outbox_to_idx").on(t.to, t.createdAt),
    index("email_outbox_about_idx").on(t.aboutEmail),
  ],
);
export type OutboxEmail = typeof emailOutbox.$inferSelect;

/** The local mailbox: where email "arrives" when no RESEND_API_KEY is set (development, tests). */
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // The outbox id doubles as idempotency key, as it does for Resend: a retry never delivers twice.
    idempotencyKey: text("idempotency_key").notNull().unique(),
    to: text("to").notNull(),
    from: text("from").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    attachments: jsonb("attachments").$type<EmailAttachment[]>().notNull().default([]),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dev_mailbox_to_idx").on(t.to, t.createdAt), index("dev_mailbox_created_idx").on(t.createdAt)],
);
export type DevMailMessage = typeof devMailbox.$inferSelect;
