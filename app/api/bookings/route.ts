import { NextResponse, type NextRequest } from "next/server";
import { createBooking } from "@/lib/booking/appointments";
import { bookingRequestSchema } from "@/lib/booking/schemas";
import { env } from "@/lib/env";
import { clientKey } from "@/lib/http/client-ip";
import { AppError, errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/json-body";
import { hitRateLimit } from "@/lib/rate-limit";
import { siteOrigin } from "@/lib/site-url";

/** Books the free consultation: 201 pending (an email asks to confirm), 409 when the slot is gone. */
export async function POST(request: NextRequest) {
  try {
    const limit = await hitRateLimit(`booking:${await clientKey()}`, env().RATE_LIMIT_BOOKINGS_PER_HOUR, 3600);
    if (!limit.allowed) throw new AppError("rate_limited", "Zu viele Buchungsversuche. Bitte versuche es später noch einmal.", { retryAfter: limit.retryAfterSeconds });
    const input = bookingRequestSchema.parse(await readJson(request));
    if (input.website) {
      // Honeypot filled: answer like a success, store nothing.
      return NextResponse.json({ id: crypto.randomUUID(), status: "pending", start: input.start, end: input.start }, { status: 201 });
    }
    const booking = await createBooking(input, { origin: await siteOrigin() });
    return NextResponse.json(booking, { status: 201 });
  } catch (error) {
    if (error instanceof AppError && error.code === "slot_unavailable") return NextResponse.json({ error: "slot_unavailable", message: error.message }, { status: 409 });
    return errorResponse(error);
  }
}
