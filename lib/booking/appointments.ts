import { and, asc, eq, gt, inArray, lte, or, sql } from "drizzle-orm";
import { createElement } from "react";
import { db as defaultDb, type Db } from "@/db";
import { appointments, users, type Appointment } from "@/db/schema";
import BookingUpdateEmail, { bookingUpdateSubject, type BookingUpdateKind } from "@/emails/booking-update";
import CoachBookingNotice, { coachNoticeSubject, type CoachNoticeKind } from "@/emails/coach-booking-notice";
import { invitationAttachment } from "@/lib/calendar/ics";
import { invitationFor, organizerOf } from "@/lib/calendar/invitation";
import { attachSelfCheck } from "@/lib/checks/results";
import { enqueueEmail } from "@/lib/email/outbox";
import { AppError } from "@/lib/http/errors";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { addDays } from "@/lib/time/dates";
import { formatAppointmentTime } from "@/lib/time/format";
import { loadRules, type BookingSettings } from "./availability";
import { greetingName } from "./greeting";
import { decideHold, neutralAnswer, queueConfirmationRequest, resendConfirmationRequest } from "./hold-rules";
import { CONSENT_VERSION, type BookingRequest } from "./schemas";
import { freeSlots, isSlotOffered, type BusyAppointment, type Slot } from "./slots";
import { hashToken, isTokenShape, newToken } from "./tokens";

/** Active = holds its time: confirmed, or pending and not yet expired (decided now, no cron needed). */
export function holdsTime() {
  return or(eq(appointments.status, "confirmed"), and(eq(appointments.status, "pending"), gt(appointments.pendingExpiresAt, sql`now()`)));
}

export async function theCoach(db: Db = defaultDb): Promise<{ id: string; email: string; name: string | null }> {
  const [coach] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.role, "coach"))
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (!coach) throw new AppError("unavailable", "Die Praxis ist noch nicht eingerichtet.");
  return coach;
}

/** Appointments holding time that touches [from, until), as the slot engine needs them. */
export async function busyBetween(from: Date, until: Date, db: Db = defaultDb, exceptId?: string): Promise<BusyAppointment[]> {
  const rows = await db
    .select({
      id: appointments.id,
      start: appointments.startAt,
      end: appointments.endAt,
      bufferBeforeMinutes: appointments.bufferBeforeMinutes,
      bufferAfterMinutes: appointments.bufferAfterMinutes,
      kind: appointments.kind,
    })
    .from(appointments)
    .where(and(holdsTime(), lte(appointments.blockedFrom, until), gt(appointments.blockedUntil, from)));
  return rows
    .filter((r) => r.id !== exceptId)
    .map((r) => ({
      start: r.start,
      end: r.end,
      bufferBeforeMinutes: r.bufferBeforeMinutes,
      bufferAfterMinutes: r.bufferAfterMinutes,
      countsTowardDailyMax: r.kind === "consultation",
    }));
}

/** The instants bounding practice dates [from, to], with a day of margin for buffers and zones. */
function window(from: string, to: string): { start: Date; end: Date } {
  return { start: new Date(`${addDays(from, -1)}T00:00:00Z`), end: new Date(`${addDays(to, 2)}T00:00:00Z`) };
}

export async function availableSlots(
  from: string,
  to: string,
  now = new Date(),
  db: Db = defaultDb,
): Promise<{ settings: BookingSettings; slots: Slot[] }> {
  const { rules, settings } = await loadRules(from, to, db);
  const w = window(from, to);
  const busy = await busyBetween(w.start, w.end, db);
  return { settings, slots: freeSlots(rules, busy, { from, to }, now) };
}

