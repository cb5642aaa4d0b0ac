import { eq } from "drizzle-orm";
import { createElement } from "react";
import { db as defaultDb, type Db } from "@/db";
import { sessionTypes, type Appointment } from "@/db/schema";
import SessionUpdateEmail, { sessionUpdateSubject, type SessionUpdateKind } from "@/emails/session-update";
import { invitationAttachment } from "@/lib/calendar/ics";
import { invitationFor } from "@/lib/calendar/invitation";
import { enqueueEmail } from "@/lib/email/outbox";
import { formatAppointmentTime } from "@/lib/time/format";
import type { Voice } from "./voice";
import { firstNameOf } from "@/lib/validation/first-name";

/** The name of a session type, for invitations (the client's .ics download uses it too). */
export async function sessionTypeName(id: string | null, db: Db = defaultDb): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ name: sessionTypes.name }).from(sessionTypes).where(eq(sessionTypes.id, id));
  return row?.name ?? null;
}

/**
 * The client's email for sessions the coach scheduled, moved or cancelled, written in the
 * caller's transaction. A weekly series is one email with one invitation per session.
 * The coach's private notes are never read here, and the note to the client stays in their area.
 */
export async function queueSessionUpdate(
  tx: Db,
  voice: Voice,
  rows: Appointment[],
  kind: SessionUpdateKind,
  extra: { origin: string; reason?: string | null; previousStart?: Date; eraseAfterSend?: boolean },
) {
  const first = rows[0];
  if (!first) return;
  const typeName = await sessionTypeName(first.sessionTypeId, tx);
  const tz = voice.practice.timeZone;
  const dashboardUrl = `${extra.origin}/dashboard/termine`;
  const name = typeName || "Coaching";
  const when = rows.map((r) => formatAppointmentTime(r.startAt, tz));
  const method = kind === "cancelled" ? "CANCEL" : "REQUEST";
  const attachments = rows.map((r, i) => {
    const file = invitationAttachment(
      invitationFor(r, { method, organizer: voice.sender, portalUrl: dashboardUrl, sessionTypeName: typeName }),
    );
    return rows.length > 1 ? { ...file, filename: `termin-${i + 1}.ics` } : file;
  });
  await enqueueEmail(
    {
      template: `session-${kind}`,
      to: first.email,
      subject: sessionUpdateSubject(kind, name, when),
      body: createElement(SessionUpdateEmail, {
        kind,
        practiceName: voice.practice.practiceName,
        coachName: voice.sender.name,
        name: firstNameOf(first.name) ?? first.name,
        typeName: name,
        when,
        previousWhen: extra.previousStart ? formatAppointmentTime(extra.previousStart, tz) : undefined,
        channel: first.channel,
        location: first.location,
        hasNote: Boolean(first.noteToClient?.trim()),
        reason: extra.reason,
        dashboardUrl,
        contactEmail: voice.sender.email,
      }),
      attachments,
      // A series is announced once, under its first session's key.
      dedupeKey: `session-${kind}:${first.id}:${first.sequence}`,
      eraseAfterSend: extra.eraseAfterSend,
    },
    tx,
  );
}
