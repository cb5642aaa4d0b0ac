import type { Db } from "@/db";
import type { Appointment } from "@/db/schema";
import { queueCalendarWrites } from "@/lib/calendars/writeback";
import { queueCoachNotice } from "./coach-notice";
import { queueVisitorUpdate } from "./consultation";
import { queueSessionUpdate } from "./sessions";
import { practiceVoice } from "./voice";

/*
 * Who is told what about each appointment event, composed once per event, in the transaction
 * that made the change. The person gets their email with the calendar invitation; the coach a
 * notice of what the person did (not of what the coach did). Nothing a person wrote is quoted.
 */

type Origin = { origin: string };

/** A visitor confirmed their consultation: their confirmation with the manage link, the coach's notice. */
export async function announceConfirmed(tx: Db, row: Appointment, extra: Origin & { manageToken: string }) {
  const voice = await practiceVoice(tx);
  await queueVisitorUpdate(tx, voice, row, "confirmed", { origin: extra.origin, manageToken: extra.manageToken });
  await queueCoachNotice(tx, voice, row, "booked", extra);
  await queueCalendarWrites(tx, [row]);
}

/** A visitor moved their consultation. */
export async function announceMovedByVisitor(tx: Db, row: Appointment, extra: Origin & { manageToken: string; previousStart: Date }) {
  const voice = await practiceVoice(tx);
  await queueVisitorUpdate(tx, voice, row, "moved", {
    origin: extra.origin,
    manageToken: extra.manageToken,
    previousStart: extra.previousStart,
  });
  await queueCoachNotice(tx, voice, row, "moved", { origin: extra.origin, previousStart: extra.previousStart });
  await queueCalendarWrites(tx, [row]);
}

/** The coach set or changed where a confirmed consultation takes place: the visitor's update with the invitation. */
export async function announcePlaceChanged(tx: Db, row: Appointment, extra: Origin) {
  await queueVisitorUpdate(tx, await practiceVoice(tx), row, "updated", { origin: extra.origin });
  await queueCalendarWrites(tx, [row]);
}

/** The coach scheduled sessions (one email for a series) or moved one. */
export async function announceSessions(
  tx: Db,
  rows: Appointment[],
  kind: "scheduled" | "moved",
  extra: Origin & { reason?: string | null; previousStart?: Date },
) {
  await queueSessionUpdate(tx, await practiceVoice(tx), rows, kind, extra);
  await queueCalendarWrites(tx, rows);
}

/**
 * An appointment was cancelled. The person gets the calendar's CANCEL; the reason is shown to
 * them only when the coach wrote it. When the person cancelled, the coach gets a notice that
 * says whether they gave a reason (it waits in the portal). When the cause is the deletion of
 * their account, both emails are delivered and then erased.
 */
export async function announceCancelled(
  tx: Db,
  row: Appointment,
  extra: Origin & { by: NonNullable<Appointment["cancelledBy"]>; reason: string | null; accountDeleted?: boolean },
) {
  const accountDeleted = extra.accountDeleted ?? false;
  const voice = await practiceVoice(tx);
  const toPerson = {
    origin: extra.origin,
    reason: extra.by === "coach" ? extra.reason : accountDeleted ? "Konto gelöscht" : null,
    eraseAfterSend: accountDeleted,
    by: extra.by,
  };
  if (row.kind === "session") await queueSessionUpdate(tx, voice, [row], "cancelled", toPerson);
  else await queueVisitorUpdate(tx, voice, row, "cancelled", toPerson);
  if (extra.by !== "coach")
    await queueCoachNotice(tx, voice, row, "cancelled", { origin: extra.origin, reasonGiven: Boolean(extra.reason), accountDeleted });
  // Also the account's deletion: the client's future events leave the coach's calendar.
  await queueCalendarWrites(tx, [row]);
}
