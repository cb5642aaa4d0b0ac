import { render } from "@react-email/components";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import AppointmentReminderEmail, { appointmentReminderSubject } from "@/emails/appointment-reminder";

const base = {
  practiceName: "Rückenwind Coaching",
  coachName: "Mara Lindner",
  name: "Sabine",
  when: "Dienstag, 1. Dezember 2026 um 10:00 Uhr (Europe/Berlin)",
  contactEmail: "hallo@example.com",
  location: "",
  dashboardUrl: "",
};

describe("reminder email", () => {
  it("renders its preview data with the video link and the client's area", async () => {
    const text = await render(createElement(AppointmentReminderEmail), { plainText: true });
    expect(text).toContain("https://meet.example.com/rueckenwind");
    expect(text).toContain("/dashboard");
  });

  it("tells a visitor of a consultation how to reach the practice, without any manage link", async () => {
    const text = await render(
      createElement(AppointmentReminderEmail, { ...base, kind: "consultation", channel: "phone", contactPhone: "030 1234567" }),
      { plainText: true },
    );
    expect(text).toContain("Ich rufe dich zur vereinbarten Zeit an");
    expect(text).toContain("hallo@example.com");
    expect(text).toContain("030 1234567");
    expect(text).not.toMatch(/https?:\/\//);
    expect(appointmentReminderSubject("consultation", base.when)).toBe(`Erinnerung: dein Erstgespräch am ${base.when}`);
  });

  it("names the address of an in-person session", async () => {
    const text = await render(
      createElement(AppointmentReminderEmail, {
        ...base,
        kind: "session",
        channel: "in_person",
        location: "Hauptstraße 1, Berlin",
        dashboardUrl: undefined,
      }),
      { plainText: true },
    );
    expect(text).toContain("Wir treffen uns hier: Hauptstraße 1, Berlin");
  });
});
