import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/guards";
import { exportClientData } from "@/lib/clients/my-data";
import { errorResponse } from "@/lib/http/errors";

/** Everything about the signed-in client, as a JSON download. */
export async function GET() {
  try {
    const user = await requireApiUser("client");
    const data = await exportClientData(user.id);
    return new NextResponse(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="meine-daten-${new Date().toISOString().slice(0, 10)}.json"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