async function assertOffered(start: Date, db: Db, exceptId?: string): Promise<{ settings: BookingSettings; end: Date }> {
  // Far outside any horizon (or not a time at all): no need to ask the rules.
  const now = Date.now();
  if (!Number.isFinite(start.getTime()) || start.getTime() <= now || start.getTime() > now + 400 * 86_400_000) throw slotUnavailable();
  // The practice date is within a day of the UTC date, whatever the zone: load that neighbourhood.
  const utcDate = practiceDateOf(start);
  const { rules, settings } = await loadRules(addDays(utcDate, -1), addDays(utcDate, 1), db);
  const w = window(addDays(utcDate, -1), addDays(utcDate, 1));
  const busy = await busyBetween(w.start, w.end, db, exceptId);
  if (!isSlotOffered(rules, busy, start, new Date())) throw slotUnavailable();
  return { settings, end: new Date(start.getTime() + settings.durationMinutes * 60_000) };
}

/** The UTC calendar date of an instant (the practice date is at most a day away). */
function practiceDateOf(start: Date) {
  return start.toISOString().slice(0, 10);
}

function slotUnavailable() {
  return new AppError("slot_unavailable", "Dieser Termin ist leider nicht mehr frei. Bitte wähle einen anderen.");
}

/** The database's exclusion constraint is the last word on overlaps: its violation is a 409. */
function overlapToConflict(error: unknown): never {
  const code = (error as { cause?: { code?: string }; code?: string })?.cause?.code ?? (error as { code?: string })?.code;
  if (code === "23P01") throw slotUnavailable();
  throw error;
}

/** Pending bookings past their expiry give their time back before anything new takes it. */
export async function releaseExpired(tx: Db, from: Date, until: Date) {
  await tx
    .update(appointments)
    .set({ status: "expired", clientKey: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(appointments.status, "pending"),
        lte(appointments.pendingExpiresAt, sql`now()`),
        sql`tstzrange(${appointments.blockedFrom}, ${appointments.blockedUntil}, '[)') && tstzrange(${from.toISOString()}::timestamptz, ${until.toISOString()}::timestamptz, '[)')`,
      ),
    );
}

export function blocked(start: Date, end: Date, settings: Pick<BookingSettings, "bufferBeforeMinutes" | "bufferAfterMinutes">) {
  return {
    blockedFrom: new Date(start.getTime() - settings.bufferBeforeMinutes * 60_000),
    blockedUntil: new Date(end.getTime() + settings.bufferAfterMinutes * 60_000),
  };
}

export type BookingResult = { id: string; status: Appointment["status"]; start: string; end: string };

/**
 * The one way a consultation is booked (API and page): validated input in, a pending booking
 * holding its slot out, and the confirmation email in the same transaction. The booking rules
 * (lib/booking/hold-rules.ts) decide inside that transaction; a request they let store nothing
 * (an address that already has a booking pending, or has had its confirmations for today) and the
 * honeypot get the same answer as a fresh booking.
 */
export async function createBooking(
  input: BookingRequest,
  { origin, clientKey }: { origin: string; clientKey: string },
  db: Db = defaultDb,
): Promise<BookingResult> {
  const start = new Date(input.start);
  const { settings, end } = await assertOffered(start, db);
  // Honeypot filled: answer like a success, store nothing.
  if (input.website) return neutralAnswer(start, end);
  const coach = await theCoach(db);
  const practice = await loadPracticeSettings(db);
  const confirmToken = newToken();
  const range = blocked(start, end, settings);
  const mail = { origin, practiceName: practice.practiceName, practiceTimeZone: settings.timeZone };
  try {
    return await db.transaction(async (tx) => {
      const decision = await decideHold(tx, { clientKey, email: input.email }, settings);
      if (decision.kind === "quiet") return neutralAnswer(start, end);
      if (decision.kind === "resend") {
        await resendConfirmationRequest(tx, decision.appointment, mail);
        return neutralAnswer(start, end);
      }
      await releaseExpired(tx, range.blockedFrom, range.blockedUntil);
      const [row] = await tx
        .insert(appointments)
        .values({
          coachId: coach.id,
          kind: "consultation",
          status: "pending",
          startAt: start,
          endAt: end,
          bufferBeforeMinutes: settings.bufferBeforeMinutes,
          bufferAfterMinutes: settings.bufferAfterMinutes,
          ...range,
          name: input.name,
          email: input.email,
          phone: input.phone ?? null,
          channel: input.channel,
          message: input.message ?? null,
          selfCheck: input.selfCheck ? attachSelfCheck(input.selfCheck) : null,
          consentVersion: CONSENT_VERSION,
          consentAt: sql`now()`,
          pendingExpiresAt: sql`now() + make_interval(mins => ${settings.confirmWindowMinutes})`,
          confirmTokenHash: hashToken(confirmToken),
          clientKey,
          visitorTimeZone: input.timeZone ?? null,
        })
        .returning();
      await queueConfirmationRequest(tx, row!, confirmToken, { ...mail, dedupeKey: `booking-request:${row!.id}` });
      return { id: row!.id, status: row!.status, start: row!.startAt.toISOString(), end: row!.endAt.toISOString() };
    });
  } catch (error) {
    overlapToConflict(error);
  }
}

