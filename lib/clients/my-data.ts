import { and, asc, desc, eq, gt, inArray, or, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import {
  bookingReceipts,
  appointments,
  healthDataViews,
  journalEntries,
  outcomeCheckins,
  outcomePrompts,
  passkeys,
  recoveryCodes,
  reminderPreferences,
  selfCheckResults,
  sessions,
  users,
  verificationTokens,
} from "@/db/schema";
import { giveBack } from "@/lib/appointments/holds";
import { restrictInvoicesOf } from "@/lib/billing/erasure";
import { billingExport } from "@/lib/billing/export";
import { feesOf } from "@/lib/cancellation-policy/fees";
import { acceptancesOf } from "@/lib/cancellation-policy/policy";
import { queueCalendarWrites } from "@/lib/calendars/writeback";
import { announceCancelled } from "@/lib/notifications/events";
import { eraseEmailsOf } from "@/lib/email/erase";
import { AppError } from "@/lib/http/errors";
import { practiceExport } from "@/lib/practice/logs";
import { listEvidence, suggestionDecisionsOf } from "@/lib/safety/queries";
import { clientAccount } from "./accounts";

/** Everything stored about one client, for the export (GDPR Art. 15 and 20). Scoped to that client alone. */
export async function exportClientData(userId: string, db: Db = defaultDb) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, timeZone: users.timeZone, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError("not_found", "Dieses Konto gibt es nicht.");
  const [journal, checks, own, views, keys, devices, codes, reminders, practice, checkins, prompts] = await Promise.all([
    db.select().from(journalEntries).where(eq(journalEntries.userId, userId)).orderBy(asc(journalEntries.entryDate)),
    db.select().from(selfCheckResults).where(eq(selfCheckResults.userId, userId)).orderBy(asc(selfCheckResults.createdAt)),
    ownAppointments(userId, user.email, db),
    db
      .select({ what: healthDataViews.what, viewer: healthDataViews.viewerName, at: healthDataViews.viewedAt })
      .from(healthDataViews)
      .where(eq(healthDataViews.clientId, userId))
      .orderBy(desc(healthDataViews.viewedAt)),
    db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt)),
    // Sessions and codes without their secrets: no token, no code hash.
    db
      .select({
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        expires: sessions.expires,
        userAgent: sessions.userAgent,
        secondFactorAt: sessions.secondFactorAt,
      })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(asc(sessions.createdAt)),
    db
      .select({ createdAt: recoveryCodes.createdAt, usedAt: recoveryCodes.usedAt })
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, userId))
      .orderBy(asc(recoveryCodes.createdAt)),
    db.select().from(reminderPreferences).where(eq(reminderPreferences.userId, userId)).orderBy(asc(reminderPreferences.kind)),
    practiceExport(userId, db),
    db.select().from(outcomeCheckins).where(eq(outcomeCheckins.userId, userId)).orderBy(asc(outcomeCheckins.createdAt)),
    db.select().from(outcomePrompts).where(eq(outcomePrompts.userId, userId)).orderBy(asc(outcomePrompts.dueAt)),
  ]);
  const [evidence, suggestionDecisions] = await Promise.all([listEvidence(userId, db), suggestionDecisionsOf(userId, db)]);
  return {
    exportedAt: new Date().toISOString(),
    profile: user,
    journal: journal.map(({ userId: _owner, ...entry }) => entry),
    selfChecks: checks.map(({ userId: _owner, ...check }) => check),
    appointments: own.map((a) => ({
      id: a.id,
      kind: a.kind,
      status: a.status,
      start: a.startAt,
      end: a.endAt,
      channel: a.channel,
      // Sessions: what the client was told (place or link, the coach's note, homework). The
      // coach's private session notes live in their own table and are never read here.
      location: a.location,
      noteToClient: a.noteToClient,
      homework: a.homework,
      message: a.message,
      selfCheck: a.selfCheck,
      cancelReason: a.cancelReason,
    })),
    consents: consentsOf(own),
    healthDataViews: views,
    passkeys: keys.map(({ userId: _owner, ...key }) => key),
    sessions: devices,
    recoveryCodes: codes,
    reminders: reminders.map(({ userId: _owner, ...reminder }) => reminder),
    // Homework and practices with the coach's feedback on them (lib/practice).
    practiceAssignments: practice.assignments,
    practiceLogs: practice.logs,
    // Evidence of safety written by the client or the coach, and the coach's answers to suggestions.
    safetyEvidence: evidence.map(({ clientId: _owner, authorId: _author, ...item }) => item),
    safetySuggestionDecisions: suggestionDecisions,
    outcomeCheckins: checkins.map(({ userId: _owner, ...checkin }) => checkin),
    outcomePrompts: prompts.map(({ userId: _owner, ...prompt }) => prompt),
    // Billing address, packages, issued invoices with their lines and payments, and the coach's drafts (lib/billing).
    billing: await billingExport(userId, db),
    // The cancellation policy versions the client agreed to (with the text as accepted) and the fees billed under them.
    cancellationPolicy: {
      acceptances: await acceptancesOf(userId, db),
      fees: await feesOf(userId, db),
    },
  };
}

