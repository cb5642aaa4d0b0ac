import { db as defaultDb, type Db } from "@/db";
import { env, type Env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { hitRateLimit } from "./index";

/** Every rate limit of the platform: its setting (per hour, 0 = off) and what the person is told. */
const rules = {
  booking: { setting: "RATE_LIMIT_BOOKINGS_PER_HOUR", message: "Zu viele Buchungsversuche. Bitte versuche es später noch einmal." },
  comment: {
    setting: "RATE_LIMIT_COMMENTS_PER_HOUR",
    message: "Du hast gerade schon einige Kommentare geschrieben. Bitte versuche es später noch einmal.",
  },
  signInAddress: {
    setting: "RATE_LIMIT_SIGNIN_PER_ADDRESS_PER_HOUR",
    message:
      "Für diese Adresse wurden gerade viele Anmeldelinks angefordert. Bitte nimm den letzten Link aus deinem Postfach oder warte eine Weile.",
  },
  signInIp: {
    setting: "RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR",
    message: "Zu viele Anmeldeversuche von hier. Bitte warte eine Weile und versuche es dann noch einmal.",
  },
  journalWrite: {
    setting: "RATE_LIMIT_JOURNAL_WRITES_PER_HOUR",
    message: "Sehr viele Änderungen am Tagebuch in kurzer Zeit. Bitte warte einen Moment.",
  },
} as const satisfies Record<string, { setting: keyof Env; message: string }>;

export type RateLimitRule = keyof typeof rules;

/**
 * Counts one hit of `rule` for `subject` (a hashed address, a user id) in PostgreSQL, so the
 * limit holds across instances; over the limit it throws a 429 AppError with Retry-After.
 */
export async function enforceRateLimit(rule: RateLimitRule, subject: string, db: Db = defaultDb): Promise<void> {
  const { setting, message } = rules[rule];
  const result = await hitRateLimit(`${rule}:${subject}`, env()[setting] as number, 3600, db);
  if (!result.allowed) throw new AppError("rate_limited", message, { retryAfter: result.retryAfterSeconds });
}
