import { and, desc, eq, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { invoices, payments, type Invoice } from "@/db/schema";
import { AppError } from "@/lib/http/errors";

/*
 * An invoice's status is never stored: it follows from its payments, its due date and whether a
 * cancellation invoice refers to it. "cancelled" for a cancelled original, "cancellation" for the
 * Storno itself (nothing to pay), else paid when the payments cover the gross amount, overdue
 * after the due date, open before it.
 */
export type InvoiceStatus = "draft" | "open" | "paid" | "overdue" | "cancelled" | "cancellation";

export function statusOf(
  invoice: Pick<Invoice, "status" | "kind" | "grossCents" | "dueDate">,
  paidCents: number,
  cancelled: boolean,
  today: string,
): InvoiceStatus {
  if (invoice.status === "draft") return "draft";
  if (invoice.kind === "cancellation") return "cancellation";
  if (cancelled) return "cancelled";
  if (paidCents >= invoice.grossCents) return "paid";
  return invoice.dueDate !== null && invoice.dueDate < today ? "overdue" : "open";
}

export type InvoiceRow = Invoice & { paidCents: number; cancelledBy: string | null; state: InvoiceStatus };

/** Invoices (all, or one client's) with what was paid and their derived status, newest first. */
export async function listInvoices(
  filter: { clientId?: string; issuedOnly?: boolean },
  today: string,
  db: Db = defaultDb,
): Promise<InvoiceRow[]> {
  // Qualified by hand: drizzle renders a column in a select list without its table.
  const id = sql.raw(`"invoices"."id"`);
  const paid = sql<number>`(select coalesce(sum(p.amount_cents), 0)::int from ${payments} p where p.invoice_id = ${id})`;
  const cancelledBy = sql<string | null>`(select c.number from ${invoices} c where c.cancels = ${id} and c.status = 'issued')`;
  const conditions = [];
  if (filter.clientId) conditions.push(eq(invoices.clientId, filter.clientId));
  if (filter.issuedOnly) conditions.push(eq(invoices.status, "issued"));
  const rows = await db
    .select({ invoice: invoices, paidCents: paid, cancelledBy })
    .from(invoices)
    .where(and(...conditions))
    .orderBy(desc(invoices.createdAt));
  return rows.map((r) => ({
    ...r.invoice,
    paidCents: Number(r.paidCents),
    cancelledBy: r.cancelledBy,
    state: statusOf(r.invoice, Number(r.paidCents), r.cancelledBy !== null, today),
  }));
}

/** Records a payment against an issued invoice that is not a cancellation; partial payments add up. */
export async function recordPayment(invoiceId: string, input: { amountCents: number; paidOn: string; note: string }, db: Db = defaultDb) {
  return db.transaction(async (tx) => {
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.id, invoiceId), eq(invoices.status, "issued"), eq(invoices.kind, "invoice")))
      .for("share");
    if (!invoice) throw new AppError("not_found", "Diese Rechnung gibt es nicht.");
    const [row] = await tx
      .insert(payments)
      .values({ invoiceId, ...input })
      .returning();
    return row!;
  });
}
