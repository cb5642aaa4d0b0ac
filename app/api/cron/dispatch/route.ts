import { timingSafeEqual } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { dispatchDueEmails } from "@/lib/email/dispatcher";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/http/errors";

function authorised(request: NextRequest): boolean {
  const secret = env().CRON_SECRET;
  const header = request.headers.get("authorization") ?? "";
  if (!secret) return false;
  const expected = Buffer.from(`Bearer ${secret}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Delivers due outbox emails; call it from a scheduler every minute with the cron secret. */
export async function POST(request: NextRequest) {
  try {
    if (!authorised(request)) throw new AppError("unauthorized", "A valid cron secret is required.");
    const result = await dispatchDueEmails();
    return NextResponse.json(result);
  } catch (error) {
    return errorResponse(error);
  }
}