async function findByToken(column: "confirm" | "manage", token: string, db: Db): Promise<Appointment | null> {
  if (!isTokenShape(token)) return null;
  const hash = hashToken(token);
  const [row] = await db
    .select()
    .from(appointments)
    .where(column === "confirm" ? eq(appointments.confirmTokenHash, hash) : eq(appointments.manageTokenHash, hash));
  return row ?? null;
}

export async function findForConfirmation(token: string, db: Db = defaultDb) {
  return findByToken("confirm", token, db);
}

export async function findForManagement(token: string, db: Db = defaultDb) {
  return findByToken("manage", token, db);
}

/**
 * The visitor's email about their consultation. `manageToken` makes the "manage" button (and is
 * blanked in the stored copy once sent); `reason` is only ever text the coach wrote, or none.
 */
async function sendVisitorUpdate(
  tx: Db,
  appointment: Appointment,
  kind: BookingUpdateKind,
  extra: { manageToken?: string; reason?: string | null; origin: string; eraseAfterSend?: boolean },
) {
  const practice = await loadPracticeSettings(tx);
  const { settings } = await loadRules(practiceDateOf(appointment.startAt), practiceDateOf(appointment.startAt), tx);
  const coach = await theCoach(tx);
  const organizer = organizerOf(practice, coach);
  const when = formatAppointmentTime(appointment.startAt, appointment.visitorTimeZone ?? settings.timeZone);
  const manageUrl = extra.manageToken ? `${extra.origin}/termin/${extra.manageToken}` : undefined;
  await enqueueEmail(
    {
      template: `booking-${kind}`,
      to: appointment.email,
      subject: bookingUpdateSubject(kind, when),
      body: createElement(BookingUpdateEmail, {
        kind,
        practiceName: practice.practiceName,
        coachName: organizer.name,
        // Until the address has confirmed the booking, only a plain name (lib/booking/greeting.ts).
        name: appointment.confirmedAt ? (appointment.name.split(" ")[0] ?? appointment.name) : greetingName(appointment.name),
        when,
        channel: appointment.channel,
        manageUrl,
        reason: extra.reason,
        cutoffHours: Math.round(settings.cancellationCutoffMinutes / 60),
        contactEmail: organizer.email,
      }),
      // The invitation carries no manage link: a calendar keeps it for good and shares it.
      attachments: [
        invitationAttachment(invitationFor(appointment, { method: kind === "cancelled" ? "CANCEL" : "REQUEST", organizer })),
      ],
      dedupeKey: `booking-${kind}:${appointment.id}:${appointment.sequence}`,
      secrets: extra.manageToken ? [extra.manageToken] : undefined,
      eraseAfterSend: extra.eraseAfterSend,
    },
    tx,
  );
}

/**
 * The coach's notice of a change. It names the person and the time; what they wrote (the
 * booking message, a cancellation reason) waits in the portal and is never quoted in email.
 */
