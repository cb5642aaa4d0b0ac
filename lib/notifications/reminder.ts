import { createElement } from "react";
import type { Db } from "@/db";
import type { Appointment } from "@/db/schema";
import AppointmentReminderEmail, { appointmentReminderSubject } from "@/emails/appointment-reminder";
import { enqueueEmail } from "@/lib/email/outbox";
import { loadBookingSettings } from "@/lib/booking/availability";
import { placeOf } from "@/lib/booking/places";
import { formatAppointmentTime } from "@/lib/time/format";
import { visitorWhen } from "./consultation";
import type { Voice } from "./voice";
import { firstNameOf } from "@/lib/validation/first-name";

/** The reminder before a confirmed appointment, once per version of it (its sequence). */
export async function queueReminder(tx: Db, voice: Voice, appointment: Appointment, origin: string) {
  const consultation = appointment.kind === "consultation";
  const tz = voice.practice.timeZone;
  // A consultation names the visitor's own time too, and its place falls back to the channel's default.
  const when = consultation ? visitorWhen(appointment, tz, appointment.startAt) : formatAppointmentTime(appointment.startAt, tz);
  const location = consultation ? placeOf(appointment, await loadBookingSettings(tx)) : appointment.location;
  await enqueueEmail(
    {
      template: "appointment-reminder",
      to: appointment.email,
      subject: appointmentReminderSubject(appointment.kind, when),
      body: createElement(AppointmentReminderEmail, {
        kind: appointment.kind,
        practiceName: voice.practice.practiceName,
        coachName: voice.sender.name,
        name: firstNameOf(appointment.name) ?? appointment.name,
        when,
        channel: appointment.channel,
        // Explicit empty values: undefined would fall back to the template's preview data.
        location: location ?? "",
        dashboardUrl: appointment.kind === "session" && appointment.clientId ? `${origin}/dashboard` : "",
        contactEmail: voice.sender.email,
        contactPhone: voice.practice.phone,
      }),
      dedupeKey: `reminder:${appointment.id}:${appointment.sequence}`,
    },
    tx,
  );
}
