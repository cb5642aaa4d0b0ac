import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { billingAddresses, invoiceLines, invoices, payments, sessionPackages, users, type Invoice } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { updatePracticeRow } from "@/lib/settings/practice";
import { isUuid } from "@/lib/sql/uuid";
import type { BillingAddressInput, BillingSettingsInput } from "./schemas";
import { listInvoices, statusOf, type InvoiceRow } from "./status";

/*
 * The money pages' reads and writes. Each takes the id it is about; the caller's guard decides
 * who may ask (the coach for anyone, a client only for their own id).
 */

/** The "Rechnungen" settings, on the practice's one row. */
export async function saveBillingSettings(input: BillingSettingsInput, db: Db = defaultDb): Promise<void> {
  await updatePracticeRow(db, input);
}

async function assertClient(clientId: string, db: Db = defaultDb): Promise<{ id: string; name: string | null; email: string }> {
  const [client] = isUuidOrId(clientId)
    ? await db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(and(eq(users.id, clientId), eq(users.role, "client")))
    : [];
  if (!client) throw new AppError("not_found", "Diese Klient*in gibt es nicht.");
  return client;
}

/** User ids are text (Auth.js): anything short and printable may be one; the query decides. */
function isUuidOrId(id: string): boolean {
  return isUuid(id) || /^[A-Za-z0-9_-]{1,100}$/.test(id);
}

export async function loadBillingAddress(clientId: string, db: Db = defaultDb) {
  const [row] = await db.select().from(billingAddresses).where(eq(billingAddresses.userId, clientId));
  return row ?? null;
}

/** Saves a client's invoice address (made on first save). */
export async function saveBillingAddress(clientId: string, input: BillingAddressInput, db: Db = defaultDb): Promise<void> {
  await assertClient(clientId, db);
  const set = { ...input, updatedAt: new Date() };
  await db
    .insert(billingAddresses)
    .values({ userId: clientId, ...set })
    .onConflictDoUpdate({ target: billingAddresses.userId, set });
}

export type PackageView = {
  id: string;
  title: string;
  sessions: number;
  used: number;
  priceCents: number;
  expiresOn: string | null;
  createdAt: Date;
};

export async function listPackages(clientId: string, db: Db = defaultDb): Promise<PackageView[]> {
  return db
    .select({
      id: sessionPackages.id,
      title: sessionPackages.title,
      sessions: sessionPackages.sessions,
      used: sessionPackages.used,
      priceCents: sessionPackages.priceCents,
      expiresOn: sessionPackages.expiresOn,
      createdAt: sessionPackages.createdAt,
    })
    .from(sessionPackages)
    .where(eq(sessionPackages.clientId, clientId))
    .orderBy(desc(sessionPackages.createdAt));
}

export { assertClient };

export type InvoiceDetail = {
  invoice: InvoiceRow;
  lines: (typeof invoiceLines.$inferSelect)[];
  payments: (typeof payments.$inferSelect)[];
  client: { id: string; name: string | null; email: string } | null;
  cancels: string | null;
};

/** One invoice with its lines and payments, or null. `clientId` scopes it to a client's own. */
export async function loadInvoice(
  invoiceId: string,
  today: string,
  scope: { clientId?: string } = {},
  db: Db = defaultDb,
): Promise<InvoiceDetail | null> {
  if (!isUuid(invoiceId)) return null;
  const [row] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!row || (scope.clientId !== undefined && (row.clientId !== scope.clientId || row.status !== "issued"))) return null;
  const [lines, paid, [cancelledBy], [client], [original]] = await Promise.all([
    db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position)),
    db.select().from(payments).where(eq(payments.invoiceId, invoiceId)).orderBy(asc(payments.paidOn), asc(payments.createdAt)),
    db
      .select({ number: invoices.number })
      .from(invoices)
      .where(and(eq(invoices.cancels, invoiceId), eq(invoices.status, "issued"))),
    db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, row.clientId)),
    row.cancels ? db.select({ number: invoices.number }).from(invoices).where(eq(invoices.id, row.cancels)) : Promise.resolve([]),
  ]);
  const paidCents = paid.reduce((sum, p) => sum + p.amountCents, 0);
  const invoice: InvoiceRow = {
    ...row,
    paidCents,
    cancelledBy: cancelledBy?.number ?? null,
    state: statusOf(row, paidCents, cancelledBy !== undefined, today),
  };
  return { invoice, lines, payments: paid, client: client ?? null, cancels: original?.number ?? null };
}

/** A draft the coach throws away; an issued invoice is never deleted (the database refuses too). */
export async function discardDraft(invoiceId: string, db: Db = defaultDb): Promise<Invoice> {
  const [gone] = await db
    .delete(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.status, "draft")))
    .returning();
  if (!gone) throw new AppError("not_found", "Diesen Entwurf gibt es nicht mehr.");
  return gone;
}

/** The coach's list with each client's name (the snapshot's name for issued ones, so a deleted account still reads). */
export async function listInvoicesForCoach(today: string, db: Db = defaultDb) {
  const rows = await listInvoices({}, today, db);
  const clientIds = [...new Set(rows.map((r) => r.clientId))];
  const names = clientIds.length
    ? await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, clientIds))
    : [];
  return rows.map((r) => {
    const user = names.find((n) => n.id === r.clientId);
    return { ...r, clientName: r.recipient?.name ?? user?.name ?? user?.email ?? "Gelöschtes Konto" };
  });
}

/** How much is still to pay on an invoice. */
export function openCents(invoice: Pick<InvoiceRow, "grossCents" | "paidCents">): number {
  return Math.max(0, invoice.grossCents - invoice.paidCents);
}
