import type { NextRequest } from "next/server";
import { offeredSlotsJson } from "@/lib/appointments/slot-cache";
import { slotsQuerySchema } from "@/lib/booking/schemas";
import { AppError, errorResponse } from "@/lib/http/errors";
import { addDays, isValidDate } from "@/lib/time/dates";

export const dynamic = "force-dynamic";

/** Free consultation slots for practice dates from..to (inclusive, at most 62 days), in UTC. */
export async function GET(request: NextRequest) {
  try {
    const params = slotsQuerySchema.parse({
      from: request.nextUrl.searchParams.get("from") ?? "",
      to: request.nextUrl.searchParams.get("to") ?? "",
    });
    if (!isValidDate(params.from) || !isValidDate(params.to))
      throw new AppError("invalid", "from and to must be real dates (YYYY-MM-DD).", { issues: [] });
    if (params.to < params.from) throw new AppError("invalid", "to must not be before from.", { issues: [] });
    if (addDays(params.from, 61) < params.to) throw new AppError("invalid", "At most 62 days at once.", { issues: [] });
    // The JSON comes ready from the slot cache (joined from each date's stored text).
    const body = await offeredSlotsJson(params.from, params.to);
    return new Response(body, { headers: { "content-type": "application/json", "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
