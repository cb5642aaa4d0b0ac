import { NextResponse } from "next/server";

/** An invitation as a file to download ("termin-2026-12-01.ics"), never cached by anyone on the way. */
export function calendarFile(ics: string, start: Date): NextResponse {
  return new NextResponse(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="termin-${start.toISOString().slice(0, 10)}.ics"`,
      "cache-control": "private, no-store",
    },
  });
}