async function sendCoachNotice(
  tx: Db,
  appointment: Appointment,
  kind: CoachNoticeKind,
  extra: { origin: string; previousStart?: Date; reasonGiven?: boolean; accountDeleted?: boolean },
) {
  const practice = await loadPracticeSettings(tx);
  const coach = await theCoach(tx);
  const tz = practice.timeZone;
  const when = formatAppointmentTime(appointment.startAt, tz, { withZone: false });
  await enqueueEmail(
    {
      template: `coach-booking-${kind}`,
      to: coach.email,
      subject: coachNoticeSubject(kind, appointment.name, when, appointment.kind === "session"),
      body: createElement(CoachBookingNotice, {
        kind,
        practiceName: practice.practiceName,
        name: appointment.name,
        email: appointment.email,
        phone: appointment.phone,
        channel: appointment.channel,
        when,
        previousWhen: extra.previousStart ? formatAppointmentTime(extra.previousStart, tz, { withZone: false }) : undefined,
        hasMessage: Boolean(appointment.message?.trim()),
        hasSelfCheck: appointment.selfCheck !== null,
        reasonGiven: extra.reasonGiven ?? false,
        accountDeleted: extra.accountDeleted ?? false,
        portalUrl:
          appointment.kind === "session" && appointment.clientId
            ? `${extra.origin}/coach/klienten/${appointment.clientId}`
            : `${extra.origin}/coach/termine`,
        session: appointment.kind === "session",
      }),
      dedupeKey: `coach-booking-${kind}:${appointment.id}:${appointment.sequence}`,
      about: appointment.email,
      eraseAfterSend: extra.accountDeleted,
    },
    tx,
  );
}

export type ConfirmResult = { status: "confirmed" | "already_confirmed" | "gone"; appointment?: Appointment; manageToken?: string };

/**
 * The visitor's click in the email. A pending booking becomes confirmed; one whose hold ran out
 * is confirmed too if its time is still free (the exclusion constraint decides).
 */
export async function confirmBooking(token: string, { origin }: { origin: string }, db: Db = defaultDb): Promise<ConfirmResult> {
  const found = await findForConfirmation(token, db);
  if (!found) return { status: "gone" };
  if (found.status === "confirmed") return { status: "already_confirmed", appointment: found };
  if (found.status !== "pending" && found.status !== "expired") return { status: "gone" };
  if (found.startAt.getTime() <= Date.now()) return { status: "gone" };
  const manageToken = newToken();
  try {
    return await db.transaction(async (tx) => {
      await releaseExpired(tx, found.blockedFrom, found.blockedUntil);
      const [row] = await tx
        .update(appointments)
        .set({
          status: "confirmed",
          confirmedAt: sql`now()`,
          pendingExpiresAt: null,
          // Needed only while pending (the limit per client address counts pending bookings).
          clientKey: null,
          manageTokenHash: hashToken(manageToken),
          updatedAt: sql`now()`,
        })
        .where(and(eq(appointments.id, found.id), inArray(appointments.status, ["pending", "expired"])))
        .returning();
      if (!row) return { status: "gone" as const };
      await sendVisitorUpdate(tx, row, "confirmed", { origin, manageToken });
      await sendCoachNotice(tx, row, "booked", { origin });
      return { status: "confirmed" as const, appointment: row, manageToken };
    });
  } catch (error) {
    const code = (error as { cause?: { code?: string } })?.cause?.code;
    if (code === "23P01") return { status: "gone" };
    throw error;
  }
}

/** Until the cut-off a visitor may change their booking themselves. */
export function changeableUntil(appointment: Appointment, settings: Pick<BookingSettings, "cancellationCutoffMinutes">): Date {
  return new Date(appointment.startAt.getTime() - settings.cancellationCutoffMinutes * 60_000);
}

