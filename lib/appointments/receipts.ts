import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { appointments, bookingReceipts, type Appointment, type BookingReceipt } from "@/db/schema";
import { loadBookingSettings } from "@/lib/booking/availability";
import { confirmationsSentToday, heldBookingOf, lockAddress, resendConfirmationRequest } from "@/lib/booking/hold-rules";
import { hashToken, isTokenShape, newToken } from "@/lib/booking/tokens";
import { AppError } from "@/lib/http/errors";
import { enforceRateLimit } from "@/lib/rate-limit/rules";
import { loadPracticeSettings } from "@/lib/settings/queries";

/*
 * The receipt of a booking request: the page the browser that sent it is taken to, so that a
 * reload or the back button shows the same state and offers no second booking. It shows only
 * what that browser sent (time, zone, address) and how a booking it made stands: pending,
 * confirmed, lapsed or cancelled. Never the manage link: only the address's inbox proves it.
 */

export type ReceiptState = "waiting" | "lapsed" | "confirmed" | "cancelled";
export type ReceiptView = Pick<BookingReceipt, "email" | "startAt" | "timeZone" | "holdUntil"> & { state: ReceiptState };

/** How long a receipt answers; the daily purge (lib/privacy/purge.ts) deletes it after that. */
export const RECEIPT_DAYS = 2;

/** A new receipt in the booking's transaction. Returns its token. */
export async function issueReceipt(
  tx: Db,
  values: { appointmentId: string | null; email: string; startAt: Date; timeZone: string; holdUntil: Date },
): Promise<string> {
  const token = newToken();
  await tx.insert(bookingReceipts).values({ tokenHash: hashToken(token), ...values });
  return token;
}

async function findRow(token: string, db: Db) {
  if (!isTokenShape(token)) return null;
  const [row] = await db
    .select({ receipt: bookingReceipts, appointment: appointments })
    .from(bookingReceipts)
    .leftJoin(appointments, eq(appointments.id, bookingReceipts.appointmentId))
    .where(
      and(
        eq(bookingReceipts.tokenHash, hashToken(token)),
        gt(bookingReceipts.createdAt, sql`now() - make_interval(days => ${RECEIPT_DAYS})`),
      ),
    );
  return row ?? null;
}

function stateOf(receipt: BookingReceipt, appointment: Appointment | null, now: Date): ReceiptState {
  if (!appointment) return receipt.holdUntil > now ? "waiting" : "lapsed";
  if (appointment.status === "cancelled") return "cancelled";
  if (appointment.status === "confirmed" || appointment.status === "completed" || appointment.status === "no_show") return "confirmed";
  const holds = appointment.status === "pending" && (appointment.pendingExpiresAt?.getTime() ?? 0) > now.getTime();
  return holds && appointment.startAt > now ? "waiting" : "lapsed";
}

/** What the receipt page shows, or null for a token that is not one. */
export async function findReceipt(token: string, db: Db = defaultDb, now: Date = new Date()): Promise<ReceiptView | null> {
  const row = await findRow(token, db);
  if (!row) return null;
  const { email, startAt, timeZone, holdUntil } = row.receipt;
  const appointment = row.appointment;
  return { email, startAt, timeZone, holdUntil: appointment?.pendingExpiresAt ?? holdUntil, state: stateOf(row.receipt, appointment, now) };
}

export type ResendResult = "sent" | "wait";

/**
 * "Send the email again" on the receipt page. At most once a minute per receipt, within the
 * booking rate limit of the client address and the address's confirmations per day; the answer
 * is the same whether an email went out or not (a receipt may have no booking behind it). The
 * address's pending booking gets a new link, as a second booking request would give it.
 */
export async function resendFromReceipt(
  token: string,
  { origin, clientKey }: { origin: string; clientKey: string },
  db: Db = defaultDb,
): Promise<ResendResult> {
  const row = await findRow(token, db);
  if (!row) throw new AppError("not_found", "Diese Anfrage gibt es nicht mehr.");
  await enforceRateLimit("booking", clientKey, db);
  const [settings, practice] = await Promise.all([loadBookingSettings(db), loadPracticeSettings(db)]);
  return db.transaction(async (tx) => {
    await lockAddress(tx, row.receipt.email);
    const claimed = await tx
      .update(bookingReceipts)
      .set({ resentAt: sql`now()` })
      .where(
        and(
          eq(bookingReceipts.tokenHash, row.receipt.tokenHash),
          or(isNull(bookingReceipts.resentAt), lt(bookingReceipts.resentAt, sql`now() - interval '1 minute'`)),
        ),
      )
      .returning({ tokenHash: bookingReceipts.tokenHash });
    if (claimed.length === 0) return "wait";
    const held = await heldBookingOf(tx, row.receipt.email);
    if (held && held.startAt > new Date() && (await confirmationsSentToday(tx, held.email)) < settings.confirmationEmailsPerDay)
      await resendConfirmationRequest(tx, held, { origin, practiceName: practice.practiceName, practiceTimeZone: settings.timeZone });
    return "sent";
  });
}
