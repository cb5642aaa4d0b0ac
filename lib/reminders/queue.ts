import { and, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { createElement } from "react";
import { db as defaultDb, type Db } from "@/db";
import { appointments, practiceSettings, type Appointment, type PracticeSettings } from "@/db/schema";
import AppointmentReminderEmail, { appointmentReminderSubject } from "@/emails/appointment-reminder";
import { enqueueEmail } from "@/lib/email/outbox";
import { staticSiteOrigin } from "@/lib/site-url";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { formatAppointmentTime } from "@/lib/time/format";

const BATCH = 50;

/** The lead time read inside the statement, so a run never works with a stale setting. */
const leadInterval = sql`make_interval(mins => coalesce((select ${practiceSettings.reminderLeadMinutes} from ${practiceSettings} where ${practiceSettings.id} = 1), 1440))`;

/**
 * Queues the reminder for every confirmed appointment whose start is within the lead time.
 *
 * Exactly once, however many runs overlap (cron, poller, several instances): each batch is one
 * UPDATE that sets `reminder_sent_at` only where it is still null, and its emails are written in
 * the same transaction. A concurrent UPDATE waits for the row lock, then re-checks the condition
 * and skips the row. The dedupe key carries the appointment's sequence, so when a move resets
 * `reminder_sent_at` the new time is reminded once more, while the same version never is twice.
 */
export async function queueDueReminders(options: { db?: Db; origin?: string } = {}): Promise<number> {
  const db = options.db ?? defaultDb;
  const origin = options.origin ?? staticSiteOrigin();
  let total = 0;
  for (;;) {
    const queued = await db.transaction(async (tx) => {
      const due = tx
        .select({ id: appointments.id })
        .from(appointments)
        .where(dueCondition())
        .orderBy(appointments.startAt)
        .limit(BATCH)
        .for("update", { skipLocked: true });
      const claimed = await tx
        .update(appointments)
        .set({ reminderSentAt: sql`now()` })
        .where(and(inArray(appointments.id, due), dueCondition()))
        .returning();
      if (claimed.length === 0) return 0;
      const practice = await loadPracticeSettings(tx);
      for (const appointment of claimed) await enqueueReminder(appointment, practice, origin, tx);
      return claimed.length;
    });
    total += queued;
    if (queued < BATCH) return total;
  }
}

function dueCondition() {
  return and(
    eq(appointments.status, "confirmed"),
    isNull(appointments.reminderSentAt),
    lte(appointments.startAt, sql`now() + ${leadInterval}`),
    gt(appointments.startAt, sql`now()`),
  );
}

async function enqueueReminder(appointment: Appointment, practice: PracticeSettings, origin: string, tx: Db) {
  const when = formatAppointmentTime(appointment.startAt, practice.timeZone);
  await enqueueEmail(
    {
      template: "appointment-reminder",
      to: appointment.email,
      subject: appointmentReminderSubject(appointment.kind, when),
      body: createElement(AppointmentReminderEmail, {
        kind: appointment.kind,
        practiceName: practice.practiceName,
        coachName: practice.coachName || practice.practiceName,
        name: appointment.name.split(" ")[0] || appointment.name,
        when,
        channel: appointment.channel,
        // Explicit empty values: undefined would fall back to the template's preview data.
        location: appointment.location ?? "",
        dashboardUrl: appointment.kind === "session" && appointment.clientId ? `${origin}/dashboard` : "",
        contactEmail: practice.email,
        contactPhone: practice.phone,
      }),
      dedupeKey: `reminder:${appointment.id}:${appointment.sequence}`,
    },
    tx,
  );
}
