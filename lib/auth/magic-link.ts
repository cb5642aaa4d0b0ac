import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { after } from "next/server";
import { createElement } from "react";
import { db } from "@/db";
import { users } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { loadPracticeSettings } from "@/lib/settings/queries";
import MagicLinkEmail, { magicLinkSubject } from "@/emails/magic-link";
import { normalizeIdentifier } from "./identifier";
import { signInPageUrl } from "./sign-in-link";
import { firstNameOf } from "@/lib/validation/first-name";
import { loggable } from "@/lib/http/errors";

export const MAGIC_LINK_MINUTES = 60;

type LinkRequest = { identifier: string; url: string; token: string };

/**
 * Auth.js calls this for every sign-in request and waits for it before it answers, so whatever
 * it did for known addresses only (settings, rendering, the outbox row) showed in the response
 * time: ~10 ms against ~5 ms told anyone who is a client of the practice. It therefore does
 * nothing before the response: the lookup, rendering and queueing run after it, the same answer
 * for every address.
 */
export function sendMagicLink(request: LinkRequest): Promise<void> {
  after(() => queueMagicLink(request).catch((error) => console.error("magic link not queued", loggable(error))));
  return Promise.resolve();
}

/**
 * Only existing accounts get a link; for an unknown address nothing is sent, and the visitor has
 * seen the same "check your email" page. The link opens our page (lib/auth/sign-in-link.ts),
 * which asks for a click before Auth.js uses the token up.
 */
export async function queueMagicLink({ identifier, url, token }: LinkRequest): Promise<void> {
  const email = normalizeIdentifier(identifier);
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.email, email));
  if (!user) return;
  const settings = await loadPracticeSettings();
  const firstName = firstNameOf(user.name);
  const link = signInPageUrl(url);
  // In a transaction, so that the account's lock (lib/email/outbox.ts) lasts until the row is written.
  await db.transaction((tx) =>
    enqueueEmail(
      {
        template: "magic-link",
        toAccount: true,
        to: email,
        subject: magicLinkSubject(settings.practiceName),
        body: createElement(MagicLinkEmail, {
          url: link,
          name: firstName,
          practiceName: settings.practiceName,
          validMinutes: MAGIC_LINK_MINUTES,
        }),
        // The URL holds the one-time token, so each request is its own email.
        dedupeKey: `magic-link:${createHash("sha256").update(link).digest("hex")}`,
        secrets: [token],
      },
      tx,
    ),
  );
}
