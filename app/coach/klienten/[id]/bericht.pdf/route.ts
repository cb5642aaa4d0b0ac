import type { NextRequest } from "next/server";
import { requireApiUser } from "@/lib/auth/guards";
import { errorResponse } from "@/lib/http/errors";
import { reportDownload } from "@/lib/report/download";

/** A client's report for the doctor, made by the coach; logged in the client's access log. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const coach = await requireApiUser("coach");
    const { id } = await params;
    return await reportDownload({ kind: "coach", coach, clientId: id }, request.nextUrl.searchParams);
  } catch (error) {
    return errorResponse(error);
  }
}
