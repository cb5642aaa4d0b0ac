import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/guards";
import { outcomesCsv } from "@/lib/clients/my-data";
import { errorResponse } from "@/lib/http/errors";
import { listCheckins } from "@/lib/outcomes/queries";

/** The signed-in client's outcome check-ins as CSV. */
export async function GET() {
  try {
    const user = await requireApiUser("client");
    return new NextResponse(outcomesCsv(await listCheckins(user.id)), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="check-ins-${new Date().toISOString().slice(0, 10)}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
