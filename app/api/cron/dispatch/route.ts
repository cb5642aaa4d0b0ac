import { timingSafeEqual } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { AppError, errorResponse, isDatabaseUnavailable, unavailableResponse } from "@/lib/http/errors";
import { runPeriodicWork } from "@/lib/periodic-work";
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
 * Runs the periodic work (lib/periodic-work.ts: reminders, follow-ups, payment reminders, the
 * outbox, the daily purge, the coach's calendars); call it from a scheduler every minute with the
 * cron secret. Overlapping calls are safe: every step claims atomically. 200 with each step's
 * figures; when a step failed, the others still ran and the answer is 500 (503 with the database
 * away) naming the failed steps, so that the scheduler's `curl -f` notices.
 */
export async function POST(request: NextRequest) {
  try {
    if (!authorised(request)) throw new AppError("unauthorized", "A valid cron secret is required.");
    const { results, failed } = await runPeriodicWork(await siteOrigin());
    if (failed.length === 0) return NextResponse.json(results);
    if (failed.every(({ error }) => isDatabaseUnavailable(error))) return unavailableResponse();
    const steps = failed.map(({ step }) => step);
    return NextResponse.json(
      { error: "internal", message: `Failed: ${steps.join(", ")}`, failedSteps: steps, ...results },
      { status: 500 },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
