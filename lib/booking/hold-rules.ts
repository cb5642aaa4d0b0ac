import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { appointments, emailOutbox, type Appointment } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import type { BookingSettings } from "./availability";
import { queueConfirmationRequest } from "@/lib/notifications/consultation";
import { hashToken, newToken } from "./tokens";

/*
 * Holding a slot is cheap to give and expensive to abuse. A pending consultation holds its slot
 * for a short time only (confirmWindowMinutes); one client address holds at most
 * maxPendingPerClient of them at once; one email address has at most one (a second request gets
 * the same answer as a fresh one, and the address gets that booking's confirmation again); and an
 * address gets at most confirmationEmailsPerDay confirmation requests in 24 hours, after which the
 * answer stays the same and nothing is stored or sent. These are booking rules, kept with the
 * other booking settings and edited by the coach; they hold whatever the rate limits say.
 *
 * They are decided inside the booking's transaction, under two transaction-scoped advisory locks
 * (the client address first, then the email address, always in this order), so two concurrent
 * requests for one address are decided one after the other, however many app instances there are.
 */

/** The page where the browser that sent a booking request sees how it stands. */
export function receiptPath(token: string): string {
  return `/termin/anfrage/${token}`;
}

/** What a booking request gets to do. */
export type HoldDecision =
  | { kind: "fresh" } // a new pending booking, and its confirmation request
  | { kind: "resend"; appointment: Appointment } // the address's pending booking gets its confirmation again
  | { kind: "quiet" }; // nothing stored, nothing sent

/** Pending and still within its hold: what the rules count. */
const holding = () => and(eq(appointments.status, "pending"), gt(appointments.pendingExpiresAt, sql`now()`));

async function lock(tx: Db, scope: string, key: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${scope}:${key}`}, 0))`);
}

function tooManyPending(max: number, retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const waiting = max === 1 ? "wartet schon eine Buchung" : `warten schon ${max} Buchungen`;
  return new AppError(
    "rate_limited",
    `Von deinem Anschluss aus ${waiting} auf ihre Bestätigung. Bitte bestätige sie über den Link in deiner E-Mail, oder versuche es in ${minutes} ${minutes === 1 ? "Minute" : "Minuten"} noch einmal.`,
    { retryAfter: retryAfterSeconds },
  );
}

/** Confirmation requests this address got in the last 24 hours (the confirmationEmailsPerDay rule counts them). */
export async function confirmationsSentToday(tx: Db, email: string): Promise<number> {
  const [sent] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.to, email), eq(emailOutbox.template, "booking-request"), sql`${emailOutbox.createdAt} > now() - interval '1 day'`),
    );
  return sent!.count;
}

/** The address's consultation that is pending and still within its hold, if any. */
export async function heldBookingOf(tx: Db, email: string): Promise<Appointment | undefined> {
  const [row] = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.email, email), eq(appointments.kind, "consultation"), holding()))
    .orderBy(asc(appointments.createdAt))
    .limit(1);
  return row;
}

/** Serialises booking decisions about one address (always taken after the client address's lock). */
export async function lockAddress(tx: Db, email: string) {
  await lock(tx, "booking-email", email);
}

export async function decideHold(
  tx: Db,
  request: { clientKey: string; email: string },
  rules: Pick<BookingSettings, "maxPendingPerClient" | "confirmationEmailsPerDay">,
): Promise<HoldDecision> {
  await lock(tx, "booking-client", request.clientKey);
  await lockAddress(tx, request.email);

  // The client address first: whatever the email address, a full quota is refused alike.
  const [held] = await tx
    .select({
      count: sql<number>`count(*)::int`,
      retryAfter: sql<number | null>`ceil(extract(epoch from min(${appointments.pendingExpiresAt}) - now()))::int`,
    })
    .from(appointments)
    .where(and(eq(appointments.clientKey, request.clientKey), holding()));
  if (held!.count >= rules.maxPendingPerClient) throw tooManyPending(rules.maxPendingPerClient, Math.max(1, held!.retryAfter ?? 60));

  // A pending booking of this address past its hold (or its time) gives way: the unique index admits one pending per address.
  await tx
    .update(appointments)
    .set({ status: "expired", clientKey: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(appointments.email, request.email),
        eq(appointments.kind, "consultation"),
        eq(appointments.status, "pending"),
        sql`(${appointments.pendingExpiresAt} <= now() or ${appointments.startAt} <= now())`,
      ),
    );
  const existing = await heldBookingOf(tx, request.email);
  if ((await confirmationsSentToday(tx, request.email)) >= rules.confirmationEmailsPerDay) return { kind: "quiet" };
  return existing ? { kind: "resend", appointment: existing } : { kind: "fresh" };
}

/**
 * The answer to a request that stored nothing new: shaped exactly like a fresh booking's, so that
 * it tells nobody whether this address has a consultation pending.
 */
export function neutralAnswer(start: Date, end: Date, receiptToken: string) {
  return {
    id: randomUUID(),
    status: "pending" as const,
    start: start.toISOString(),
    end: end.toISOString(),
    receiptUrl: receiptPath(receiptToken),
  };
}

/** The address's pending booking gets its confirmation again, with a new link (the old one stops working). */
export async function resendConfirmationRequest(
  tx: Db,
  appointment: Appointment,
  ctx: { origin: string; practiceName: string; practiceTimeZone: string },
) {
  const confirmToken = newToken();
  await tx
    .update(appointments)
    .set({ confirmTokenHash: hashToken(confirmToken), updatedAt: sql`now()` })
    .where(eq(appointments.id, appointment.id));
  await queueConfirmationRequest(tx, appointment, confirmToken, { ...ctx, dedupeKey: `booking-request:${appointment.id}:${randomUUID()}` });
}
