import { eq } from "drizzle-orm";
import { createElement } from "react";
import { z } from "zod";
import { db as defaultDb, type Db } from "@/db";
import { users, type User } from "@/db/schema";
import ClientInvitationEmail, { clientInvitationSubject } from "@/emails/client-invitation";
import { createSignInLink } from "@/lib/auth/sign-in-link";
import { enqueueEmail } from "@/lib/email/outbox";
import { AppError } from "@/lib/http/errors";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { isUuid } from "@/lib/sql/uuid";
import { isSingleLine, singleLineMessage } from "@/lib/validation/single-line";
import { clientAccount } from "./accounts";
import { firstNameOf } from "@/lib/validation/first-name";

/** How long an invitation's sign-in link works. */
export const INVITATION_VALID_DAYS = 7;

export const inviteClientSchema = z
  .object({
    name: z
      .string({ error: "Bitte gib einen Namen an." })
      .trim()
      .min(2, "Bitte gib einen Namen an.")
      .max(100, "Der Name ist zu lang (höchstens 100 Zeichen).")
      .refine(isSingleLine, singleLineMessage("Name")),
    email: z
      .string({ error: "Bitte gib eine E-Mail-Adresse an." })
      .trim()
      .toLowerCase()
      .max(254, "Die E-Mail-Adresse ist zu lang.")
      .pipe(z.email("Bitte gib eine gültige E-Mail-Adresse an.")),
  })
  .strict();
export type InviteClientInput = z.infer<typeof inviteClientSchema>;

/**
 * The one way a client is invited: the account exists (created if new, never a second one for
 * the same address) and an email with a one-time sign-in link is queued in the same transaction.
 */
export async function inviteClient(
  input: InviteClientInput,
  origin: string,
  db: Db = defaultDb,
): Promise<{ user: User; created: boolean }> {
  const practice = await loadPracticeSettings(db);
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: "client" })
      .onConflictDoNothing({ target: users.email })
      .returning();
    const user = inserted ?? (await tx.select().from(users).where(eq(users.email, input.email)))[0]!;
    if (user.role !== "client") throw new AppError("conflict", "Diese Adresse gehört zur Praxis selbst.");
    await queueInvitation(tx, user, { origin, practiceName: practice.practiceName, coachName: practice.coachName });
    return { user, created: Boolean(inserted) };
  });
}

/** A new invitation for an existing client (the old link may have expired or been used). */
export async function resendInvitation(clientId: string, origin: string, db: Db = defaultDb): Promise<User> {
  if (!isUuid(clientId)) throw new AppError("not_found", "Diese Person gibt es nicht.");
  const practice = await loadPracticeSettings(db);
  return db.transaction(async (tx) => {
    const user = await clientAccount(tx, clientId, "Diese Person gibt es nicht.");
    await queueInvitation(tx, user, { origin, practiceName: practice.practiceName, coachName: practice.coachName });
    return user;
  });
}

export async function queueInvitation(tx: Db, user: User, ctx: { origin: string; practiceName: string; coachName: string }) {
  const link = await createSignInLink(tx, { email: user.email, origin: ctx.origin, maxAgeSeconds: INVITATION_VALID_DAYS * 86_400 });
  await enqueueEmail(
    {
      template: "client-invitation",
      toAccount: true,
      to: user.email,
      subject: clientInvitationSubject(ctx.practiceName),
      body: createElement(ClientInvitationEmail, {
        practiceName: ctx.practiceName,
        coachName: ctx.coachName,
        name: firstNameOf(user.name) ?? user.email,
        signInUrl: link.url,
        validDays: INVITATION_VALID_DAYS,
      }),
      // Each invitation is its own email (with its own link); the form's button is disabled while it sends.
      dedupeKey: `client-invitation:${user.id}:${crypto.randomUUID()}`,
      secrets: [link.token],
    },
    tx,
  );
}
