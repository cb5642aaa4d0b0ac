import { createElement } from "react";
import type { Db } from "@/db";
import type { Appointment } from "@/db/schema";
import CoachBookingNotice, { coachNoticeSubject, type CoachNoticeKind } from "@/emails/coach-booking-notice";
import { enqueueEmail } from "@/lib/email/outbox";
import { formatAppointmentTime } from "@/lib/time/format";
import type { Voice } from "./voice";

/**
 * The coach's notice of a change, to the coach's account. It names the person and the time; what
 * they wrote (the booking message, a cancellation reason) waits in the portal and is never quoted.
 */
export async function queueCoachNotice(
  tx: Db,
  voice: Voice,
  appointment: Appointment,
  kind: CoachNoticeKind,
  extra: { origin: string; previousStart?: Date; reasonGiven?: boolean; accountDeleted?: boolean },
) {
  const tz = voice.practice.timeZone;
  const when = formatAppointmentTime(appointment.startAt, tz, { withZone: false });
  const session = appointment.kind === "session";
  await enqueueEmail(
    {
      template: `coach-booking-${kind}`,
      to: voice.coach.email,
      subject: coachNoticeSubject(kind, appointment.name, when, session),
      body: createElement(CoachBookingNotice, {
        kind,
        practiceName: voice.practice.practiceName,
        name: appointment.name,
        email: appointment.email,
        phone: appointment.phone,
        channel: appointment.channel,
        when,
        previousWhen: extra.previousStart ? formatAppointmentTime(extra.previousStart, tz, { withZone: false }) : undefined,
        hasMessage: Boolean(appointment.message?.trim()),
        hasSelfCheck: appointment.selfCheck !== null,
        reasonGiven: extra.reasonGiven ?? false,
        accountDeleted: extra.accountDeleted ?? false,
        portalUrl:
          session && appointment.clientId ? `${extra.origin}/coach/klienten/${appointment.clientId}` : `${extra.origin}/coach/termine`,
        session,
      }),
      dedupeKey: `coach-booking-${kind}:${appointment.id}:${appointment.sequence}`,
      about: appointment.email,
      eraseAfterSend: extra.accountDeleted,
    },
    tx,
  );
}
