import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/guards";
import { errorResponse } from "@/lib/http/errors";
import { practiceCsv } from "@/lib/practice/csv";
import { practiceExport } from "@/lib/practice/logs";

/** The signed-in client's practices as CSV. */
export async function GET() {
  try {
    const user = await requireApiUser("client");
    const { logs } = await practiceExport(user.id);
    return new NextResponse(practiceCsv(logs), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="uebungen-${new Date().toISOString().slice(0, 10)}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
