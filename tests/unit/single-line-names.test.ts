import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { articleInputSchema, commentInputSchema } from "@/lib/articles/schemas";
import { bookingRequestSchema } from "@/lib/booking/schemas";
import { inviteClientSchema } from "@/lib/clients/invitations";
import { headerSafe } from "@/lib/email/header-safe";
import { passkeyNameSchema } from "@/lib/second-factor/schemas";
import { practiceSettingsFormSchema, sessionTypeFormSchema } from "@/lib/settings/schemas";

/*
 * A name or title can end up in an email header (a subject names the visitor, the session type,
 * the article; the practice's name is in every sign-in subject). A line break there would let
 * whoever typed it add headers of their own (Bcc:), so every such field refuses it.
 */
const injected = ["Anna\r\nBcc: victim@example.com", "Anna\nBcc: x", "Anna\rX", "Anna\tMüller", "Anna\u0085X", "Anna\u2028X", "Anna\u001bX"];

const booking = { start: "2027-03-01T10:00:00+01:00", name: "Anna Muster", email: "anna@example.com", channel: "video", consent: true };
const practice = {
  practiceName: "Rückenwind",
  coachName: "Mara",
  profession: "",
  street: "",
  postalCode: "",
  city: "",
  email: "",
  phone: "",
  vatId: "",
  timeZone: "Europe/Berlin",
  reminderLeadHours: "24",
  cancellationCutoffHours: "24",
};
const article = { title: "Warum Schmerz bleibt", slug: "", excerpt: "", body: "Text", tags: "", sources: "", coverImageUrl: "", coverImageAlt: "" };

const fields: [string, z.ZodType, Record<string, unknown>, string][] = [
  ["booking name", bookingRequestSchema, booking, "name"],
  ["invited client's name", inviteClientSchema, { name: "Anna Muster", email: "anna@example.com" }, "name"],
  ["practice name", practiceSettingsFormSchema, practice, "practiceName"],
  ["coach name", practiceSettingsFormSchema, practice, "coachName"],
  ["session type name", sessionTypeFormSchema, { name: "Coaching", durationMinutes: "50", channel: "video", defaultLocation: "" }, "name"],
  ["article title", articleInputSchema, article, "title"],
  ["comment author", commentInputSchema, { authorName: "Anna", body: "Danke!", consent: "on" }, "authorName"],
];

describe("one-line fields", () => {
  it.each(fields)("the %s takes an ordinary value", (_what, schema, valid) => {
    expect(schema.safeParse(valid).success).toBe(true);
  });

  it.each(fields)("the %s refuses line breaks and control characters with a German message", (_what, schema, valid, key) => {
    for (const value of injected) {
      const parsed = schema.safeParse({ ...valid, [key]: value });
      expect(parsed.success, JSON.stringify(value)).toBe(false);
      const messages = parsed.error!.issues.filter((i) => i.path[0] === key).map((i) => i.message);
      expect(messages.join(" ")).toMatch(/in einer Zeile schreiben, ohne Zeilenumbrüche und Steuerzeichen/);
    }
  });

  it("the passkey name too", () => {
    expect(passkeyNameSchema.safeParse("Laptop").success).toBe(true);
    for (const value of injected) expect(passkeyNameSchema.safeParse(value).success).toBe(false);
  });
});

describe("email headers", () => {
  it("never carry a line break or control character, whatever reaches the outbox", () => {
    expect(headerSafe("Neue Anfrage von Anna\r\nBcc: victim@example.com")).toBe("Neue Anfrage von Anna Bcc: victim@example.com");
    expect(headerSafe("a@example.com\n")).toBe("a@example.com");
    expect(headerSafe("Rückenwind <hallo@example.com>")).toBe("Rückenwind <hallo@example.com>");
    expect(headerSafe("x\u0000\u2028\u0085y")).toBe("x y");
  });
});
