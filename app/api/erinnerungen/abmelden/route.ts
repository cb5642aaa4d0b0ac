import { NextResponse, type NextRequest } from "next/server";
import { AppError, errorResponse } from "@/lib/http/errors";
import { reminderKindOfToken, unsubscribeWithToken } from "@/lib/reminders/preferences";

export const dynamic = "force-dynamic";

/**
 * One-click unsubscribe (RFC 8058): the mail program POSTs here with the token of the reminder's
 * List-Unsubscribe header; the page /erinnerung/abmelden posts the same form. The token can turn
 * off its one reminder and nothing else, so no session is asked for.
 */
export async function POST(request: NextRequest) {
  try {
    const token = request.nextUrl.searchParams.get("token") ?? "";
    const kind = await reminderKindOfToken(token);
    if (!(await unsubscribeWithToken(token))) throw new AppError("not_found", "Dieser Abmeldelink ist ungültig.");
    // From our own page (a person's browser): back to the page, which says it is done.
    if (request.headers.get("sec-fetch-dest") === "document") {
      return NextResponse.redirect(
        new URL(`/erinnerung/abmelden?erledigt=1${kind === "weekly_checkin" ? "&art=check-in" : ""}`, request.nextUrl.origin),
        303,
      );
    }
    return new NextResponse("Abgemeldet.", { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
  } catch (error) {
    return errorResponse(error);
  }
}
