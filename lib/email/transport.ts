import { eq } from "drizzle-orm";
import { Resend } from "resend";
import { db } from "@/db";
import { devMailbox, type EmailAttachment } from "@/db/schema";
import { env } from "@/lib/env";

export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>;
};

export type Transport = {
  name: "resend" | "mailbox";
  /** Delivers one email. The key makes a repeated call with the same key deliver nothing new. */
  send(email: OutgoingEmail, idempotencyKey: string): Promise<{ messageId: string }>;
  /**
   * Deletes whatever copy of a delivered email the transport keeps on our side (the local
   * mailbox does; Resend's copy is the provider's, under its own retention).
   */
  forget?(idempotencyKey: string): Promise<void>;
};

/** A failed delivery; `retryAfterMs` is the provider's own wait (429 Retry-After), if it named one. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/**
 * How long one send may take. Without a limit a provider that accepts the connection and never
 * answers would hold the email (and the poller) until the outbox lease runs out, and then a
 * second dispatcher would send it again.
 */
export const SEND_TIMEOUT_MS = 10_000;

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The only code that knows Resend. */
function resendTransport(apiKey: string, baseUrl?: string): Transport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async send(email, idempotencyKey) {
      const signal = AbortSignal.timeout(SEND_TIMEOUT_MS);
      const { data, error, headers } = await resend.emails.send(
        {
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          ...(email.headers && Object.keys(email.headers).length ? { headers: email.headers } : {}),
          attachments: email.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        },
        { idempotencyKey, signal },
      );
      // The SDK turns an aborted fetch into a generic "unable to fetch" error: name the timeout.
      if (signal.aborted) throw new TransportError(`Resend: no answer within ${SEND_TIMEOUT_MS / 1000} s`, undefined, true);
      if (error || !data) {
        const status = error?.statusCode ? ` ${error.statusCode}` : "";
        throw new TransportError(
          `Resend${status}: ${error?.name ?? "error"}: ${error?.message ?? "no data"}`,
          parseRetryAfter(headers?.["retry-after"]),
        );
      }
      return { messageId: data.id };
    },
  };
}

/** Development and tests: mail lands in a table that /dev/mail and /api/dev/mail read. */
const mailboxTransport: Transport = {
  name: "mailbox",
  async send({ headers: _headers, ...email }, idempotencyKey) {
    // The local mailbox keeps what a reader sees; extra headers stay on the outbox row.
    const [row] = await db
      .insert(devMailbox)
      .values({ ...email, idempotencyKey })
      .onConflictDoUpdate({ target: devMailbox.idempotencyKey, set: { idempotencyKey } })
      .returning({ id: devMailbox.id });
    return { messageId: row!.id };
  },
  async forget(idempotencyKey) {
    await db.delete(devMailbox).where(eq(devMailbox.idempotencyKey, idempotencyKey));
  },
};

export function getTransport(): Transport {
  const e = env();
  return e.RESEND_API_KEY ? resendTransport(e.RESEND_API_KEY, e.RESEND_BASE_URL) : mailboxTransport;
}
