import { and, asc, eq, inArray } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import {
  appointments,
  billingAddresses,
  billingClaims,
  invoiceLines,
  invoices,
  packageCredits,
  practiceSettings,
  users,
  type Invoice,
  type InvoiceIssuer,
  type InvoiceParty,
  type PracticeSettings,
} from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { queueInvoiceReady } from "@/lib/notifications/invoices";
import { practiceVoice } from "@/lib/notifications/voice";
import { staticSiteOrigin } from "@/lib/site-url";
import { sqlStateOf } from "@/lib/sql/state";
import { addDays } from "@/lib/time/dates";
import { todayIn } from "@/lib/time/zone";
import { allocateInvoiceNumber } from "./numbering";
import { invoiceTax } from "./tax";

/*
 * Issuing: one transaction locks the draft, snapshots both parties, computes the tax from the
 * sum of the lines, claims what it bills (the unique keys of billing_claims refuse a second
 * claim), takes the next number of the issue date's year and turns the draft into an invoice
 * that the database will not let anyone change again.
 */

/** What § 14 Abs. 4 UStG needs of the practice before any invoice: the missing fields, in German. */
export function missingIssuerFields(s: PracticeSettings): string[] {
  const missing: string[] = [];
  if (!s.coachName.trim() && !s.practiceName.trim()) missing.push("Name");
  if (!s.street.trim() || !s.postalCode.trim() || !s.city.trim()) missing.push("Anschrift");
  if (!s.taxNumber.trim() && !s.vatId.trim()) missing.push("Steuernummer oder USt-IdNr.");
  if (!s.iban.trim() || !s.accountHolder.trim()) missing.push("Bankverbindung (IBAN und Kontoinhaber*in)");
  if (s.taxMode === "exempt" && !s.exemptionNote.trim()) missing.push("Hinweis zur Steuerbefreiung");
  return missing;
}

function issuerOf(s: PracticeSettings): InvoiceIssuer {
  return {
    name: [s.coachName.trim(), s.practiceName.trim()].filter(Boolean).join(", "),
    street: s.street,
    postalCode: s.postalCode,
    city: s.city,
    taxNumber: s.taxNumber,
    vatId: s.vatId,
    email: s.email,
    iban: s.iban.replace(/\s+/g, "").toUpperCase(),
    bic: s.bic.replace(/\s+/g, "").toUpperCase(),
    accountHolder: s.accountHolder,
  };
}

async function lockedDraft(tx: Db, invoiceId: string): Promise<Invoice> {
  const [draft] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for("update");
  if (!draft) throw new AppError("not_found", "Diese Rechnung gibt es nicht.");
  if (draft.status !== "draft") throw new AppError("conflict", "Diese Rechnung ist schon gestellt.");
  return draft;
}

function alreadyBilled(error: unknown): never {
  if (sqlStateOf(error) === "23505")
    throw new AppError("conflict", "Mindestens eine Position ist inzwischen auf einer anderen Rechnung abgerechnet.");
  throw error;
}

type IssuedFields = Pick<
  Invoice,
  | "dueDate"
  | "serviceFrom"
  | "serviceUntil"
  | "issuer"
  | "recipient"
  | "recipientEmail"
  | "taxMode"
  | "taxRate"
  | "taxNote"
  | "grossCents"
  | "netCents"
  | "taxCents"
>;

/** The draft becomes an issued invoice: the next number of the issue date's year, and its snapshot. */
async function markIssued(tx: Db, invoiceId: string, issueDate: string, now: Date, fields: IssuedFields): Promise<Invoice> {
  const year = Number(issueDate.slice(0, 4));
  const { sequence, number } = await allocateInvoiceNumber(tx, year);
  const [issued] = await tx
    .update(invoices)
    .set({ status: "issued", year, sequence, number, issueDate, issuedAt: now, ...fields })
    .where(and(eq(invoices.id, invoiceId), eq(invoices.status, "draft")))
    .returning();
  return issued!;
}

type IssueOptions = { now?: Date; db?: Db; origin?: string };

