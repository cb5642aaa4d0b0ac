import { describe, expect, it } from "vitest";
import type { Appointment } from "@/db/schema";
import { invitationIcs } from "@/lib/calendar/ics";
import { feedEventFor, invitationFor, organizerOf } from "@/lib/calendar/invitation";

const organizer = { name: "Mara Lindner", email: "praxis@example.com" };

function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: "3b1f6c1e-8f0a-4a5e-9d38-0c8f2b9d6a11",
    kind: "session",
    status: "confirmed",
    startAt: new Date("2026-12-03T09:00:00Z"),
    endAt: new Date("2026-12-03T09:50:00Z"),
    name: "Anna Keller",
    email: "anna@example.com",
    phone: "0170 555 12 34",
    channel: "video",
    location: "https://meet.example.com/anna",
    message: "Seit Jahren Schmerzen im unteren Rücken",
    noteToClient: "Bring gern dein Schmerztagebuch mit.",
    sequence: 2,
    ...overrides,
  } as Appointment;
}

const health = ["Schmerztagebuch", "Schmerzen im unteren Rücken", "0170 555 12 34"];

describe("what an invitation says", () => {
  it("a session: its type with the coach, its place, a link into the portal, and nothing the client or the coach wrote about them", () => {
    const invitation = invitationFor(appointment(), {
      method: "REQUEST",
      organizer,
      portalUrl: "https://praxis.example.de/dashboard/termine",
      sessionTypeName: "Coaching-Sitzung",
    });
    expect(invitation).toMatchObject({
      uid: "3b1f6c1e-8f0a-4a5e-9d38-0c8f2b9d6a11@rueckenwind-coaching",
      sequence: 2,
      method: "REQUEST",
      summary: "Coaching-Sitzung mit Mara Lindner",
      location: "https://meet.example.com/anna",
      url: "https://praxis.example.de/dashboard/termine",
      organizer,
      attendee: { name: "Anna Keller", email: "anna@example.com" },
      alarmMinutesBefore: 60,
    });
    expect(invitation.description).toContain("Details im Portal: https://praxis.example.de/dashboard/termine");
    expect(invitation.description).toContain("Ort/Link: https://meet.example.com/anna");
    const text = invitationIcs(invitation);
    for (const words of health) expect(text.replace(/\r\n /g, "")).not.toContain(words);
  });

  it("a consultation: the free consultation with the coach by video or phone, without the visitor's message or number", () => {
    const consultation = appointment({ kind: "consultation", channel: "phone", location: null, noteToClient: null });
    const invitation = invitationFor(consultation, { method: "REQUEST", organizer, portalUrl: "https://praxis.example.de/termin/abc" });
    expect(invitation.summary).toBe("Kostenloses Erstgespräch mit Mara Lindner");
    expect(invitation.location).toBe("Telefon");
    expect(invitation.description).toBe("Telefongespräch. Ich rufe dich an.\n\nDetails im Portal: https://praxis.example.de/termin/abc");
    const video = invitationFor({ ...consultation, channel: "video" }, { method: "REQUEST", organizer });
    expect(video.location).toBe("Video");
    expect(video.description).toBe("Videogespräch. Den Link bekommst du vor dem Termin.");
    // With a link (the appointment's or the channel's default), the entry carries it.
    const linked = invitationFor(
      { ...consultation, channel: "video" },
      { method: "REQUEST", organizer, place: "https://meet.example.com/mara" },
    );
    expect(linked.location).toBe("https://meet.example.com/mara");
    expect(linked.description).toBe("Videogespräch: https://meet.example.com/mara");
    // A cancelled one promises no link any more, and carries none.
    const cancelled = invitationFor(
      { ...consultation, channel: "video", location: "https://meet.example.com/mara" },
      { method: "CANCEL", organizer },
    );
    expect(cancelled.location).toBe("Video");
    expect(cancelled.description).toBe("Dieser Termin ist abgesagt.");
    for (const words of health) expect(invitationIcs(invitation).replace(/\r\n /g, "")).not.toContain(words);
  });

  it("an unconfirmed consultation names the visitor only by a plain name; once confirmed, by the name they gave", () => {
    const spam = "Wichtig: Ihr Konto wird gesperrt https://evil.example";
    const pending = appointment({ kind: "consultation", status: "pending", confirmedAt: null, name: spam });
    const ics = invitationIcs(invitationFor(pending, { method: "REQUEST", organizer })).replace(/\r\n /g, "");
    expect(ics).not.toContain("Wichtig");
    expect(ics).not.toContain("evil.example");
    expect(ics).toContain("anna@example.com");
    const plain = appointment({ kind: "consultation", status: "pending", confirmedAt: null, name: "Anna-Lena Meier" });
    expect(invitationFor(plain, { method: "REQUEST", organizer }).attendee.name).toBe("Anna-Lena Meier");
    const confirmed = appointment({ kind: "consultation", confirmedAt: new Date("2026-11-30T10:00:00Z"), name: "Dr. Anna K. (Praxis)" });
    expect(invitationFor(confirmed, { method: "REQUEST", organizer }).attendee.name).toBe("Dr. Anna K. (Praxis)");
  });

  it("an in-person session without a place says so instead of naming the phone", () => {
    const invitation = invitationFor(appointment({ channel: "in_person", location: "  " }), { method: "REQUEST", organizer });
    expect(invitation.location).toBe("Vor Ort");
    expect(invitation.summary).toBe("Coaching mit Mara Lindner");
  });

  it("is sent by the coach's name and the practice's address, else the coach's account", () => {
    const practice = { coachName: "", practiceName: "Rückenwind Coaching", email: "" };
    expect(organizerOf(practice, { name: "Mara", email: "coach@example.com" })).toEqual({ name: "Mara", email: "coach@example.com" });
    expect(organizerOf(practice, { name: null, email: "coach@example.com" })).toEqual({
      name: "Rückenwind Coaching",
      email: "coach@example.com",
    });
    expect(organizerOf({ ...practice, coachName: "Mara Lindner", email: "hallo@praxis.de" }, { name: "M", email: "c@x.de" })).toEqual({
      name: "Mara Lindner",
      email: "hallo@praxis.de",
    });
  });

  it("the coach's feed shows who and how to reach them under the same UID, never what they wrote", () => {
    const row = { ...appointment({ kind: "consultation", status: "pending", channel: "phone", location: null }), typeName: null };
    const event = feedEventFor(row);
    expect(event).toMatchObject({
      uid: "3b1f6c1e-8f0a-4a5e-9d38-0c8f2b9d6a11@rueckenwind-coaching",
      status: "TENTATIVE",
      summary: "(unbestätigt) Erstgespräch: Anna Keller",
      location: "Telefon",
    });
    expect(event.description).toBe("Erstgespräch (Telefon)\nE-Mail: anna@example.com\nTelefon: 0170 555 12 34");
    expect(JSON.stringify(event)).not.toContain("Rücken");
    expect(JSON.stringify(event)).not.toContain("Schmerztagebuch");
  });
});
