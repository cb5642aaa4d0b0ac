import { NextResponse, type NextRequest } from "next/server";
import { listMailbox } from "@/lib/email/mailbox";
import { devMailboxEnabled } from "@/lib/env";

export const dynamic = "force-dynamic";

/** The local mailbox as JSON, for tests and tools. Absent (404) in production unless DEV_MAILBOX=1. */
export async function GET(request: NextRequest) {
  if (!devMailboxEnabled()) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const to = request.nextUrl.searchParams.get("to") ?? undefined;
  // NUL and other control characters cannot be in an address (and PostgreSQL refuses NUL in a query).
  if (to !== undefined && (to.length > 254 || /[\u0000-\u001f\u007f]/.test(to)))
    return NextResponse.json({ error: "invalid" }, { status: 400 });
  const messages = await listMailbox(to);
  return NextResponse.json(
    {
      messages: messages.map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        html: m.html,
        text: m.text,
        attachments: m.attachments,
        createdAt: m.createdAt.toISOString(),
      })),
    },
    { headers: { "cache-control": "no-store" } },
  );
}
