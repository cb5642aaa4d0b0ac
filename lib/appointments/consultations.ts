import { and, eq, inArray, notInArray, or, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { appointments, type Appointment } from "@/db/schema";
import { loadBookingSettings } from "@/lib/booking/availability";
import { decideHold, neutralAnswer, receiptPath, resendConfirmationRequest } from "@/lib/booking/hold-rules";
import { CONSENT_VERSION, type BookingRequest } from "@/lib/booking/schemas";
import { hashToken, isTokenShape, newToken } from "@/lib/booking/tokens";
import { attachSelfCheck } from "@/lib/checks/results";
import { AppError } from "@/lib/http/errors";
import { queueConfirmationRequest } from "@/lib/notifications/consultation";
import { announceCancelled, announceConfirmed, announceMovedByVisitor } from "@/lib/notifications/events";
import { theCoach } from "@/lib/settings/coach";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { assertSelfService } from "./changes";
import { assertOffered, blocked, giveBack, takeTime } from "./holds";
import { issueReceipt } from "./receipts";

/*
 * A free consultation's life: a visitor books it (pending, holding its slot for a short time),
 * confirms it from the email, may move or cancel it until the cut-off; the coach may cancel it
 * and marks how it went.
 */

/** `receiptUrl`: the page where the browser that booked sees how its request stands (lib/appointments/receipts.ts). */
export type BookingResult = { id: string; status: Appointment["status"]; start: string; end: string; receiptUrl: string };

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
  if (input.website) return neutralAnswer(start, end, newToken());
  const [coach, practice] = await Promise.all([theCoach(db), loadPracticeSettings(db)]);
  const confirmToken = newToken();
  const range = blocked(start, end, settings);
  const mail = { origin, practiceName: practice.practiceName, practiceTimeZone: settings.timeZone };
  // The booker's zone as their browser said (validated at the edge), else the practice's.
  const timeZone = input.timeZone ?? settings.timeZone;
  const receipt = { email: input.email, startAt: start, timeZone };
  return db.transaction(async (tx) => {
    const decision = await decideHold(tx, { clientKey, email: input.email }, settings);
    if (decision.kind !== "fresh") {
      if (decision.kind === "resend") await resendConfirmationRequest(tx, decision.appointment, mail);
      const holdUntil = new Date(Date.now() + settings.confirmWindowMinutes * 60_000);
      return neutralAnswer(start, end, await issueReceipt(tx, { ...receipt, appointmentId: null, holdUntil }));
    }
    const booking = {
      coachId: coach.id,
      kind: "consultation" as const,
      status: "pending" as const,
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
      visitorTimeZone: timeZone,
    };
    const insert = (w: Db) => w.insert(appointments).values(booking).returning();
    const row = (await takeTime(tx, [range], insert, { consultation: { start, timeZone: settings.timeZone } }))[0]!;
    await queueConfirmationRequest(tx, row, confirmToken, { ...mail, dedupeKey: `booking-request:${row.id}` });
    const receiptToken = await issueReceipt(tx, { ...receipt, appointmentId: row.id, holdUntil: row.pendingExpiresAt! });
    return {
      id: row.id,
      status: row.status,
      start: row.startAt.toISOString(),
      end: row.endAt.toISOString(),
      receiptUrl: receiptPath(receiptToken),
    };
  });
}

/**
 * The manage page opens with the manage link of the confirmation email, or with the confirmation
 * link once it has confirmed (both reached only that inbox): so "already confirmed" and a second
 * click on "confirm" lead to the appointment instead of a dead end.
 */
async function findByToken(column: "confirm" | "manage", token: string, db: Db): Promise<Appointment | null> {
  if (!isTokenShape(token)) return null;
  const hash = hashToken(token);
  const [row] = await db
    .select()
    .from(appointments)
    .where(
      column === "confirm"
        ? eq(appointments.confirmTokenHash, hash)
        : or(
            eq(appointments.manageTokenHash, hash),
            and(eq(appointments.confirmTokenHash, hash), notInArray(appointments.status, ["pending", "expired"])),
          ),
    );
  return row ?? null;
}

export async function findForConfirmation(token: string, db: Db = defaultDb) {
  return findByToken("confirm", token, db);
}

export async function findForManagement(token: string, db: Db = defaultDb) {
  return findByToken("manage", token, db);
}

/** `manageToken` opens the manage page: the new manage link, or the confirmation link itself when it had confirmed already. */
export type ConfirmResult = { status: "confirmed" | "already_confirmed" | "gone"; appointment?: Appointment; manageToken?: string };

