import type { EmailAttachment } from "@/db/schema";

/** What stands in a stored email where a link token was. */
export const REDACTED = "[entfernt]";

/** Undoes iCalendar line folding (CRLF + space), which could split a token across lines. */
const unfold = (text: string) => text.replace(/\r?\n[ \t]/g, "");

function blank(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.replaceAll(secret, REDACTED), text);
}

/**
 * The stored copy of a sent email with every secret replaced: HTML, plain text and attachments
 * (decoded, unfolded, re-encoded when something was blanked). Secrets shorter than 16
 * characters are not tokens and are ignored, so a mistake cannot blank ordinary words.
 */
export function redactSecrets(
  email: { html: string; text: string; attachments: EmailAttachment[] },
  secrets: readonly string[] | null | undefined,
): { html: string; text: string; attachments: EmailAttachment[] } {
  const tokens = (secrets ?? []).filter((s) => s.length >= 16);
  if (tokens.length === 0) return email;
  return {
    html: blank(email.html, tokens),
    text: blank(email.text, tokens),
    attachments: email.attachments.map((a) => {
      const decoded = unfold(Buffer.from(a.content, "base64").toString("utf8"));
      if (!tokens.some((t) => decoded.includes(t))) return a;
      return { ...a, content: Buffer.from(blank(decoded, tokens), "utf8").toString("base64") };
    }),
  };
}
