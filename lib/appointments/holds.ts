import { and, eq, gt, inArray, lt, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { appointments, sessionTypes, type Appointment } from "@/db/schema";
import { loadRules, type BookingSettings } from "@/lib/booking/availability";
import { calendarBusyBetween } from "@/lib/calendars/busy";
import { freeSlots, isSlotOffered, type BusyAppointment, type Slot } from "@/lib/booking/slots";
import { addDays } from "@/lib/time/dates";
import { practiceDate } from "@/lib/time/zone";
import { describeAppointment } from "./describe";
import { isOverlapViolation, slotUnavailable } from "./overlap";

/*
 * How an appointment holds time. It holds its blocked range (buffers included) while it is
 * confirmed, or pending and within its hold; the database's exclusion constraint refuses two
 * such ranges that overlap. `takeTime` is the one way to take time, `giveBack` the one way to
 * return it (cancelled, expired); everything else only reads.
 */

/**
 * Holds its time: confirmed, or pending and not yet expired (decided now, no cron needed). `at`
 * decides at another instant (the slot cache asks at its own clock, the one it filters by).
 */
export function holdsTime(at?: Date) {
  return or(
    eq(appointments.status, "confirmed"),
    and(eq(appointments.status, "pending"), gt(appointments.pendingExpiresAt, at ?? sql`now()`)),
  );
}

export type Range = { blockedFrom: Date; blockedUntil: Date };

export function blocked(start: Date, end: Date, buffers: Pick<BookingSettings, "bufferBeforeMinutes" | "bufferAfterMinutes">): Range {
  return {
    blockedFrom: new Date(start.getTime() - buffers.bufferBeforeMinutes * 60_000),
    blockedUntil: new Date(end.getTime() + buffers.bufferAfterMinutes * 60_000),
  };
}

/**
 * What keeps a consultation slot from being offered in [from, until): appointments holding time,
 * and the busy times of the coach's own calendars (read from the database, synced in the background).
 */
export async function busyBetween(from: Date, until: Date, db: Db = defaultDb, exceptId?: string): Promise<BusyAppointment[]> {
  // One after the other: inside a transaction both run on its one connection anyway.
  const own = await appointmentsBetween(from, until, db, exceptId);
  const calendars = await calendarBusyBetween(from, until, db);
  return calendars.length ? [...own, ...calendars] : own;
}

/** A busy appointment and, for a pending one, when its hold runs out (and its time is free again). */
export type Hold = BusyAppointment & { expiresAt: Date | null };

/** Appointments holding time that touches [from, until), as the slot engine needs them. */
async function appointmentsBetween(from: Date, until: Date, db: Db, exceptId?: string): Promise<BusyAppointment[]> {
  return holdsBetween(from, until, db, { exceptId });
}

/** The same with each hold's expiry, decided at `at` (default: the database's now). */
export async function holdsBetween(
  from: Date,
  until: Date,
  db: Db,
  { exceptId, at }: { exceptId?: string; at?: Date } = {},
): Promise<Hold[]> {
  const rows = await db
    .select({
      id: appointments.id,
      start: appointments.startAt,
      end: appointments.endAt,
      bufferBeforeMinutes: appointments.bufferBeforeMinutes,
      bufferAfterMinutes: appointments.bufferAfterMinutes,
      kind: appointments.kind,
      status: appointments.status,
      pendingExpiresAt: appointments.pendingExpiresAt,
    })
    .from(appointments)
    .where(and(holdsTime(at), lte(appointments.blockedFrom, until), gt(appointments.blockedUntil, from)));
  return rows
    .filter((r) => r.id !== exceptId)
    .map((r) => ({
      start: r.start,
      end: r.end,
      bufferBeforeMinutes: r.bufferBeforeMinutes,
      bufferAfterMinutes: r.bufferAfterMinutes,
      countsTowardDailyMax: r.kind === "consultation",
      expiresAt: r.status === "pending" ? r.pendingExpiresAt : null,
    }));
}

/** The instants bounding practice dates [from, to], with a day of margin for buffers and zones. */
export function busyWindow(from: string, to: string): { start: Date; end: Date } {
  return { start: new Date(`${addDays(from, -1)}T00:00:00Z`), end: new Date(`${addDays(to, 2)}T00:00:00Z`) };
}

/** The free consultation slots of practice dates [from, to]. */
export async function availableSlots(
  from: string,
  to: string,
  now = new Date(),
  db: Db = defaultDb,
): Promise<{ settings: BookingSettings; slots: Slot[] }> {
  const { rules, settings } = await loadRules(from, to, db);
  const w = busyWindow(from, to);
  const busy = await busyBetween(w.start, w.end, db);
  return { settings, slots: freeSlots(rules, busy, { from, to }, now) };
}

/**
 * Whether a consultation may start at `start` (published hours, notice, horizon, the daily cap
 * and every appointment holding time), with the settings and its end; else a 409.
 */
export async function assertOffered(start: Date, db: Db, exceptId?: string): Promise<{ settings: BookingSettings; end: Date }> {
  // Far outside any horizon (or not a time at all): no need to ask the rules.
  const now = Date.now();
  if (!Number.isFinite(start.getTime()) || start.getTime() <= now || start.getTime() > now + 400 * 86_400_000) throw slotUnavailable();
  // The practice date is within a day of the UTC date, whatever the zone: load that neighbourhood.
  const utcDate = start.toISOString().slice(0, 10);
  const { rules, settings } = await loadRules(addDays(utcDate, -1), addDays(utcDate, 1), db);
  const w = busyWindow(addDays(utcDate, -1), addDays(utcDate, 1));
  const busy = await busyBetween(w.start, w.end, db, exceptId);
  if (!isSlotOffered(rules, busy, start, new Date())) throw slotUnavailable();
  return { settings, end: new Date(start.getTime() + settings.durationMinutes * 60_000) };
}

/** Pending bookings past their hold give their time back before anything new takes it. */
async function releaseExpired(tx: Db, range: Range) {
  await tx
    .update(appointments)
    .set({ status: "expired", clientKey: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(appointments.status, "pending"),
        lte(appointments.pendingExpiresAt, sql`now()`),
        sql`tstzrange(${appointments.blockedFrom}, ${appointments.blockedUntil}, '[)') && tstzrange(${range.blockedFrom.toISOString()}::timestamptz, ${range.blockedUntil.toISOString()}::timestamptz, '[)')`,
      ),
    );
}

/**
 * The one way to take time, inside the caller's transaction: expired holds in the way give
 * their time back, `write` inserts or moves the appointments, and an overlap the database
 * refuses becomes `onOverlap()` (a 409 by default). For a consultation (`consultation` given),
 * the slot is checked again under a lock on its practice date, so two bookings of one day are
 * decided one after the other and the daily cap counts what the other committed.
 */
export async function takeTime<T>(
  tx: Db,
  ranges: Range[],
  write: (tx: Db) => Promise<T>,
  options: { consultation?: { start: Date; exceptId?: string; timeZone: string }; onOverlap?: () => T | Promise<T> } = {},
): Promise<T> {
  if (options.consultation) {
    const { start, exceptId, timeZone } = options.consultation;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`consultation-day:${practiceDate(start, timeZone)}`}, 0))`);
    await assertOffered(start, tx, exceptId);
  }
  const from = new Date(Math.min(...ranges.map((r) => r.blockedFrom.getTime())));
  const until = new Date(Math.max(...ranges.map((r) => r.blockedUntil.getTime())));
  await releaseExpired(tx, { blockedFrom: from, blockedUntil: until });
  try {
    // A savepoint, so that the overlap error leaves the caller's transaction usable.
    return await tx.transaction(async (savepoint) => write(savepoint));
  } catch (error) {
    if (!isOverlapViolation(error)) throw error;
    if (options.onOverlap) return options.onOverlap();
    throw slotUnavailable();
  }
}

/** Who cancelled: the visitor (manage link), the client (dashboard) or the coach. */
export type GiveBackBy = NonNullable<Appointment["cancelledBy"]>;

/**
 * The one way to give time back: the appointments `where` selects (and still holding or pending)
 * become cancelled by `by` with `reason`, their sequence raised so calendars replace them.
 * Returns the rows it cancelled; none when another request was first.
 */
export async function giveBack(
  tx: Db,
  where: SQL | undefined,
  cancellation: { by: GiveBackBy; reason: string | null; statuses?: Appointment["status"][] },
): Promise<Appointment[]> {
  const statuses = cancellation.statuses ?? ["confirmed"];
  return tx
    .update(appointments)
    .set({
      status: "cancelled",
      cancelledAt: sql`now()`,
      cancelledBy: cancellation.by,
      cancelReason: cancellation.reason,
      sequence: sql`${appointments.sequence} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(where, inArray(appointments.status, statuses)))
    .returning();
}

