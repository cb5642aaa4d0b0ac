import { render } from "@react-email/components";
import { eq, inArray } from "drizzle-orm";
import { after } from "next/server";
import type { ReactElement } from "react";
import { db as defaultDb, type Db } from "@/db";
import { emailOutbox, users, type EmailAttachment } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError, loggable } from "@/lib/http/errors";
import { sqlStateOf } from "@/lib/sql/state";
import { dispatchDueEmails } from "./dispatcher";
import { headerSafe, headersSafe } from "./header-safe";

export type EnqueueInput = {
  /** Template name, for the email log. */
  template: string;
  to: string;
  subject: string;
  body: ReactElement;
  /** Same key, same email: a second enqueue with it is ignored. */
  dedupeKey: string;
  attachments?: EmailAttachment[];
  /** Extra headers (List-Unsubscribe …), stored with the row and sent with the email. */
  headers?: Record<string, string>;
  /**
   * The person a notice to someone else is about (the visitor in the coach's notice of a
   * booking): erasing that person's data erases this email too. Emails to the person are found
   * by their address anyway.
   */
  about?: string;
  /**
   * Every link token in the body (sign-in, invitation, confirmation, manage link). It is sent as
   * it is, then blanked in the stored copy: a sent row holds no secret anyone could use.
   */
  secrets?: string[];
  /** Delivered, then deleted with any local copy (emails caused by an account's deletion). */
  eraseAfterSend?: boolean;
  /**
   * The recipient is an account (a sign-in link, a reminder, the coach's answer): if none has this
   * address any more, because it was deleted after the caller read it, nothing is queued.
   */
  toAccount?: boolean;
};

/**
 * Writes an email into the outbox. Pass the caller's transaction as `tx` so that the email
 * exists exactly when the change that caused it does. Delivery happens after the response.
 */
export async function enqueueEmail(input: EnqueueInput, tx: Db = defaultDb): Promise<{ id: string; created: boolean }> {
  const held = await holdAccountsOf(tx, [input.to, input.about]);
  if (input.toAccount && !held.has(input.to.trim().toLowerCase())) throw new AppError("not_found", "Dieses Konto gibt es nicht mehr.");
  const [html, text] = await Promise.all([render(input.body), render(input.body, { plainText: true })]);
  const inserted = await tx
    .insert(emailOutbox)
    .values({
      dedupeKey: input.dedupeKey,
      template: input.template,
      // Headers never carry a line break, whatever a caller passes (see header-safe.ts).
      to: headerSafe(input.to).toLowerCase(),
      from: headerSafe(env().EMAIL_FROM),
      subject: headerSafe(input.subject),
      html,
      text,
      attachments: input.attachments ?? [],
      headers: headersSafe(input.headers),
      aboutEmail: input.about?.toLowerCase() ?? null,
      secrets: input.secrets?.length ? input.secrets : null,
      eraseAfterSend: input.eraseAfterSend ?? false,
    })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  if (inserted[0]) {
    dispatchAfterResponse();
    return { id: inserted[0].id, created: true };
  }
  const [existing] = await tx.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.dedupeKey, input.dedupeKey));
  return { id: existing!.id, created: false };
}

/**
 * Deleting an account erases every email to or about its address (lib/clients/my-data.ts), after
 * locking the account's row "for update", which nothing else takes. Here the accounts of the
 * addressees are share-locked until the caller's transaction ends: a deletion that comes later
 * waits for this email to be written and then erases it; one already under way makes this refuse
 * at once (without waiting, so that no lock the caller holds can close a circle with it).
 * Returns the addresses whose accounts it holds.
 */
async function holdAccountsOf(tx: Db, addresses: (string | undefined)[]): Promise<Set<string>> {
  const wanted = [...new Set(addresses.filter((a): a is string => !!a).map((a) => a.trim().toLowerCase()))];
  try {
    const held = await tx.select({ email: users.email }).from(users).where(inArray(users.email, wanted)).for("key share", { noWait: true });
    return new Set(held.map((row) => row.email));
  } catch (error) {
    if (sqlStateOf(error) === "55P03") throw new AppError("conflict", "Dieses Konto wird gerade gelöscht.");
    throw error;
  }
}

/** Inside a request, deliver once the response is out; elsewhere the poller or cron will. */
export function dispatchAfterResponse() {
  try {
    after(async () => {
      await dispatchDueEmails().catch((error) => console.error("outbox dispatch failed", loggable(error)));
    });
  } catch {
    // Not in a request scope (scripts, tests): nothing to schedule.
  }
}
