import type { NextRequest } from "next/server";
import { requireApiUser } from "@/lib/auth/guards";
import { errorResponse } from "@/lib/http/errors";
import { reportDownload } from "@/lib/report/download";

/** The signed-in client's own report for the doctor; it takes no id, so no one else's can be asked for. */
export async function GET(request: NextRequest) {
  try {
    const user = await requireApiUser("client");
    return await reportDownload({ kind: "client", clientId: user.id }, request.nextUrl.searchParams);
  } catch (error) {
    return errorResponse(error);
  }
}