async function loadForChange(token: string, db: Db) {
  const appointment = await findForManagement(token, db);
  if (!appointment || appointment.status !== "confirmed")
    throw new AppError("not_found", "Diesen Termin gibt es nicht mehr, oder er wurde schon abgesagt.");
  const { settings } = await loadRules(practiceDateOf(appointment.startAt), practiceDateOf(appointment.startAt), db);
  if (Date.now() > changeableUntil(appointment, settings).getTime()) {
    throw new AppError("forbidden", "So kurz vor dem Termin lässt er sich hier nicht mehr ändern. Bitte melde dich direkt bei uns.");
  }
  return { appointment, settings };
}

/** The visitor learns of a cancellation by the coach, with the calendar's CANCEL. */
export async function sendVisitorCancellation(tx: Db, appointment: Appointment, extra: { origin: string; reason: string | null }) {
  await sendVisitorUpdate(tx, appointment, "cancelled", extra);
}

/**
 * A cancellation by the person themselves: they get the CANCEL invitation, the coach a notice.
 * Their own reason is stored for the coach and not echoed in either email. When the cause is the
 * deletion of their account, both emails are delivered and then erased.
 */
export async function notifyCancellation(
  tx: Db,
  appointment: Appointment,
  extra: { origin: string; reason: string | null; accountDeleted?: boolean },
) {
  const accountDeleted = extra.accountDeleted ?? false;
  const toPerson = { origin: extra.origin, reason: accountDeleted ? "Konto gelöscht" : null, eraseAfterSend: accountDeleted };
  if (appointment.kind === "session") {
    // Imported when needed: lib/sessions builds on this module.
    const { sendSessionUpdate } = await import("@/lib/sessions/notify");
    await sendSessionUpdate(tx, [appointment], "cancelled", toPerson);
  } else await sendVisitorUpdate(tx, appointment, "cancelled", toPerson);
  await sendCoachNotice(tx, appointment, "cancelled", { origin: extra.origin, reasonGiven: Boolean(extra.reason), accountDeleted });
}

export async function cancelByVisitor(
  token: string,
  reason: string | null,
  { origin }: { origin: string },
  db: Db = defaultDb,
): Promise<Appointment> {
  const { appointment } = await loadForChange(token, db);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(appointments)
      .set({
        status: "cancelled",
        cancelledAt: sql`now()`,
        cancelledBy: "visitor",
        cancelReason: reason,
        sequence: sql`${appointments.sequence} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(appointments.id, appointment.id), eq(appointments.status, "confirmed")))
      .returning();
    if (!row) throw new AppError("not_found", "Dieser Termin wurde schon abgesagt.");
    await notifyCancellation(tx, row, { origin, reason });
    return row;
  });
}

export async function rescheduleByVisitor(
  token: string,
  newStart: Date,
  { origin }: { origin: string },
  db: Db = defaultDb,
): Promise<Appointment> {
  const { appointment } = await loadForChange(token, db);
  const { settings, end } = await assertOffered(newStart, db, appointment.id);
  const range = blocked(newStart, end, settings);
  try {
    return await db.transaction(async (tx) => {
      await releaseExpired(tx, range.blockedFrom, range.blockedUntil);
      const [row] = await tx
        .update(appointments)
        .set({
          startAt: newStart,
          endAt: end,
          bufferBeforeMinutes: settings.bufferBeforeMinutes,
          bufferAfterMinutes: settings.bufferAfterMinutes,
          ...range,
          sequence: sql`${appointments.sequence} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(appointments.id, appointment.id), eq(appointments.status, "confirmed")))
        .returning();
      if (!row) throw new AppError("not_found", "Dieser Termin wurde inzwischen abgesagt.");
      await sendVisitorUpdate(tx, row, "moved", { origin, manageToken: token });
      await sendCoachNotice(tx, row, "moved", { origin, previousStart: appointment.startAt });
      return row;
    });
  } catch (error) {
    overlapToConflict(error);
  }
}
