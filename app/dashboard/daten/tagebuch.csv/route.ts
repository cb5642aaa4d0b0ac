import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/guards";
import { journalCsv } from "@/lib/clients/my-data";
import { errorResponse } from "@/lib/http/errors";
import { listEntries } from "@/lib/journal/queries";

/** The signed-in client's journal as CSV. */
export async function GET() {
  try {
    const user = await requireApiUser("client");
    const entries = await listEntries(user.id, {}, { limit: null });
    return new NextResponse(journalCsv(entries.slice().reverse()), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="schmerztagebuch-${new Date().toISOString().slice(0, 10)}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
