import PDFDocument from "pdfkit";

/*
 * What the practice's PDFs (the report for the doctor, invoices) share: an A4 document in German
 * with its metadata, and table rows whose cells stand side by side, as tall as the tallest.
 */

export type Doc = PDFKit.PDFDocument;
export type Cell = { text: string; width: number; align?: "left" | "right" };
/** A document's measures: its margin, the room kept free above the bottom margin, a row's type size and padding. */
export type Layout = { margin: number; footer: number; fontSize: number; rowPadding: number };

/** A new A4 document; `done` resolves to its bytes once the caller ends it. */
export function a4Document(title: string, author: string, margin: number, options: { bufferPages?: boolean } = {}) {
  const doc = new PDFDocument({
    size: "A4",
    margin,
    bufferPages: options.bufferPages,
    info: { Title: title, Author: author, Producer: "Praxisportal", Creator: "Praxisportal" },
    lang: "de-DE",
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done };
}

/** A new page when `height` would not fit above the footer. */
export function ensureRoom(doc: Doc, height: number, layout: Layout) {
  if (doc.y + height > doc.page.height - layout.margin - layout.footer) doc.addPage();
}

/** One table row: cells side by side at the same height, the row as tall as its tallest cell. */
export function tableRow(doc: Doc, cells: Cell[], layout: Layout, bold = false) {
  doc
    .font(bold ? "Helvetica-Bold" : "Helvetica")
    .fontSize(layout.fontSize)
    .fillColor("#000000");
  const height = Math.max(...cells.map((c) => doc.heightOfString(c.text, { width: c.width - 6 }))) + layout.rowPadding;
  ensureRoom(doc, height, layout);
  const y = doc.y;
  let x = layout.margin;
  for (const c of cells) {
    doc.text(c.text, x, y, { width: c.width - 6, align: c.align ?? "left" });
    x += c.width;
  }
  doc.x = layout.margin;
  doc.y = y + height;
}
