import type { NextRequest } from "next/server";
import { findForManagement } from "@/lib/appointments/consultations";
import { loadBookingSettings } from "@/lib/booking/availability";
import { placeOf } from "@/lib/booking/places";
import { calendarFile } from "@/lib/calendar/download";
import { invitationIcs } from "@/lib/calendar/ics";
import { invitationFor, organizerOf } from "@/lib/calendar/invitation";
import { AppError, errorResponse } from "@/lib/http/errors";
import { theCoach } from "@/lib/settings/coach";
import { loadPracticeSettings } from "@/lib/settings/queries";

/** A confirmed consultation as an .ics file, from its manage link; anything else is a 404. The file carries no link back. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  try {
    const appointment = await findForManagement((await params).token);
    if (!appointment || appointment.status !== "confirmed") throw new AppError("not_found", "Diesen Termin gibt es nicht.");
    const [practice, coach, settings] = await Promise.all([loadPracticeSettings(), theCoach(), loadBookingSettings()]);
    const ics = invitationIcs(
      invitationFor(appointment, { method: "REQUEST", organizer: organizerOf(practice, coach), place: placeOf(appointment, settings) }),
    );
    return calendarFile(ics, appointment.startAt);
  } catch (error) {
    return errorResponse(error);
  }
}
