import { NextResponse, type NextRequest } from "next/server";
import { createBooking } from "@/lib/appointments/consultations";
import { bookingRequestSchema } from "@/lib/booking/schemas";
import { clientKey } from "@/lib/http/client-ip";
import { AppError, errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/json-body";
import { enforceRateLimit } from "@/lib/rate-limit/rules";
import { siteOrigin } from "@/lib/site-url";

/** Books the free consultation: 201 pending (an email asks to confirm), 409 when the slot is gone. */
export async function POST(request: NextRequest) {
  try {
    const client = await clientKey();
    await enforceRateLimit("booking", client);
    const input = bookingRequestSchema.parse(await readJson(request));
    const booking = await createBooking(input, { origin: await siteOrigin(), clientKey: client });
    return NextResponse.json(booking, { status: 201 });
  } catch (error) {
    if (error instanceof AppError && error.code === "slot_unavailable")
      return NextResponse.json({ error: "slot_unavailable", message: error.message }, { status: 409 });
    return errorResponse(error);
  }
}
