import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { db } from "@/db";
import { users } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { loadPracticeSettings } from "@/lib/settings/queries";
import MagicLinkEmail, { magicLinkSubject } from "@/emails/magic-link";

export const MAGIC_LINK_MINUTES = 60;

/**
 * Auth.js calls this for every sign-in request. Only existing accounts get a link; for an
 * unknown address nothing is sent, and the visitor sees the same "check your email" page.
 */
export async function sendMagicLink({ identifier, url, token }: { identifier: string; url: string; token: string }): Promise<void> {
  const email = identifier.toLowerCase();
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.email, email));
  if (!user) return;
  const settings = await loadPracticeSettings();
  const firstName = user.name?.split(" ")[0] ?? null;
  await enqueueEmail({
    template: "magic-link",
    to: email,
    subject: magicLinkSubject(settings.practiceName),
    body: createElement(MagicLinkEmail, {
      url,
      name: firstName,
      practiceName: settings.practiceName,
      validMinutes: MAGIC_LINK_MINUTES,
    }),
    // The URL holds the one-time token, so each request is its own email.
    dedupeKey: `magic-link:${createHash("sha256").update(url).digest("hex")}`,
    secrets: [token],
  });
}
