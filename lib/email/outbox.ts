import { render } from "@react-email/components";
import { eq } from "drizzle-orm";
import { after } from "next/server";
import type { ReactElement } from "react";
import { db as defaultDb, type Db } from "@/db";
import { emailOutbox, type EmailAttachment } from "@/db/schema";
import { env } from "@/lib/env";
import { dispatchDueEmails } from "./dispatcher";

export type EnqueueInput = {
  /** Template name, for the email log. */
  template: string;
  to: string;
  subject: string;
  body: ReactElement;
  /** Same key, same email: a second enqueue with it is ignored. */
  dedupeKey: string;
  attachments?: EmailAttachment[];
};

/**
 * Writes an email into the outbox. Pass the caller's transaction as `tx` so that the email
 * exists exactly when the change that caused it does. Delivery happens after the response.
 */
export async function enqueueEmail(input: EnqueueInput, tx: Db = defaultDb): Promise<{ id: string; created: boolean }> {
  const [html, text] = await Promise.all([render(input.body), render(input.body, { plainText: true })]);
  const inserted = await tx
    .insert(emailOutbox)
    .values({
      dedupeKey: input.dedupeKey,
      template: input.template,
      to: input.to.toLowerCase(),
      from: env().EMAIL_FROM,
      subject: input.subject,
      html,
      text,
      attachments: input.attachments ?? [],
    })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  if (inserted[0]) {
    dispatchAfterResponse();
    return { id: inserted[0].id, created: true };
  }
  const [existing] = await tx
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(eq(emailOutbox.dedupeKey, input.dedupeKey));
  return { id: existing!.id, created: false };
}

/** Inside a request, deliver once the response is out; elsewhere the poller or cron will. */
function dispatchAfterResponse() {
  try {
    after(async () => {
      await dispatchDueEmails().catch((error) => console.error("outbox dispatch failed", error));
    });
  } catch {
    // Not in a request scope (scripts, tests): nothing to schedule.
  }
}
