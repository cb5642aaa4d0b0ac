import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { invoiceCounters } from "@/db/schema";

/**
 * The next invoice number of a year, allocated inside the transaction that issues the invoice:
 * the upsert takes the year's counter row lock, so concurrent issues queue behind each other, and
 * a transaction that rolls back gives its number back with it. Numbers therefore run without a
 * gap and without a duplicate, per year of the issue date (§ 14 Abs. 4 Nr. 4 UStG: unique).
 */
export async function allocateInvoiceNumber(tx: Db, year: number): Promise<{ sequence: number; number: string }> {
  const [row] = await tx
    .insert(invoiceCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: invoiceCounters.year, set: { last: sql`${invoiceCounters.last} + 1` } })
    .returning({ last: invoiceCounters.last });
  const sequence = row!.last;
  return { sequence, number: formatInvoiceNumber(year, sequence) };
}

/** "2027-0001"; past 9999 the number simply grows ("2027-10000"). */
export function formatInvoiceNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, "0")}`;
}
