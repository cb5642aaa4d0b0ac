import { eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { db as defaultDb, type Db } from "@/db";
import { invoices } from "@/db/schema";
import { AppError } from "@/lib/http/errors";

/*
 * Placeholder in the export branch: the real invoice PDF (every § 14 field, the GiroCode) is
 * helper A's lib/billing/pdf.ts and replaces this file at merge. Same signature, so the tax
 * export's ZIP needs no change.
 */

/** The PDF of an issued invoice or cancellation invoice. */
export async function invoicePdfFor(invoiceId: string, db: Db = defaultDb): Promise<Buffer> {
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!invoice || invoice.status !== "issued" || !invoice.number) throw new AppError("not_found", "Diese Rechnung gibt es nicht.");
  const doc = new PDFDocument({ size: "A4", info: { Title: `Rechnung ${invoice.number}` } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.fontSize(16).text(`${invoice.kind === "cancellation" ? "Stornorechnung" : "Rechnung"} ${invoice.number}`);
  doc.end();
  return done;
}
