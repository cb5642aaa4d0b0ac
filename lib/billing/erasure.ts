import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { invoiceEvents, invoices } from "@/db/schema";

/**
 * When a client's account is deleted: their drafts go; their issued invoices (and cancellations)
 * stay for the 8 years the law requires (§ 147 AO, § 14b UStG), untouched, and each gets a
 * "restricted" row: from then on they are processed only for the tax office and legal claims
 * (Art. 17 Abs. 3 lit. b, Art. 18 DSGVO). The invoice itself cannot change (the database refuses).
 */
export async function restrictInvoicesOf(tx: Db, clientId: string): Promise<void> {
  await tx.delete(invoices).where(and(eq(invoices.clientId, clientId), eq(invoices.status, "draft")));
  await tx.execute(sql`
    insert into ${invoiceEvents} (invoice_id, kind)
    select id, 'restricted' from ${invoices} where client_id = ${clientId} and status = 'issued'
    on conflict on constraint invoice_events_once do nothing`);
}
