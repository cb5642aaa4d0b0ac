import { readdirSync } from "node:fs";
import path from "node:path";
import { render } from "@react-email/components";
import { createElement, type ComponentType } from "react";
import { describe, expect, it } from "vitest";
import type { Appointment } from "@/db/schema";
import CoachBookingNotice from "@/emails/coach-booking-notice";
import NewCommentEmail from "@/emails/new-comment";
import SessionUpdateEmail from "@/emails/session-update";
import { invitationIcs } from "@/lib/calendar/ics";
import { invitationFor } from "@/lib/calendar/invitation";
import { REDACTED, redactSecrets } from "@/lib/email/secrets";

/*
 * Templates carry no health data: what a visitor or client wrote, and the coach's notes for a
 * client, are read in the portal. Each affected template is rendered with markers in the props
 * that used to carry such text (a caller passing them by mistake): none may reach the email.
 */

const MARKER = "mkplantedhealthtext";
async function both(element: ReturnType<typeof createElement>) {
  return `${await render(element)}\n${await render(element, { plainText: true })}`;
}

describe("email templates", () => {
  it("every template in emails/ renders with its preview data", async () => {
    const dir = path.resolve(__dirname, "../../emails");
    const files = readdirSync(dir).filter((f) => f.endsWith(".tsx") && f !== "email-layout.tsx");
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const Template = (await import(path.join(dir, file))).default as ComponentType;
      expect(await render(createElement(Template)), file).toContain("<html");
    }
  });

  it("the coach's notice says a message, a self-check or a reason waits in the portal, and never quotes them", async () => {
    for (const kind of ["booked", "moved", "cancelled"] as const) {
      const html = await both(
        createElement(CoachBookingNotice, {
          ...({ message: `Diagnose ${MARKER}`, reason: `Grund ${MARKER}` } as object),
          kind,
          practiceName: "Praxis",
          name: "Sabine Beispiel",
          email: "sabine@example.com",
          channel: "video",
          when: "Dienstag",
          hasMessage: true,
          hasSelfCheck: true,
          reasonGiven: true,
          portalUrl: "http://localhost:3000/coach/termine",
        }),
      );
      expect(html).not.toContain(MARKER);
      expect(html).toContain("Dazu gibt es eine Nachricht, ein Selbsttest-Ergebnis und eine Begründung. Du liest alles im Praxisbereich.");
    }
  });

  it("the coach's notice names how the appointment takes place: an in-person session is not 'Telefon'", async () => {
    const notice = (channel: "video" | "phone" | "in_person") =>
      render(
        createElement(CoachBookingNotice, {
          kind: "cancelled",
          practiceName: "Praxis",
          name: "Sabine Beispiel",
          email: "sabine@example.com",
          channel,
          when: "Dienstag",
          portalUrl: "http://localhost:3000/coach/termine",
          session: true,
        }),
        { plainText: true },
      );
    expect(await notice("in_person")).toContain("Vor Ort · sabine@example.com");
    expect(await notice("in_person")).not.toContain("Telefon");
    expect(await notice("phone")).toContain("Telefon · sabine@example.com");
    expect(await notice("video")).toContain("Video · sabine@example.com");
  });

  it("the client's session email says a note waits in their area, and never quotes it", async () => {
    const html = await both(
      createElement(SessionUpdateEmail, {
        ...({ note: `Notiz ${MARKER}`, homework: `Hausaufgabe ${MARKER}` } as object),
        kind: "scheduled",
        practiceName: "Praxis",
        coachName: "Mara",
        name: "Anna",
        typeName: "Coaching",
        when: ["Dienstag"],
        channel: "video",
        hasNote: true,
        dashboardUrl: "http://localhost:3000/dashboard/termine",
        contactEmail: "hallo@example.com",
      }),
    );
    expect(html).not.toContain(MARKER);
    expect(html).toContain("Du liest sie in deinem Bereich.");
  });

  it("the coach's notice of a comment does not quote what the visitor wrote", async () => {
    const html = await both(
      createElement(NewCommentEmail, {
        ...({ body: `Mein Rücken ${MARKER}` } as object),
        practiceName: "Praxis",
        articleTitle: "Artikel",
        authorName: "Leserin",
        moderationUrl: "http://localhost:3000/coach/kommentare",
      }),
    );
    expect(html).not.toContain(MARKER);
    expect(html).toContain("wartet im Praxisbereich auf deine Freigabe");
  });
});

describe("calendar invitations", () => {
  const session = {
    id: "6f1c1d5e-6a55-4f43-9d43-0a3d9c7d1e01",
    kind: "session",
    status: "confirmed",
    channel: "video",
    sequence: 0,
    startAt: new Date("2026-12-01T09:00:00Z"),
    endAt: new Date("2026-12-01T09:50:00Z"),
    name: "Anna Keller",
    email: "anna@example.com",
    phone: null,
    location: "https://meet.example.com/anna",
    noteToClient: `Notiz ${MARKER}`,
    homework: `Hausaufgabe ${MARKER}`,
    message: `Nachricht ${MARKER}`,
    cancelReason: `Grund ${MARKER}`,
  } as unknown as Appointment;
  const ctx = {
    method: "REQUEST" as const,
    organizer: { name: "Mara Lindner", email: "hallo@example.com" },
    portalUrl: "https://praxis.example/dashboard/termine",
  };

  it("of a session and of a consultation carry no note, homework, message or reason", () => {
    for (const appointment of [session, { ...session, kind: "consultation" } as Appointment]) {
      const ics = invitationIcs(invitationFor(appointment, ctx)).replace(/\r\n /g, "");
      expect(ics).not.toContain(MARKER);
      expect(ics).toContain("SUMMARY:");
    }
    expect(invitationIcs(invitationFor(session, ctx)).replace(/\r\n /g, "")).toContain(
      "Details im Portal: https://praxis.example/dashboard/termine",
    );
  });
});

describe("secrets in a sent email's stored copy", () => {
  const token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";
  it("are blanked in HTML, text and a folded, base64-encoded attachment", () => {
    const ics = `BEGIN:VCALENDAR\r\nURL:https://praxis.example/termin/${token.slice(0, 20)}\r\n ${token.slice(20)}\r\nEND:VCALENDAR\r\n`;
    const out = redactSecrets(
      {
        html: `<a href="https://praxis.example/termin/${token}">x</a>`,
        text: `Link: https://praxis.example/termin/${token}`,
        attachments: [{ filename: "termin.ics", contentType: "text/calendar", content: Buffer.from(ics).toString("base64") }],
      },
      [token],
    );
    expect(out.html).toBe(`<a href="https://praxis.example/termin/${REDACTED}">x</a>`);
    expect(out.text).toBe(`Link: https://praxis.example/termin/${REDACTED}`);
    expect(Buffer.from(out.attachments[0]!.content, "base64").toString()).toContain(`termin/${REDACTED}`);
    expect(Buffer.from(out.attachments[0]!.content, "base64").toString().replace(/\r\n /g, "")).not.toContain(token);
  });

  it("leave an email without secrets, and ignore anything too short to be a token", () => {
    const email = { html: "<p>Hallo Anna</p>", text: "Hallo Anna", attachments: [] };
    expect(redactSecrets(email, null)).toBe(email);
    expect(redactSecrets(email, ["Anna"])).toBe(email);
  });
});
