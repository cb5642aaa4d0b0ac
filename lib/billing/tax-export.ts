import { and, asc, between, eq, inArray } from "drizzle-orm";
import { Zip, ZipPassThrough } from "fflate";
import { db as defaultDb, type Db } from "@/db";
import { invoices, payments, type Invoice } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { invoicePdfFor } from "./pdf";
import { taxExportPeriodSchema } from "./schemas";

/*
 * The export for the tax advisor: the invoices, cancellation invoices and payments of a period as
 * a semicolon CSV whose columns a DATEV import ("Buchungsstapel" via ASCII import) can map, and a
 * ZIP of the period's PDFs. Every column is documented in docs/steuerberatung.md. Amounts are
 * unsigned, as DATEV's "Umsatz (ohne Soll/Haben-Kz)" is: the direction is the Soll/Haben column,
 * seen from the client's account (Debitor): an invoice is Soll, a cancellation and a payment Haben.
 */

export type TaxExportPeriod = { from: string; to: string };

/** Ten years, the longest period one export covers: `bis` lies before the day ten years after `von`. */
export const MAX_EXPORT_YEARS = 10;

/** The period from the query (`?von=YYYY-MM-DD&bis=YYYY-MM-DD`), or an AppError "invalid" (a 400). */
export function taxExportPeriod(query: URLSearchParams): TaxExportPeriod {
  if (query.getAll("von").length !== 1 || query.getAll("bis").length !== 1) throw invalid("Bitte gib „von“ und „bis“ je einmal an.");
  const parsed = taxExportPeriodSchema.safeParse({ von: query.get("von"), bis: query.get("bis") });
  if (!parsed.success) throw invalid("Bitte gib den Zeitraum als JJJJ-MM-TT an, z. B. von=2027-01-01&bis=2027-03-31.");
  const { von: from, bis: to } = parsed.data;
  if (from > to) throw invalid("„von“ muss vor „bis“ liegen.");
  // Calendar years, not a count of days: 2018-01-01 to 2027-12-31 is ten years, to 2028-01-01 is not.
  const tenYearsLater = `${Number(from.slice(0, 4)) + MAX_EXPORT_YEARS}${from.slice(4)}`;
  if (to >= tenYearsLater) throw invalid("Ein Export umfasst höchstens zehn Jahre.");
  return { from, to };
}

function invalid(message: string) {
  return new AppError("invalid", message);
}

export const TAX_EXPORT_COLUMNS = [
  "Belegdatum",
  "Belegart",
  "Belegfeld 1",
  "Belegfeld 2",
  "Buchungstext",
  "Umsatz (ohne Soll/Haben-Kz)",
  "Soll/Haben-Kennzeichen",
  "WKZ Umsatz",
  "Nettobetrag",
  "Steuersatz",
  "Steuerbetrag",
  "Steuerhinweis",
  "Leistungsdatum von",
  "Leistungsdatum bis",
  "Fälligkeit",
  "Geschäftspartner",
] as const;

type Cell = string;
export type TaxExportRow = Record<(typeof TAX_EXPORT_COLUMNS)[number], Cell>;