/**
 * The visitor's click in the email. A pending booking becomes confirmed; one whose hold ran out
 * is confirmed too if its time is still free (the exclusion constraint decides).
 */
export async function confirmBooking(token: string, { origin }: { origin: string }, db: Db = defaultDb): Promise<ConfirmResult> {
  const found = await findForConfirmation(token, db);
  if (!found) return { status: "gone" };
  // A second click (or a reload of the form's POST): the same success, idempotently.
  if (found.status === "confirmed") return { status: "already_confirmed", appointment: found, manageToken: token };
  if (found.status !== "pending" && found.status !== "expired") return { status: "gone" };
  if (found.startAt.getTime() <= Date.now()) return { status: "gone" };
  const manageToken = newToken();
  return db.transaction(async (tx) => {
    const confirmation = {
      status: "confirmed" as const,
      confirmedAt: sql`now()`,
      pendingExpiresAt: null,
      // Needed only while pending (the limit per client address counts pending bookings).
      clientKey: null,
      manageTokenHash: hashToken(manageToken),
      updatedAt: sql`now()`,
    };
    const stillOpen = and(eq(appointments.id, found.id), inArray(appointments.status, ["pending", "expired"]));
    const confirm = (w: Db) => w.update(appointments).set(confirmation).where(stillOpen).returning();
    // Its time taken by someone else meanwhile: gone, like any other booking that cannot be confirmed.
    const [row] = await takeTime(tx, [found], confirm, { onOverlap: () => [] });
    if (!row) return { status: "gone" as const };
    await announceConfirmed(tx, row, { origin, manageToken });
    return { status: "confirmed" as const, appointment: row, manageToken };
  });
}

/** A confirmed consultation the visitor may still change through their manage link, else the refusal. */
async function loadForChange(token: string, db: Db) {
  const appointment = await findForManagement(token, db);
  if (!appointment) throw new AppError("not_found", "Diesen Termin gibt es nicht mehr, oder er wurde schon abgesagt.");
  assertSelfService(appointment, await loadBookingSettings(db), "visitor");
  return appointment;
}

export async function cancelByVisitor(
  token: string,
  reason: string | null,
  { origin }: { origin: string },
  db: Db = defaultDb,
): Promise<Appointment> {
  const appointment = await loadForChange(token, db);
  return db.transaction(async (tx) => {
    const [row] = await giveBack(tx, eq(appointments.id, appointment.id), { by: "visitor", reason });
    if (!row) throw new AppError("not_found", "Dieser Termin wurde schon abgesagt.");
    await announceCancelled(tx, row, { origin, by: "visitor", reason });
    return row;
  });
}

export async function rescheduleByVisitor(
  token: string,
  newStart: Date,
  { origin }: { origin: string },
  db: Db = defaultDb,
): Promise<Appointment> {
  const appointment = await loadForChange(token, db);
  const { settings, end } = await assertOffered(newStart, db, appointment.id);
  const range = blocked(newStart, end, settings);
  return db.transaction(async (tx) => {
    const move = {
      startAt: newStart,
      endAt: end,
      bufferBeforeMinutes: settings.bufferBeforeMinutes,
      bufferAfterMinutes: settings.bufferAfterMinutes,
      ...range,
      sequence: sql`${appointments.sequence} + 1`,
      updatedAt: sql`now()`,
    };
    const stillConfirmed = and(eq(appointments.id, appointment.id), eq(appointments.status, "confirmed"));
    const [row] = await takeTime(tx, [range], (w) => w.update(appointments).set(move).where(stillConfirmed).returning(), {
      consultation: { start: newStart, exceptId: appointment.id, timeZone: settings.timeZone },
    });
    if (!row) throw new AppError("not_found", "Dieser Termin wurde inzwischen abgesagt.");
    await announceMovedByVisitor(tx, row, { origin, manageToken: token, previousStart: appointment.startAt });
    return row;
  });
}

/** The coach cancels a consultation, pending or confirmed; the visitor gets the calendar's CANCEL. */
export async function cancelConsultationByCoach(
  id: string,
  reason: string | null,
  origin: string,
  db: Db = defaultDb,
): Promise<Appointment> {
  return db.transaction(async (tx) => {
    const [row] = await giveBack(tx, eq(appointments.id, id), { by: "coach", reason, statuses: ["pending", "confirmed"] });
    if (!row) throw new AppError("not_found", "Dieser Termin ist schon abgesagt oder vorbei.");
    await announceCancelled(tx, row, { origin, by: "coach", reason });
    return row;
  });
}
