import { and, asc, eq } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { invoiceLines, invoices, type Invoice, type InvoiceLine, type InvoiceParty } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { a4Document, ensureRoom, tableRow, type Cell, type Doc, type Layout } from "@/lib/pdf/kit";
import { isUuid } from "@/lib/sql/uuid";
import { GiroCodeError, giroCodePayload, giroCodePng } from "./girocode";

/*
 * The invoice as a PDF: a pure function of the issued row and its lines (the snapshot of both
 * parties, never the live settings or accounts), drawn with pdfkit's standard Helvetica, whose
 * WinAnsi encoding covers ä, ö, ü, ß and €. It carries every field § 14 Abs. 4 UStG asks for,
 * and for an invoice with something to pay the GiroCode (EPC069-12) of the transfer.
 */

const MARGIN = 56;
const GIROCODE_CAPTION = "Mit der Banking-App scannen (GiroCode)";

/** 123456 cents -> "1.234,56 €" (a plain space, so copied text reads the same everywhere). */
export function formatEuro(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100).toLocaleString("de-DE");
  return `${sign}${euros},${String(abs % 100).padStart(2, "0")} €`;
}

/** "2026-12-02" -> "02.12.2026". */
export function formatInvoiceDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}.${m}.${y}`;
}

/** The download's file name: Rechnung-2027-0001.pdf. */
export function invoicePdfFileName(number: string): string {
  return `Rechnung-${number.replace(/[^0-9A-Za-z-]/g, "")}.pdf`;
}

function addressLines(party: InvoiceParty): string[] {
  const lines = [party.name, party.street, `${party.postalCode} ${party.city}`];
  if (party.country && party.country.trim() && party.country.trim() !== "Deutschland") lines.push(party.country.trim());
  return lines;
}

function ibanGrouped(iban: string): string {
  return iban.replace(/(.{4})/g, "$1 ").trim();
}

const LAYOUT: Layout = { margin: MARGIN, footer: 40, fontSize: 9.5, rowPadding: 5 };
const row = (doc: Doc, cells: Cell[], bold = false) => tableRow(doc, cells, LAYOUT, bold);

function rule(doc: Doc) {
  doc
    .save()
    .moveTo(MARGIN, doc.y)
    .lineTo(doc.page.width - MARGIN, doc.y)
    .lineWidth(0.5)
    .strokeColor("#999999")
    .stroke()
    .restore();
  doc.y += 4;
}

export type InvoicePdfOptions = {
  /** The number of the invoice a cancellation invoice cancels (required for kind "cancellation"). */
  cancelsNumber?: string | null;
};

/** Draws the issued invoice; throws for a draft, which has no number and no snapshot yet. */
export async function renderInvoicePdf(invoice: Invoice, lines: InvoiceLine[], options: InvoicePdfOptions = {}): Promise<Buffer> {
  const { issuer, recipient, number, issueDate } = invoice;
  if (invoice.status !== "issued" || !issuer || !recipient || !number || !issueDate)
    throw new AppError("not_found", "Diese Rechnung gibt es nicht.");
  const cancellation = invoice.kind === "cancellation";
  const qr = cancellation || invoice.grossCents <= 0 ? null : await girocodeOf(invoice);

  const { doc, done } = a4Document(`${cancellation ? "Stornorechnung" : "Rechnung"} ${number}`, issuer.name, MARGIN);
  const width = doc.page.width - 2 * MARGIN;

  // Issuer, top right; the sender line and the recipient's address where a window envelope shows it.
  doc.font("Helvetica-Bold").fontSize(11).text(issuer.name, MARGIN, MARGIN, { width, align: "right" });
  doc.font("Helvetica").fontSize(9).fillColor("#333333");
  for (const line of [issuer.street, `${issuer.postalCode} ${issuer.city}`, issuer.email].filter(Boolean))
    doc.text(line, { width, align: "right" });
  doc.fillColor("#000000");
  doc
    .font("Helvetica")
    .fontSize(7.5)
    .text(`${issuer.name} · ${issuer.street} · ${issuer.postalCode} ${issuer.city}`, MARGIN, 140, { width: 260 });
  doc.moveDown(0.4).fontSize(10.5);
  for (const line of addressLines(recipient)) doc.text(line, { width: 260 });

  // The facts of the invoice, right column.
  const facts: [string, string][] = [
    [cancellation ? "Stornorechnung Nr." : "Rechnungsnummer", number],
    ["Rechnungsdatum", formatInvoiceDate(issueDate)],
    invoice.serviceFrom && invoice.serviceUntil && invoice.serviceFrom !== invoice.serviceUntil
      ? ["Leistungszeitraum", `${formatInvoiceDate(invoice.serviceFrom)} bis ${formatInvoiceDate(invoice.serviceUntil)}`]
      : ["Leistungsdatum", formatInvoiceDate(invoice.serviceFrom ?? issueDate)],
  ];
  if (issuer.taxNumber.trim()) facts.push(["Steuernummer", issuer.taxNumber.trim()]);
  if (issuer.vatId.trim()) facts.push(["USt-IdNr.", issuer.vatId.trim()]);
  let factY = 140;
  for (const [label, value] of facts) {
    doc.font("Helvetica").fontSize(9).text(`${label}:`, 330, factY, { width: 95 });
    doc.font("Helvetica-Bold").text(value, 425, factY, { width: doc.page.width - MARGIN - 425 });
    factY += 14;
  }

  doc.x = MARGIN;
  doc.y = Math.max(doc.y, 250);
  doc
    .font("Helvetica-Bold")
    .fontSize(15)
    .text(`${cancellation ? "Stornorechnung" : "Rechnung"} ${number}`, MARGIN, Math.max(doc.y, 250));
  doc.font("Helvetica").fontSize(10).moveDown(0.3);
  if (cancellation) doc.text(`Stornorechnung zu Rechnung ${options.cancelsNumber ?? ""}`.trim(), { width });
  doc.text(
    cancellation
      ? "Diese Stornorechnung hebt die genannte Rechnung vollständig auf."
      : "Vielen Dank für die Zusammenarbeit. Für die folgenden Leistungen stelle ich dir in Rechnung:",
    { width },
  );
  doc.moveDown(0.8);

  // The lines.
  const cols = [34, 70, 201, 42, 68, 68];
  const header: Cell[] = [
    { text: "Pos.", width: cols[0]! },
    { text: "Datum", width: cols[1]! },
    { text: "Leistung", width: cols[2]! },
    { text: "Menge", width: cols[3]!, align: "right" },
    { text: "Einzelpreis", width: cols[4]!, align: "right" },
    { text: "Betrag", width: cols[5]!, align: "right" },
  ];
  row(doc, header, true);
  rule(doc);
  for (const [i, line] of lines.entries())
    row(doc, [
      { text: String(i + 1), width: cols[0]! },
      { text: formatInvoiceDate(line.serviceDate), width: cols[1]! },
      { text: line.description, width: cols[2]! },
      { text: String(line.quantity), width: cols[3]!, align: "right" },
      { text: formatEuro(line.grossCents), width: cols[4]!, align: "right" },
      { text: formatEuro(line.grossCents * line.quantity), width: cols[5]!, align: "right" },
    ]);
  rule(doc);

  // The totals: net, tax rate and tax, gross; or the note why no VAT is charged.
  const label = cols.slice(0, 5).reduce((a, b) => a + b, 0);
  const total = (text: string, amount: string, bold = false) =>
    row(
      doc,
      [
        { text, width: label, align: "right" },
        { text: amount, width: cols[5]!, align: "right" },
      ],
      bold,
    );
  if (invoice.taxRate > 0) {
    total("Nettobetrag", formatEuro(invoice.netCents));
    total(`Umsatzsteuer ${invoice.taxRate} %`, formatEuro(invoice.taxCents));
    total("Gesamtbetrag (brutto)", formatEuro(invoice.grossCents), true);
  } else {
    // No VAT line at all: a "0,00 €" of tax could read as tax shown; the note below says why.
    total("Gesamtbetrag", formatEuro(invoice.grossCents), true);
  }
  doc.moveDown(0.6).font("Helvetica").fontSize(10);
  if (invoice.taxNote.trim()) doc.text(invoice.taxNote.trim(), MARGIN, undefined, { width });

  // Payment.
  doc.moveDown(1);
  ensureRoom(doc, 170, LAYOUT);
  const payY = doc.y;
  const textWidth = qr ? width - 150 : width;
  if (cancellation || invoice.grossCents <= 0) {
    doc.text("Aus dieser Stornorechnung ist nichts zu überweisen.", MARGIN, payY, { width: textWidth });
  } else {
    doc.text(
      `Bitte überweise den Gesamtbetrag bis zum ${formatInvoiceDate(invoice.dueDate ?? issueDate)} auf dieses Konto:`,
      MARGIN,
      payY,
      {
        width: textWidth,
      },
    );
    doc.moveDown(0.4);
    const bank: [string, string][] = [
      ["Kontoinhaber*in", issuer.accountHolder],
      ["IBAN", ibanGrouped(issuer.iban)],
      ...(issuer.bic ? ([["BIC", issuer.bic]] as [string, string][]) : []),
      ["Verwendungszweck", number],
    ];
    for (const [k, v] of bank) doc.text(`${k}: ${v}`, MARGIN, undefined, { width: textWidth });
  }
  const afterText = doc.y;
  if (qr) {
    const size = 120;
    const x = doc.page.width - MARGIN - size;
    doc.image(qr, x, payY, { width: size, height: size });
    doc.fontSize(7.5).text(GIROCODE_CAPTION, x - 15, payY + size + 2, { width: size + 30, align: "center" });
    doc.fontSize(10);
    doc.y = Math.max(afterText, payY + size + 16);
  }
  doc.x = MARGIN;

  // Footer with the issuer's facts once more.
  const footer = [
    issuer.name,
    issuer.email,
    issuer.taxNumber ? `Steuernummer ${issuer.taxNumber}` : "",
    issuer.vatId ? `USt-IdNr. ${issuer.vatId}` : "",
  ]
    .filter(Boolean)
    .join(" · ");
  doc
    .font("Helvetica")
    .fontSize(7.5)
    .fillColor("#555555")
    .text(footer, MARGIN, doc.page.height - MARGIN - 10, { width, align: "center", lineBreak: false });
  doc.end();
  return done;
}

async function girocodeOf(invoice: Invoice): Promise<Buffer | null> {
  const issuer = invoice.issuer!;
  try {
    const payload = giroCodePayload({
      name: issuer.accountHolder || issuer.name,
      iban: issuer.iban,
      bic: issuer.bic,
      amountCents: invoice.grossCents,
      reference: invoice.number!,
    });
    return await giroCodePng(payload);
  } catch (error) {
    // A bank detail no bank would accept: the invoice still carries the account in writing.
    if (error instanceof GiroCodeError) return null;
    throw error;
  }
}

/** An issued invoice with its lines and, for a cancellation, the original's number; drafts are not found. */
export async function loadIssuedInvoice(invoiceId: string, db: Db = defaultDb, scope: { clientId?: string } = {}) {
  if (!isUuid(invoiceId)) throw new AppError("not_found", "Diese Rechnung gibt es nicht.");
  const conditions = [eq(invoices.id, invoiceId), eq(invoices.status, "issued")];
  if (scope.clientId !== undefined) conditions.push(eq(invoices.clientId, scope.clientId));
  const [invoice] = await db
    .select()
    .from(invoices)
    .where(and(...conditions));
  if (!invoice) throw new AppError("not_found", "Diese Rechnung gibt es nicht.");
  const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));
  let cancelsNumber: string | null = null;
  if (invoice.cancels) {
    const [original] = await db.select({ number: invoices.number }).from(invoices).where(eq(invoices.id, invoice.cancels));
    cancelsNumber = original?.number ?? null;
  }
  return { invoice, lines, cancelsNumber };
}

/** The PDF of an issued invoice (for downloads, the invoice email and the tax advisor's ZIP). */
export async function invoicePdfFor(invoiceId: string, db: Db = defaultDb): Promise<Buffer> {
  const { invoice, lines, cancelsNumber } = await loadIssuedInvoice(invoiceId, db);
  return renderInvoicePdf(invoice, lines, { cancelsNumber });
}
