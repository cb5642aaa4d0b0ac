import { timingSafeEqual } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { syncCalendars } from "@/lib/calendars/sync";
import { dispatchCalendarWrites } from "@/lib/calendars/writeback";
import { dispatchDueEmails } from "@/lib/email/dispatcher";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/http/errors";
import { queuePaymentReminders } from "@/lib/billing/reminders";
import { runDailyPurge } from "@/lib/privacy/purge";
import { queueFollowUps } from "@/lib/outcomes/follow-ups";
import { queueWeeklyCheckins } from "@/lib/outcomes/weekly";
import { queueJournalReminders } from "@/lib/reminders/journal";
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
 * Reads the coach's calendars when due and writes appointments back into the chosen one,
 * queues due appointment reminders, the daily journal reminders clients asked for, the weekly check-in emails, due follow-ups and the friendly payment reminders, delivers due outbox emails, and once a day purges what has
 * outlived its retention; call it from a scheduler every minute with the cron secret.
 * Overlapping calls are safe: every step claims atomically.
 */
export async function POST(request: NextRequest) {
  try {
    if (!authorised(request)) throw new AppError("unauthorized", "A valid cron secret is required.");
    const origin = await siteOrigin();
    const reminders = await queueDueReminders({ origin });
    const journalReminders = await queueJournalReminders({ origin });
    const checkinReminders = await queueWeeklyCheckins({ origin });
    const followUps = await queueFollowUps({ origin });
    const paymentReminders = await queuePaymentReminders({ origin });
    const result = await dispatchDueEmails();
    const purged = await runDailyPurge();
    const calendars = await syncCalendars();
    const calendarWrites = await dispatchCalendarWrites();
    return NextResponse.json({
      reminders,
      journalReminders,
      checkinReminders,
      followUps,
      paymentReminders,
      ...result,
      purged,
      calendars,
      calendarWrites,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
