import type { NextRequest } from "next/server";
import { requireApiUser } from "@/lib/auth/guards";
import { theCoach } from "@/lib/settings/coach";
import { getForClient } from "@/lib/appointments/client";
import { calendarFile } from "@/lib/calendar/download";
import { invitationIcs } from "@/lib/calendar/ics";
import { invitationFor, organizerOf } from "@/lib/calendar/invitation";
import { errorResponse } from "@/lib/http/errors";
import { sessionTypeName } from "@/lib/notifications/sessions";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { siteOrigin } from "@/lib/site-url";

/** The client's own appointment as an .ics file; anyone else's id is a 404. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser("client");
    const appointment = await getForClient(user.id, (await params).id);
    const [practice, coach, typeName, origin] = await Promise.all([
      loadPracticeSettings(),
      theCoach(),
      sessionTypeName(appointment.sessionTypeId),
      siteOrigin(),
    ]);
    const ics = invitationIcs(
      invitationFor(appointment, {
        method: appointment.status === "cancelled" ? "CANCEL" : "REQUEST",
        organizer: organizerOf(practice, coach),
        portalUrl: `${origin}/dashboard/termine`,
        sessionTypeName: typeName,
      }),
    );
    return calendarFile(ics, appointment.startAt);
  } catch (error) {
    return errorResponse(error);
  }
}
