import { createElement } from "react";
import type { Db } from "@/db";
import type { Appointment } from "@/db/schema";
import BookingRequestEmail, { bookingRequestSubject } from "@/emails/booking-request";
import BookingUpdateEmail, { bookingUpdateSubject, type BookingUpdateKind } from "@/emails/booking-update";
import { loadBookingSettings } from "@/lib/booking/availability";
import { bookerWhen } from "@/lib/booking/booker-time";
import { greetingName } from "@/lib/booking/greeting";
import { placeOf } from "@/lib/booking/places";
import { invitationAttachment } from "@/lib/calendar/ics";
import { invitationFor } from "@/lib/calendar/invitation";
import { enqueueEmail } from "@/lib/email/outbox";
import { minutesInWords } from "@/lib/time/format";
import type { Voice } from "./voice";
import { firstNameOf } from "@/lib/validation/first-name";

/** A visitor is greeted by the name they gave once the address has confirmed, before only by a plain one. */
function visitorName(appointment: Appointment): string | null {
  return appointment.confirmedAt ? (firstNameOf(appointment.name) ?? appointment.name) : greetingName(appointment.name);
}

/** Times in the practice's zone, and in the visitor's own too where it differs. */
export function visitorWhen(appointment: Pick<Appointment, "visitorTimeZone">, practiceTimeZone: string, start: Date): string {
  return bookerWhen(start, practiceTimeZone, appointment.visitorTimeZone);
}

/** The email that asks to confirm a pending booking (its link carries `confirmToken`, blanked once sent). */
export async function queueConfirmationRequest(
  tx: Db,
  appointment: Appointment,
  confirmToken: string,
  ctx: { origin: string; practiceName: string; practiceTimeZone: string; dedupeKey: string },
) {
  const remaining = Math.max(1, Math.ceil(((appointment.pendingExpiresAt?.getTime() ?? Date.now()) - Date.now()) / 60_000));
  await enqueueEmail(
    {
      template: "booking-request",
      to: appointment.email,
      subject: bookingRequestSubject,
      body: createElement(BookingRequestEmail, {
        practiceName: ctx.practiceName,
        name: visitorName(appointment),
        when: visitorWhen(appointment, ctx.practiceTimeZone, appointment.startAt),
        confirmUrl: `${ctx.origin}/termin/bestaetigen/${confirmToken}`,
        validFor: minutesInWords(remaining),
      }),
      dedupeKey: ctx.dedupeKey,
      secrets: [confirmToken],
    },
    tx,
  );
}

/**
 * The visitor's email about their consultation, with the calendar invitation. `manageToken`
 * makes the "manage" button (blanked in the stored copy once sent); `reason` is only ever text
 * the coach wrote, or none; `by` says who cancelled; `previousStart` is the time it moved from.
 */
export async function queueVisitorUpdate(
  tx: Db,
  voice: Voice,
  appointment: Appointment,
  kind: BookingUpdateKind,
  extra: {
    manageToken?: string;
    reason?: string | null;
    origin: string;
    eraseAfterSend?: boolean;
    by?: NonNullable<Appointment["cancelledBy"]>;
    previousStart?: Date;
  },
) {
  // The cut-off is read only when a visitor's email is written (sessions and coach notices need none).
  const settings = await loadBookingSettings(tx);
  const when = visitorWhen(appointment, settings.timeZone, appointment.startAt);
  const cancelled = kind === "cancelled";
  // A cancelled appointment promises no link or call any more.
  const place = cancelled ? null : placeOf(appointment, settings);
  await enqueueEmail(
    {
      template: `booking-${kind}`,
      to: appointment.email,
      subject: bookingUpdateSubject(kind, when),
      body: createElement(BookingUpdateEmail, {
        kind,
        practiceName: voice.practice.practiceName,
        coachName: voice.sender.name,
        name: visitorName(appointment),
        when,
        channel: appointment.channel,
        place: place ?? "",
        manageUrl: extra.manageToken ? `${extra.origin}/termin/${extra.manageToken}` : "",
        bookUrl: `${extra.origin}/erstgespraech`,
        previousWhen: extra.previousStart ? visitorWhen(appointment, settings.timeZone, extra.previousStart) : "",
        cancelledBy: extra.by ?? "coach",
        reason: extra.reason,
        cutoffHours: Math.round(settings.cancellationCutoffMinutes / 60),
        contactEmail: voice.sender.email,
      }),
      // The invitation carries no manage link: a calendar keeps it for good and shares it.
      attachments: [
        invitationAttachment(invitationFor(appointment, { method: cancelled ? "CANCEL" : "REQUEST", organizer: voice.sender, place })),
      ],
      dedupeKey: `booking-${kind}:${appointment.id}:${appointment.sequence}`,
      secrets: extra.manageToken ? [extra.manageToken] : undefined,
      eraseAfterSend: extra.eraseAfterSend,
    },
    tx,
  );
}
