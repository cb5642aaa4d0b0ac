import { and, eq, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import {
  appointments,
  bookingReceipts,
  devMailbox,
  emailOutbox,
  maintenanceRuns,
  rateLimits,
  sessions,
  users,
  verificationTokens,
} from "@/db/schema";
import { RECEIPT_DAYS } from "@/lib/appointments/receipts";
import { loadPracticeSettings } from "@/lib/settings/queries";

export const DAILY_PURGE_JOB = "daily-purge";

export type PurgeCounts = {
  /** Sent (or given-up) emails whose body and attachments were emptied; their metadata stays for the log. */
  emailBodies: number;
  /** Local-mailbox messages deleted (development's stand-in for the recipients' inboxes). */
  localMail: number;
  /** Unconfirmed, expired or cancelled consultation requests of people who never became clients. */
  openRequests: number;
  /** Held, missed or never-marked past consultations of people who never became clients. */
  pastConsultations: number;
  /** Emails (with their log entry) about people the platform no longer knows. */
  emailsOfPeopleGone: number;
  /** Sign-in and invitation links past their expiry, used or not. */
  signInLinks: number;
  /** Rate-limit counters whose window has passed. */
  rateLimits: number;
  /** Sign-in sessions past their expiry. */
  sessions: number;
  /** Receipts of booking requests (address and time, for the browser that sent them) past their two days. */
  bookingReceipts: number;
};

/** The consultation belongs to nobody who is, or was made, a client. */
const ofNonClient = and(
  isNull(appointments.clientId),
  sql`not exists (select 1 from ${users} where ${users.email} = ${appointments.email})`,
);

/**
 * Deletes what has outlived its purpose, as of `now`, with the periods the coach set (practice
 * settings, stated on /datenschutz). Idempotent: a second run with the same clock finds nothing.
 */
export async function purgeExpiredData(now: Date, db: Db = defaultDb): Promise<PurgeCounts> {
  const settings = await loadPracticeSettings(db);
  const at = sql`${now.toISOString()}::timestamptz`;
  const daysAgo = (days: number) => sql`${at} - make_interval(days => ${days})`;
  const sentCutoff = daysAgo(settings.sentEmailRetentionDays);

  const emailBodies = await db
    .update(emailOutbox)
    .set({ html: "", text: "", attachments: [], secrets: null, bodyPurgedAt: now })
    .where(
      and(
        isNull(emailOutbox.bodyPurgedAt),
        or(
          and(eq(emailOutbox.status, "sent"), lte(emailOutbox.sentAt, sentCutoff)),
          and(eq(emailOutbox.status, "failed"), lte(emailOutbox.createdAt, sentCutoff)),
        ),
      ),
    )
    .returning({ id: emailOutbox.id });
  const localMail = await db.delete(devMailbox).where(lte(devMailbox.createdAt, sentCutoff)).returning({ id: devMailbox.id });

  /** Consultations of people who never became clients, in these statuses, once `expired` holds. */
  const deleteConsultations = (statuses: (typeof appointments.$inferSelect.status)[], expired: SQL) =>
    db
      .delete(appointments)
      .where(and(eq(appointments.kind, "consultation"), inArray(appointments.status, statuses), ofNonClient, expired))
      .returning({ id: appointments.id });
  const openRequests = await deleteConsultations(
    ["pending", "expired", "cancelled"],
    // A pending request counts from when its hold ran out, any other from its last change.
    sql`greatest(${appointments.updatedAt}, coalesce(${appointments.pendingExpiresAt}, ${appointments.updatedAt})) <= ${daysAgo(settings.openRequestRetentionDays)}`,
  );
  const pastConsultations = await deleteConsultations(
    ["confirmed", "completed", "no_show"],
    lte(appointments.endAt, sql`${at} - make_interval(months => ${settings.pastConsultationRetentionMonths})`),
  );

  // An email stays (as a log entry) while the person it is to or about is known: an account or an
  // appointment. After that it goes whole, with its local-mailbox copy. Emails in flight wait.
  const person = sql`coalesce(${emailOutbox.aboutEmail}, ${emailOutbox.to})`;
  const emailsOfPeopleGone = await db
    .delete(emailOutbox)
    .where(
      and(
        inArray(emailOutbox.status, ["sent", "failed"]),
        sql`not exists (select 1 from ${users} where ${users.email} = ${person})`,
        sql`not exists (select 1 from ${appointments} where ${appointments.email} = ${person})`,
      ),
    )
    .returning({ id: emailOutbox.id });
  if (emailsOfPeopleGone.length > 0)
    await db.delete(devMailbox).where(
      inArray(
        devMailbox.idempotencyKey,
        emailsOfPeopleGone.map((e) => e.id),
      ),
    );

  const signInLinks = await db
    .delete(verificationTokens)
    .where(lte(verificationTokens.expires, at))
    .returning({ t: verificationTokens.token });
  const limits = await db
    .delete(rateLimits)
    .where(lte(sql`${rateLimits.windowStart} + make_interval(secs => ${rateLimits.windowSeconds})`, at))
    .returning({ key: rateLimits.key });
  const expiredSessions = await db.delete(sessions).where(lte(sessions.expires, at)).returning({ t: sessions.sessionToken });
  const receipts = await db
    .delete(bookingReceipts)
    .where(lte(bookingReceipts.createdAt, daysAgo(RECEIPT_DAYS)))
    .returning({ t: bookingReceipts.tokenHash });

  return {
    emailBodies: emailBodies.length,
    localMail: localMail.length,
    openRequests: openRequests.length,
    pastConsultations: pastConsultations.length,
    emailsOfPeopleGone: emailsOfPeopleGone.length,
    signInLinks: signInLinks.length,
    rateLimits: limits.length,
    sessions: expiredSessions.length,
    bookingReceipts: receipts.length,
  };
}

/**
 * The purge at most once a day, however many instances and schedulers call this (the cron route
 * every minute, each instance's poller). The run claims the day with one conditional upsert in
 * the same transaction as the work: a concurrent caller waits for that row, then finds the day
 * taken and returns null; a run that fails rolls its claim back, so the next call tries again.
 */
export async function runDailyPurge(options: { now?: Date; db?: Db } = {}): Promise<PurgeCounts | null> {
  const now = options.now ?? new Date();
  const db = options.db ?? defaultDb;
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(maintenanceRuns)
      .values({ job: DAILY_PURGE_JOB, lastRunAt: now })
      .onConflictDoUpdate({
        target: maintenanceRuns.job,
        set: { lastRunAt: now },
        setWhere: sql`${maintenanceRuns.lastRunAt} <= ${now.toISOString()}::timestamptz - interval '1 day'`,
      })
      .returning({ job: maintenanceRuns.job });
    if (claimed.length === 0) return null;
    return purgeExpiredData(now, tx);
  });
}