/** Issues a draft as of `now`, and tells the client in the same transaction. Returns the invoice as issued. */
export async function issueInvoice(invoiceId: string, options: IssueOptions = {}): Promise<Invoice> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const origin = options.origin ?? staticSiteOrigin();
  try {
    return await db.transaction(async (tx) => {
      const draft = await lockedDraft(tx, invoiceId);
      const [settings] = await tx.select().from(practiceSettings).where(eq(practiceSettings.id, 1));
      if (!settings) throw new AppError("invalid", "Bitte trage zuerst die Angaben der Praxis ein.");
      const missing = missingIssuerFields(settings);
      if (missing.length) throw new AppError("invalid", `Für Rechnungen fehlt in den Einstellungen noch: ${missing.join(", ")}.`);
      const [client] = await tx
        .select({ email: users.email, address: billingAddresses })
        .from(users)
        .leftJoin(billingAddresses, eq(billingAddresses.userId, users.id))
        .where(eq(users.id, draft.clientId));
      if (!client?.address) throw new AppError("invalid", "Bitte hinterlege zuerst eine Rechnungsadresse für diese Person.");
      const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));
      if (lines.length === 0) throw new AppError("invalid", "Eine Rechnung braucht mindestens eine Position.");

      const recipient: InvoiceParty = {
        name: client.address.name,
        street: client.address.street,
        postalCode: client.address.postalCode,
        city: client.address.city,
        country: client.address.country,
      };
      const gross = lines.reduce((sum, l) => sum + l.grossCents * l.quantity, 0);
      const tax = invoiceTax(settings.taxMode, gross, settings.exemptionNote);
      const issueDate = todayIn(settings.timeZone, now);
      const dates = lines.map((l) => l.serviceDate).sort();

      // The sessions billed are locked as drawing a package credit locks them: a session is on an
      // invoice or on a package, never both.
      const sessionIds = lines.flatMap((l) => (l.appointmentId ? [l.appointmentId] : []));
      if (sessionIds.length) {
        await tx.select({ id: appointments.id }).from(appointments).where(inArray(appointments.id, sessionIds)).for("update");
        const [onPackage] = await tx
          .select({ id: packageCredits.appointmentId })
          .from(packageCredits)
          .where(inArray(packageCredits.appointmentId, sessionIds));
        if (onPackage) throw new AppError("conflict", "Mindestens eine Sitzung ist schon über ein Paket abgegolten.");
      }
      await tx
        .insert(billingClaims)
        .values(
          lines
            .map((l) => ({ invoiceId, appointmentId: l.appointmentId, packageId: l.appointmentId ? null : l.packageId }))
            .filter((c) => c.appointmentId || c.packageId),
        );
      const issued = await markIssued(tx, invoiceId, issueDate, now, {
        dueDate: addDays(issueDate, settings.paymentTermDays),
        serviceFrom: dates[0]!,
        serviceUntil: dates.at(-1)!,
        issuer: issuerOf(settings),
        recipient,
        recipientEmail: client.email,
        taxMode: settings.taxMode,
        ...tax,
      });
      await queueInvoiceReady(tx, await practiceVoice(tx), issued, lines, null, origin);
      return issued;
    });
  } catch (error) {
    alreadyBilled(error);
  }
}

/**
 * Cancels an issued invoice with a cancellation invoice (Storno) of its own number: the same
 * parties and lines with negated amounts, referring to the original. The original stays as it
 * was; its claims go, so what it billed can be billed again.
 */
export async function cancelInvoice(invoiceId: string, options: IssueOptions = {}): Promise<Invoice> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const origin = options.origin ?? staticSiteOrigin();
  return db.transaction(async (tx) => {
    const [original] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for("update");
    if (!original || original.status !== "issued") throw new AppError("not_found", "Diese Rechnung gibt es nicht.");
    if (original.kind === "cancellation") throw new AppError("conflict", "Eine Stornorechnung lässt sich nicht stornieren.");
    const [already] = await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.cancels, invoiceId));
    if (already) throw new AppError("conflict", "Diese Rechnung ist schon storniert.");
    const [settings] = await tx.select({ timeZone: practiceSettings.timeZone }).from(practiceSettings).where(eq(practiceSettings.id, 1));
    const issueDate = todayIn(settings?.timeZone ?? "Europe/Berlin", now);
    const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));

    const [storno] = await tx
      .insert(invoices)
      .values({ kind: "cancellation", clientId: original.clientId, cancels: original.id })
      .returning({ id: invoices.id });
    await tx.insert(invoiceLines).values(
      lines.map((l) => ({
        invoiceId: storno!.id,
        position: l.position,
        description: `Storno: ${l.description}`.slice(0, 300),
        serviceDate: l.serviceDate,
        quantity: l.quantity,
        grossCents: -l.grossCents,
        appointmentId: l.appointmentId,
        packageId: l.packageId,
      })),
    );
    await tx.delete(billingClaims).where(eq(billingClaims.invoiceId, invoiceId));
    const issued = await markIssued(tx, storno!.id, issueDate, now, {
      dueDate: issueDate,
      serviceFrom: original.serviceFrom,
      serviceUntil: original.serviceUntil,
      issuer: original.issuer,
      recipient: original.recipient,
      recipientEmail: original.recipientEmail,
      taxMode: original.taxMode,
      taxRate: original.taxRate,
      taxNote: original.taxNote,
      grossCents: -original.grossCents,
      netCents: -original.netCents,
      taxCents: -original.taxCents,
    });
    const stornoLines = await tx
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, issued.id))
      .orderBy(asc(invoiceLines.position));
    await queueInvoiceReady(tx, await practiceVoice(tx), issued, stornoLines, original.number, origin);
    return issued;
  });
}