function ownAppointments(userId: string, email: string, db: Db) {
  return db
    .select()
    .from(appointments)
    .where(or(eq(appointments.clientId, userId), eq(appointments.email, email)))
    .orderBy(asc(appointments.startAt));
}

function consentsOf(rows: { consentAt: Date | null; consentVersion: string | null; kind: string }[]) {
  return rows
    .filter((a) => a.consentAt)
    .map((a) => ({
      what: "Verarbeitung deiner Angaben (auch Gesundheitsdaten) für das Erstgespräch",
      version: a.consentVersion,
      givenAt: a.consentAt,
    }));
}

export async function consentsFor(userId: string, email: string, db: Db = defaultDb) {
  return consentsOf(await ownAppointments(userId, email, db));
}

export async function viewsOf(userId: string, db: Db = defaultDb) {
  return db.select().from(healthDataViews).where(eq(healthDataViews.clientId, userId)).orderBy(desc(healthDataViews.viewedAt)).limit(200);
}

/**
 * A CSV document (semicolon-separated, as German spreadsheets expect), formula injection defused.
 * Every cell is quoted, the header too: a spreadsheet then reads each as the text it is, whatever
 * separator, line break or leading character it holds.
 */
export function csvDocument(header: string[], rows: (string | number | null)[][]): string {
  const cell = (value: string | number | null) => {
    let text = value === null ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return `"${text.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${[header.map(cell).join(";"), ...rows.map((row) => row.map(cell).join(";"))].join("\r\n")}\r\n`;
}

/** The journal as CSV (csvDocument). */
export function journalCsv(
  entries: {
    entryDate: string;
    pain: number;
    stress: number;
    mood: number | null;
    bodyAreas: string[];
    tags: string[];
    helped: string[];
    notes: string;
  }[],
): string {
  return csvDocument(
    ["Datum", "Schmerz", "Stress", "Stimmung", "Körperbereiche", "Auslöser", "Geholfen", "Notizen"],
    entries.map((e) => [e.entryDate, e.pain, e.stress, e.mood, e.bodyAreas.join(", "), e.tags.join(", "), e.helped.join(", "), e.notes]),
  );
}

/** The outcome check-ins as CSV (csvDocument). */
export function outcomesCsv(
  checkins: {
    localDate: string;
    kind: string;
    averagePain: number;
    worstPain: number;
    interference: number;
    damageBelief: number;
    phq1: number;
    phq2: number;
    phq3: number;
    phq4: number;
  }[],
): string {
  return csvDocument(
    ["Datum", "Art", "Schmerz Durchschnitt", "Schmerz stärkster", "Alltag", "Glaube an Schaden", "PHQ-4 1", "PHQ-4 2", "PHQ-4 3", "PHQ-4 4"],
    checkins.map((c) => [c.localDate, c.kind, c.averagePain, c.worstPain, c.interference, c.damageBelief, c.phq1, c.phq2, c.phq3, c.phq4]),
  );
}

/**
 * Deletes the account and with it the person, in one transaction: future appointments are
 * cancelled, every email to or about them (outbox, the coach's email log, the local mailbox) is
 * erased, then their appointments (with the coach's notes), sessions, sign-in links, journal,
 * self-checks, view log and the account itself. The cancellation emails this causes are
 * delivered and then erased too. Nothing of the person stays except what lib/privacy/kept.ts
 * declares with its legal basis (issued invoices); the events written into the coach's own calendar
 * are removed; backups age out after BACKUP_RETENTION_DAYS.
 */
export async function deleteClientAccount(userId: string, origin: string, db: Db = defaultDb): Promise<void> {
  await db.transaction(async (tx) => {
    // First: from here on no email to this account can be queued that the erasure below misses.
    const user = await clientAccount(tx, userId, "Dieses Konto gibt es nicht.", { forDeletion: true });
    const theirs = or(eq(appointments.clientId, userId), eq(appointments.email, user.email));
    const addresses = [
      user.email,
      ...(await tx.selectDistinct({ email: appointments.email }).from(appointments).where(theirs)).map((a) => a.email),
    ];
    const future = await giveBack(tx, and(theirs, gt(appointments.startAt, sql`now()`)), {
      by: "client",
      reason: "Konto gelöscht",
      statuses: ["pending", "confirmed"],
    });
    await eraseEmailsOf(tx, addresses);
    for (const appointment of future)
      await announceCancelled(tx, appointment, { origin, by: "client", reason: null, accountDeleted: true });
    await tx.delete(bookingReceipts).where(inArray(bookingReceipts.email, addresses));
    // Every event written into the coach's own calendar goes, past ones too (the dispatcher
    // deletes the event of an appointment that no longer exists).
    const written = await tx.select({ id: appointments.id }).from(appointments).where(theirs);
    await tx.delete(appointments).where(theirs); // the coach's session notes go with them (cascade)
    await queueCalendarWrites(
      tx,
      written.map((a) => ({ id: a.id, status: "cancelled" as const })),
    );
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(verificationTokens).where(inArray(verificationTokens.identifier, addresses));
    await restrictInvoicesOf(tx, userId); // issued invoices are kept, restricted (lib/privacy/kept.ts)
    await tx.delete(users).where(eq(users.id, userId)); // journal, self-checks, practice and the view log go with it (cascade)
  });
}
