import { NextResponse, type NextRequest } from "next/server";
import { calendarFeedText, isCalendarFeedToken } from "@/lib/calendar/feed";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "private, no-store", "x-robots-tag": "noindex" };

/** The coach's calendar subscription: GET /api/kalender/<secret>.ics. The secret is the only key. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const token = file.endsWith(".ics") ? file.slice(0, -4) : file;
  if (!(await isCalendarFeedToken(token))) {
    return NextResponse.json({ error: "not_found" }, { status: 404, headers: noStore });
  }
  const body = await calendarFeedText();
  return new NextResponse(body, {
    status: 200,
    headers: { ...noStore, "content-type": "text/calendar; charset=utf-8", "content-disposition": 'inline; filename="termine.ics"' },
  });
}
