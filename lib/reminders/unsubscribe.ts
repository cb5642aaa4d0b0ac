import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

/**
 * The one-click unsubscribe token of a reminder preference: its id and an HMAC of it under the
 * app's secret. It can do one thing only, turn that reminder off (lib/reminders/preferences.ts),
 * which is why it is the one lasting secret an email may carry. Nothing is stored: the same
 * preference always has the same token, and a rotated secret retires every old one.
 */
function mac(preferenceId: string): string {
  return createHmac("sha256", authSecret()).update(`reminder-unsubscribe:${preferenceId}`).digest("base64url");
}

export function unsubscribeToken(preferenceId: string): string {
  return `${preferenceId}.${mac(preferenceId)}`;
}

/** The preference a token names, or null when it is not one of ours. */
export function preferenceOfToken(token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, id, given] = match;
  const expected = Buffer.from(mac(id!));
  const actual = Buffer.from(given!);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id! : null;
}

/** The headers of RFC 2369 and RFC 8058: mail programs show their own "unsubscribe" button. */
export function unsubscribeHeaders(origin: string, token: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${origin}/api/erinnerungen/abmelden?token=${token}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** What a reminder email carries to turn itself off: the page's link and the one-click headers. */
export function unsubscribeLinks(origin: string, preferenceId: string): { unsubscribeUrl: string; headers: Record<string, string> } {
  const token = unsubscribeToken(preferenceId);
  return { unsubscribeUrl: `${origin}/erinnerung/abmelden?token=${token}`, headers: unsubscribeHeaders(origin, token) };
}
