import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { billingAddresses, invoiceEvents, invoiceLines, invoices, packageCredits, payments, sessionPackages } from "@/db/schema";

/**
 * A client's money data for their export (GDPR Art. 15 and 20): address, packages, issued invoices
 * with lines, payments and events (reminders sent), and the coach's drafts for them with their
 * lines: a draft is not sent yet, but it is written about the client (their name, address and
 * sessions), so it is theirs to see as well.
 */
export async function billingExport(userId: string, db: Db) {
  const [address, packages, own] = await Promise.all([
    db.select().from(billingAddresses).where(eq(billingAddresses.userId, userId)),
    db.select().from(sessionPackages).where(eq(sessionPackages.clientId, userId)).orderBy(asc(sessionPackages.createdAt)),
    db.select().from(invoices).where(eq(invoices.clientId, userId)).orderBy(asc(invoices.issuedAt), asc(invoices.createdAt)),
  ]);
  const issued = own.filter((i) => i.status === "issued");
  const drafts = own.filter((i) => i.status === "draft");
  const ids = issued.map((i) => i.id);
  const lineIds = own.map((i) => i.id);
  const packageIds = packages.map((p) => p.id);
  const [lines, paid, credits, events] = await Promise.all([
    lineIds.length
      ? db.select().from(invoiceLines).where(inArray(invoiceLines.invoiceId, lineIds)).orderBy(asc(invoiceLines.position))
      : [],
    ids.length ? db.select().from(payments).where(inArray(payments.invoiceId, ids)).orderBy(asc(payments.paidOn)) : [],
    packageIds.length ? db.select().from(packageCredits).where(inArray(packageCredits.packageId, packageIds)) : [],
    ids.length ? db.select().from(invoiceEvents).where(inArray(invoiceEvents.invoiceId, ids)).orderBy(asc(invoiceEvents.at)) : [],
  ]);
  return {
    address: address[0] ? { ...address[0], userId: undefined } : null,
    packages: packages.map(({ clientId: _owner, ...p }) => ({ ...p, credits: credits.filter((c) => c.packageId === p.id) })),
    invoices: issued.map(({ clientId: _owner, ...invoice }) => ({
      ...invoice,
      lines: lines.filter((l) => l.invoiceId === invoice.id),
      payments: paid.filter((p) => p.invoiceId === invoice.id),
      events: events.filter((e) => e.invoiceId === invoice.id).map((e) => ({ kind: e.kind, at: e.at })),
    })),
    drafts: drafts.map(({ clientId: _owner, ...draft }) => ({ ...draft, lines: lines.filter((l) => l.invoiceId === draft.id) })),
  };
}
