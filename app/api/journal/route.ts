import { NextResponse, type NextRequest } from "next/server";
import { requireApiUser } from "@/lib/auth/guards";
import { errorResponse } from "@/lib/http/errors";
import { enforceRateLimit } from "@/lib/rate-limit/rules";
import { readJson } from "@/lib/http/json-body";
import { createEntry, listEntries } from "@/lib/journal/queries";
import { journalEntrySchema, journalQuerySchema } from "@/lib/journal/schemas";

export const dynamic = "force-dynamic";

/** The signed-in client's own entries, newest first; ?from=&to= (YYYY-MM-DD), ?tag=, ?q=. */
export async function GET(request: NextRequest) {
  try {
    const user = await requireApiUser("client");
    const query = journalQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    const entries = await listEntries(user.id, query);
    return NextResponse.json({ entries }, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: NextRequest) {
  try {
    const user = await requireApiUser("client");
    await enforceRateLimit("journalWrite", user.id);
    const input = journalEntrySchema.parse(await readJson(request));
    const entry = await createEntry(user.id, input);
    return NextResponse.json({ entry }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