/** One CSV cell: a leading = + - @ (or tab, CR) gets a ' so no spreadsheet runs it; quoted only when needed. */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: UTF-8 with BOM (so Excel reads the umlauts), semicolons, CRLF after every line. */
export function csvLines(rows: string[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}

/** Cents as the unsigned German decimal DATEV expects: 12345 -> "123,45", no thousands separator. */
export function euro(cents: number): string {
  const magnitude = Math.abs(cents);
  return `${Math.floor(magnitude / 100)},${String(magnitude % 100).padStart(2, "0")}`;
}

/** "2027-03-05" -> "05.03.2027". */
export function germanDate(date: string | null): string {
  if (!date) return "";
  const [y, m, d] = date.split("-");
  return `${d}.${m}.${y}`;
}

/** DATEV's Buchungstext holds 60 characters. */
function bookingText(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").slice(0, 60);
}

function partnerOf(invoice: Invoice): string {
  return (invoice.recipient?.name ?? "").replace(/[\r\n\t]+/g, " ");
}

function invoiceRow(invoice: Invoice, originalNumber: string | null): TaxExportRow {
  const cancellation = invoice.kind === "cancellation";
  return {
    Belegdatum: germanDate(invoice.issueDate),
    Belegart: cancellation ? "Stornorechnung" : "Rechnung",
    "Belegfeld 1": invoice.number ?? "",
    "Belegfeld 2": originalNumber ?? "",
    Buchungstext: bookingText(
      cancellation ? `Storno zu ${originalNumber ?? ""} ${partnerOf(invoice)}` : `Rechnung ${invoice.number} ${partnerOf(invoice)}`,
    ),
    "Umsatz (ohne Soll/Haben-Kz)": euro(invoice.grossCents),
    "Soll/Haben-Kennzeichen": cancellation ? "H" : "S",
    "WKZ Umsatz": "EUR",
    Nettobetrag: euro(invoice.netCents),
    Steuersatz: `${invoice.taxRate},00`,
    Steuerbetrag: euro(invoice.taxCents),
    Steuerhinweis: invoice.taxNote,
    "Leistungsdatum von": germanDate(invoice.serviceFrom),
    "Leistungsdatum bis": germanDate(invoice.serviceUntil),
    Fälligkeit: cancellation ? "" : germanDate(invoice.dueDate),
    Geschäftspartner: partnerOf(invoice),
  };
}

type PaymentRow = { amountCents: number; paidOn: string; invoice: Invoice };

function paymentRow(p: PaymentRow): TaxExportRow {
  return {
    Belegdatum: germanDate(p.paidOn),
    Belegart: "Zahlung",
    "Belegfeld 1": p.invoice.number ?? "",
    "Belegfeld 2": "",
    Buchungstext: bookingText(`Zahlung zu ${p.invoice.number} ${partnerOf(p.invoice)}`),
    "Umsatz (ohne Soll/Haben-Kz)": euro(p.amountCents),
    "Soll/Haben-Kennzeichen": "H",
    "WKZ Umsatz": "EUR",
    Nettobetrag: "",
    Steuersatz: "",
    Steuerbetrag: "",
    Steuerhinweis: "",
    "Leistungsdatum von": "",
    "Leistungsdatum bis": "",
    Fälligkeit: "",
    Geschäftspartner: partnerOf(p.invoice),
  };
}

/** Issued invoices and cancellation invoices whose issue date (practice zone) lies in the period, by number. */
export async function invoicesOfPeriod(period: TaxExportPeriod, db: Db = defaultDb): Promise<Invoice[]> {
  return db
    .select()
    .from(invoices)
    .where(and(eq(invoices.status, "issued"), between(invoices.issueDate, period.from, period.to)))
    .orderBy(asc(invoices.year), asc(invoices.sequence));
}

/** The rows of the period: invoices and cancellations by issue date, payments by the day paid; by date, then by number. */
export async function taxExportRows(period: TaxExportPeriod, db: Db = defaultDb): Promise<TaxExportRow[]> {
  const issued = await invoicesOfPeriod(period, db);
  const paid = await db
    .select({ amountCents: payments.amountCents, paidOn: payments.paidOn, createdAt: payments.createdAt, invoice: invoices })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(between(payments.paidOn, period.from, period.to))
    .orderBy(asc(payments.paidOn), asc(invoices.year), asc(invoices.sequence), asc(payments.createdAt));
  // A cancellation names its original, which may lie before the period.
  const originalIds = [...new Set(issued.flatMap((i) => (i.cancels ? [i.cancels] : [])))];
  const originals = originalIds.length
    ? await db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(inArray(invoices.id, originalIds))
    : [];
  const numberOf = new Map(originals.map((o) => [o.id, o.number]));

  const dated: { date: string; order: number; sequence: number; row: TaxExportRow }[] = [
    ...issued.map((i) => ({
      date: i.issueDate!,
      order: 0,
      sequence: (i.year ?? 0) * 1e6 + (i.sequence ?? 0),
      row: invoiceRow(i, i.cancels ? (numberOf.get(i.cancels) ?? null) : null),
    })),
    ...paid.map((p) => ({
      date: p.paidOn,
      order: 1,
      sequence: (p.invoice.year ?? 0) * 1e6 + (p.invoice.sequence ?? 0),
      row: paymentRow(p),
    })),
  ];
  // Stable sort: payments of one day and invoice keep the order they were recorded in.
  dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order || a.sequence - b.sequence));
  return dated.map((d) => d.row);
}

/** The CSV for the tax advisor (see docs/steuerberatung.md). */
export async function taxExportCsv(period: TaxExportPeriod, db: Db = defaultDb): Promise<string> {
  const rows = await taxExportRows(period, db);
  return csvLines([[...TAX_EXPORT_COLUMNS], ...rows.map((r) => TAX_EXPORT_COLUMNS.map((c) => r[c]))]);
}

/** The file name of an invoice's PDF in the ZIP, e.g. "Rechnung-2027-0001.pdf". */
export function pdfEntryName(invoice: Pick<Invoice, "kind" | "number">): string {
  return `${invoice.kind === "cancellation" ? "Stornorechnung" : "Rechnung"}-${invoice.number}.pdf`;
}

/**
 * The PDFs of the period's invoices and cancellation invoices as a ZIP, streamed: fflate writes
 * each entry as soon as its PDF is made, stored without compression (a PDF is compressed already),
 * so memory holds one PDF at a time, not the whole archive.
 */
export async function taxExportZip(period: TaxExportPeriod, db: Db = defaultDb): Promise<ReadableStream<Uint8Array>> {
  const issued = await invoicesOfPeriod(period, db);
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      try {
        for (const invoice of issued) {
          const pdf = await invoicePdfFor(invoice.id, db);
          const entry = new ZipPassThrough(pdfEntryName(invoice));
          entry.mtime = invoice.issuedAt ?? new Date(`${invoice.issueDate}T12:00:00Z`);
          zip.add(entry);
          entry.push(new Uint8Array(pdf), true);
        }
        zip.end();
      } catch (error) {
        zip.terminate();
        controller.error(error);
      }
    },
  });
}

/** The download name: the period, nothing about a person. */
export function taxExportFileName(period: TaxExportPeriod, extension: "csv" | "zip"): string {
  return `rechnungen-${period.from}-bis-${period.to}.${extension}`;
}
