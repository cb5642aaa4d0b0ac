import { eq } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { formatDateTime } from "@/lib/time/format";
import SecurityNoticeEmail, { securityNoticeSubject, type SecurityEvent } from "@/emails/security-notice";
import { firstNameOf } from "@/lib/validation/first-name";

/** Where a person manages passkeys, codes and sessions. */
export function securitySettingsPath(role: string): string {
  return role === "coach" ? "/coach/einstellungen#anmeldung" : "/dashboard/sicherheit";
}

/**
 * Queues the security email for a change to the account's protection, in the caller's
 * transaction (it exists exactly when the change does). `eventId` names the change once, e.g.
 * the passkey's or the used code's id.
 */
export async function queueSecurityNotice(
  tx: Db,
  {
    userId,
    event,
    eventId,
    origin,
    remainingCodes,
  }: { userId: string; event: SecurityEvent; eventId: string; origin: string; remainingCodes?: number },
): Promise<void> {
  const [user] = await tx.select({ email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) return;
  const settings = await loadPracticeSettings(tx);
  await enqueueEmail(
    {
      template: "security-notice",
      toAccount: true,
      to: user.email,
      subject: securityNoticeSubject(event, settings.practiceName),
      body: createElement(SecurityNoticeEmail, {
        event,
        name: firstNameOf(user.name),
        practiceName: settings.practiceName,
        at: formatDateTime(new Date(), settings.timeZone),
        settingsUrl: `${origin}${securitySettingsPath(user.role)}`,
        remainingCodes,
      }),
      dedupeKey: `security:${event}:${eventId}`,
    },
    tx,
  );
}
