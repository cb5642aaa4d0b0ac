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
};

export type Transport = {
  name: "resend" | "mailbox";
  /** Delivers one email. The key makes a repeated call with the same key deliver nothing new. */
  send(email: OutgoingEmail, idempotencyKey: string): Promise<{ messageId: string }>;
};

/** The only code that knows Resend. */
function resendTransport(apiKey: string, baseUrl?: string): Transport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async send(email, idempotencyKey) {
      const { data, error } = await resend.emails.send(
        {
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          attachments: email.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        },
        { idempotencyKey },
      );
      if (error || !data) throw new Error(`Resend: ${error?.name ?? "error"}: ${error?.message ?? "no data"}`);
      return { messageId: data.id };
    },
  };
}

/** Development and tests: mail lands in a table that /dev/mail and /api/dev/mail read. */
const mailboxTransport: Transport = {
  name: "mailbox",
  async send(email, idempotencyKey) {
    const [row] = await db
      .insert(devMailbox)
      .values({ ...email, idempotencyKey })
      .onConflictDoUpdate({ target: devMailbox.idempotencyKey, set: { idempotencyKey } })
      .returning({ id: devMailbox.id });
    return { messageId: row!.id };
  },
};

export function getTransport(): Transport {
  const e = env();
  return e.RESEND_API_KEY ? resendTransport(e.RESEND_API_KEY, e.RESEND_BASE_URL) : mailboxTransport;
}