/**
 * For each wanted range, the appointments holding time that it would overlap (buffers included,
 * half-open as the exclusion constraint counts them), named for the coach.
 */
export async function findConflicts(db: Db, ranges: Range[], timeZone: string, exceptId?: string): Promise<string[][]> {
  if (ranges.length === 0) return [];
  const from = new Date(Math.min(...ranges.map((r) => r.blockedFrom.getTime())));
  const until = new Date(Math.max(...ranges.map((r) => r.blockedUntil.getTime())));
  const rows = await db
    .select({
      id: appointments.id,
      kind: appointments.kind,
      name: appointments.name,
      startAt: appointments.startAt,
      blockedFrom: appointments.blockedFrom,
      blockedUntil: appointments.blockedUntil,
      typeName: sessionTypes.name,
    })
    .from(appointments)
    .leftJoin(sessionTypes, eq(sessionTypes.id, appointments.sessionTypeId))
    .where(
      and(
        holdsTime(),
        lt(appointments.blockedFrom, until),
        gt(appointments.blockedUntil, from),
        exceptId ? ne(appointments.id, exceptId) : undefined,
      ),
    )
    .orderBy(appointments.startAt);
  return ranges.map((r) =>
    rows
      .filter((a) => a.blockedFrom.getTime() < r.blockedUntil.getTime() && a.blockedUntil.getTime() > r.blockedFrom.getTime())
      .map((a) => describeAppointment(a, timeZone)),
  );
}
