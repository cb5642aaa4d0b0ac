import { timingSafeEqual } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { dispatchDueEmails } from "@/lib/email/dispatcher";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/http/errors";
import { queueDueReminders } from "@/lib/reminders/queue";
import { siteOrigin } from "@/lib/site-url";

function authorised(request: NextRequest): boolean {
  const secret = env().CRON_SECRET;
  const header = request.headers.get("authorization") ?? "";
  if (!secret) return false;
  const expected = Buffer.from(`Bearer ${secret}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Queues due appointment reminders, then delivers due outbox emails; call it from a scheduler
 * every minute with the cron secret. Overlapping calls are safe: both steps claim atomically.
 */
export async function POST(request: NextRequest) {
  try {
    if (!authorised(request)) throw new AppError("unauthorized", "A valid cron secret is required.");
    const reminders = await queueDueReminders({ origin: await siteOrigin() });
    const result = await dispatchDueEmails();
    return NextResponse.json({ reminders, ...result });
  } catch (error) {
    return errorResponse(error);
  }
}
