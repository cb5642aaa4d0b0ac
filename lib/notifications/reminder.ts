import { createElement } from "react";
import type { Db } from "@/db";
import type { Appointment } from "@/db/schema";
import AppointmentReminderEmail, { appointmentReminderSubject } from "@/emails/appointment-reminder";
import { enqueueEmail } from "@/lib/email/outbox";
import { formatAppointmentTime } from "@/lib/time/format";
import type { Voice } from "./voice";

/** The reminder before a confirmed appointment, once per version of it (its sequence). */
export async function queueReminder(tx: Db, voice: Voice, appointment: Appointment, origin: string) {
  const when = formatAppointmentTime(appointment.startAt, voice.practice.timeZone);
  await enqueueEmail(
    {
      template: "appointment-reminder",
      to: appointment.email,
      subject: appointmentReminderSubject(appointment.kind, when),
      body: createElement(AppointmentReminderEmail, {
        kind: appointment.kind,
        practiceName: voice.practice.practiceName,
        coachName: voice.sender.name,
        name: appointment.name.split(" ")[0] || appointment.name,
        when,
        channel: appointment.channel,
        // Explicit empty values: undefined would fall back to the template's preview data.
        location: appointment.location ?? "",
        dashboardUrl: appointment.kind === "session" && appointment.clientId ? `${origin}/dashboard` : "",
        contactEmail: voice.sender.email,
        contactPhone: voice.practice.phone,
      }),
      dedupeKey: `reminder:${appointment.id}:${appointment.sequence}`,
    },
    tx,
  );
}
