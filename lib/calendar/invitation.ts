/**
 * What a calendar entry of an appointment says, decided once for the email attachment, the
 * client's download and the coach's feed. Writing it as iCalendar text is lib/calendar/ics.ts.
 *
 * An invitation carries no health data and nothing a client wrote: a calendar app syncs it to
 * servers and devices we do not control. The coach's note to the client, homework, the booking
 * message and the client's phone number stay in the portal, and the description links there.
 */
import type { Appointment } from "@/db/schema";
import { channelName as channelLabel } from "@/lib/appointments/channels";
import { isPlainName } from "@/lib/booking/greeting";

export type Person = { name: string; email: string };

export type Invitation = {
  uid: string; // stable per appointment, so every update replaces the same calendar entry
  sequence: number; // 0 on creation, raised on every change
  method: "REQUEST" | "CANCEL";
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  organizer: Person;
  attendee: Person;
  alarmMinutesBefore?: number; // default 60: a display alarm (never on CANCEL)
  now?: Date; // DTSTAMP, defaults to new Date()
};

/** One appointment in the coach's subscription feed: no METHOD, no attendees to invite. */
export type FeedEvent = {
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  status: "CONFIRMED" | "TENTATIVE";
  summary: string;
  description?: string;
  location?: string;
  url?: string;
};

export const INVITATION_ALARM_MINUTES = 60;

/** The same UID in every invitation, download and feed entry of an appointment. */
function appointmentUid(appointmentId: string): string {
  return `${appointmentId}@rueckenwind-coaching`;
}

/** Who sends invitations: the coach's name and the practice's address, else the coach's account. */
export function organizerOf(
  practice: { coachName: string; practiceName: string; email: string },
  coach: { name: string | null; email: string },
): Person {
  return { name: practice.coachName || coach.name || practice.practiceName, email: practice.email || coach.email };
}

function portalLine(portalUrl: string | undefined): string[] {
  return portalUrl ? ["", `Details im Portal: ${portalUrl}`] : [];
}

/**
 * The invitation the client (or visitor) gets for an appointment. `portalUrl` is where they read
 * the details: the dashboard for clients, the manage page for a visitor's consultation.
 */
export function invitationFor(
  appointment: Appointment,
  ctx: { method: "REQUEST" | "CANCEL"; organizer: Person; portalUrl?: string; sessionTypeName?: string | null; place?: string | null },
): Invitation {
  const coach = ctx.organizer.name;
  const text =
    appointment.kind === "session"
      ? sessionText(appointment, coach, ctx.sessionTypeName)
      : consultationText(appointment, coach, ctx.method === "CANCEL" ? "cancelled" : (ctx.place ?? appointment.location));
  return {
    uid: appointmentUid(appointment.id),
    sequence: appointment.sequence,
    method: ctx.method,
    start: appointment.startAt,
    end: appointment.endAt,
    summary: text.summary,
    description: [...text.lines, ...portalLine(ctx.portalUrl)].join("\n"),
    location: text.location,
    url: ctx.portalUrl,
    organizer: ctx.organizer,
    attendee: { name: attendeeName(appointment), email: appointment.email },
    alarmMinutesBefore: INVITATION_ALARM_MINUTES,
  };
}

/**
 * Until a consultation's address has confirmed it, the attachment names a visitor only by a plain
 * name (lib/booking/greeting.ts), as the email does: anyone can type any address into the form.
 */
function attendeeName(appointment: Appointment): string {
  if (appointment.kind === "session" || appointment.confirmedAt) return appointment.name;
  return isPlainName(appointment.name.trim()) ? appointment.name.trim() : "";
}

/**
 * A consultation names how it takes place: the video link, the note for a call or the address
 * (`place`: the appointment's, else its channel's default). A cancelled one ("cancelled") promises nothing.
 */
function consultationText(appointment: Appointment, coach: string, place: string | null | undefined) {
  const channel = channelLabel[appointment.channel];
  const summary = `Kostenloses Erstgespräch mit ${coach}`;
  if (place === "cancelled") return { summary, lines: ["Dieser Termin ist abgesagt."], location: channel };
  const where = place?.trim() || "";
  if (!where) {
    const promise =
      appointment.channel === "video"
        ? "Videogespräch. Den Link bekommst du vor dem Termin."
        : appointment.channel === "phone"
          ? "Telefongespräch. Ich rufe dich an."
          : "Vor Ort in der Praxis.";
    return { summary, lines: [promise], location: channel };
  }
  const line =
    appointment.channel === "video"
      ? `Videogespräch: ${where}`
      : appointment.channel === "phone"
        ? `Telefongespräch. Ich rufe dich an. ${where}`
        : `Vor Ort: ${where}`;
  return { summary, lines: [line], location: where };
}

/** A coaching session names its type, its channel and the place or link the coach set. */
function sessionText(appointment: Appointment, coach: string, typeName?: string | null) {
  const channel = channelLabel[appointment.channel];
  const place = appointment.location?.trim() || channel;
  const what = typeName || "Coaching";
  return { summary: `${what} mit ${coach}`, lines: [`${what} (${channel})`, `Ort/Link: ${place}`], location: place };
}

/** What the coach's own feed shows of an appointment: who and how to reach them, never what they wrote. */
export function feedEventFor(row: {
  id: string;
  kind: Appointment["kind"];
  status: Appointment["status"];
  startAt: Date;
  endAt: Date;
  name: string;
  email: string;
  phone: string | null;
  channel: Appointment["channel"];
  location: string | null;
  sequence: number;
  typeName: string | null;
}): FeedEvent {
  const what = row.kind === "consultation" ? "Erstgespräch" : (row.typeName ?? "Coaching");
  const pending = row.status === "pending";
  const contact = [`E-Mail: ${row.email}`, row.phone ? `Telefon: ${row.phone}` : null].filter(Boolean).join("\n");
  return {
    uid: appointmentUid(row.id),
    sequence: row.sequence,
    start: row.startAt,
    end: row.endAt,
    status: pending ? "TENTATIVE" : "CONFIRMED",
    summary: `${pending ? "(unbestätigt) " : ""}${what}: ${row.name}`,
    description: `${what} (${channelLabel[row.channel]})\n${contact}`,
    location: row.location || channelLabel[row.channel],
  };
}
