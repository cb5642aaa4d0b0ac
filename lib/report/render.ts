/**
 * The report for the doctor as a PDF: a pure function of ReportData (no I/O, no clock), drawn
 * with pdfkit's standard Helvetica, whose WinAnsi encoding covers ä, ö, ü, ß, „ “, – and €. No
 * font or image is fetched from anywhere.
 */
import { a4Document, ensureRoom, tableRow, type Cell, type Doc, type Layout } from "@/lib/pdf/kit";
import { formatCalendarDate } from "@/lib/time/format";
import { drawTrendChart } from "./chart";
import type { ReportData } from "./data";

export const NO_DIAGNOSIS_NOTICE =
  "Wichtiger Hinweis: Coaching ist keine Diagnose und keine medizinische Behandlung. Die Angaben stammen aus den eigenen Einträgen " +
  "der Person im Coaching-Portal und ersetzen keine ärztliche Untersuchung. Körperliche Ursachen klärt die Ärztin oder der Arzt.";

const MARGIN = 50;
const number = (v: number | null) => (v === null ? "–" : v.toLocaleString("de-DE", { maximumFractionDigits: 1 }));
const day = (date: string) => formatCalendarDate(date, "long");

const LAYOUT: Layout = { margin: MARGIN, footer: 30, fontSize: 9, rowPadding: 4 };

function heading(doc: Doc, text: string) {
  ensureRoom(doc, 60, LAYOUT);
  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(12).fillColor("#000000").text(text, MARGIN).moveDown(0.3);
  doc.font("Helvetica").fontSize(10);
}

function paragraph(doc: Doc, text: string) {
  doc
    .font("Helvetica")
    .fontSize(10)
    .fillColor("#000000")
    .text(text, MARGIN, undefined, { width: doc.page.width - 2 * MARGIN });
}

const row = (doc: Doc, cells: Cell[], bold = false) => tableRow(doc, cells, LAYOUT, bold);

function header(doc: Doc, data: ReportData) {
  const p = data.practiceInfo;
  doc.font("Helvetica-Bold").fontSize(11).text(p.practiceName, MARGIN, MARGIN);
  doc.font("Helvetica").fontSize(9).fillColor("#333333");
  for (const line of [[p.coachName, p.profession].filter(Boolean).join(", "), ...p.addressLines, p.contact.join(" · ")].filter(Boolean))
    doc.text(line);
  doc.moveDown(1.2).fillColor("#000000").font("Helvetica-Bold").fontSize(16).text("Bericht aus dem Schmerz-Coaching");
  doc.font("Helvetica").fontSize(10).moveDown(0.3);
  doc.text(`Für: ${data.client.name}`);
  doc.text(`Zeitraum: ${day(data.period.from)} bis ${day(data.period.to)}`);
  doc.text(`Erstellt am ${day(data.generatedOn)}`);
  doc.moveDown(0.6);
  const width = doc.page.width - 2 * MARGIN;
  const height = doc.heightOfString(NO_DIAGNOSIS_NOTICE, { width: width - 16 }) + 12;
  const y = doc.y;
  doc.save().rect(MARGIN, y, width, height).fillAndStroke("#f4efe6", "#c9b99a").restore();
  doc.fillColor("#000000").text(NO_DIAGNOSIS_NOTICE, MARGIN + 8, y + 6, { width: width - 16 });
  doc.x = MARGIN;
  doc.y = y + height;
}

function trend(doc: Doc, data: ReportData) {
  const j = data.journal;
  heading(doc, "Schmerz und Stress (Wochenmittel, Skala 0 bis 10)");
  if (j.entries === 0) return paragraph(doc, "Im Zeitraum gibt es keine Tagebucheinträge.");
  paragraph(
    doc,
    `${j.entries} Tagebucheinträge im Zeitraum. Mittelwert Schmerz ${number(j.averagePain)}, Stress ${number(j.averageStress)}. ` +
      "Je Woche (Montag bis Sonntag) das Mittel aller Einträge dieser Woche; Wochen ohne Eintrag bleiben leer.",
  );
  ensureRoom(doc, 200, LAYOUT);
  doc.y = drawTrendChart(doc, j.weeks, { x: MARGIN, y: doc.y + 10, width: doc.page.width - 2 * MARGIN, height: 150 });
  doc.x = MARGIN;
  doc.moveDown(0.5);
  const cols = [150, 90, 90, 90];
  row(
    doc,
    [
      { text: "Woche ab", width: cols[0]! },
      { text: "Einträge", width: cols[1]!, align: "right" },
      { text: "Schmerz", width: cols[2]!, align: "right" },
      { text: "Stress", width: cols[3]!, align: "right" },
    ],
    true,
  );
  for (const w of j.weeks)
    row(doc, [
      { text: day(w.weekStart), width: cols[0]! },
      { text: String(w.entries), width: cols[1]!, align: "right" },
      { text: number(w.pain), width: cols[2]!, align: "right" },
      { text: number(w.stress), width: cols[3]!, align: "right" },
    ]);
}

function outcomes(doc: Doc, data: ReportData) {
  const o = data.outcomes;
  if (!o) return;
  heading(doc, "Check-ins: Ausgangswert und zuletzt (Skala 0 bis 10)");
  if (!o.baseline && !o.latest) return paragraph(doc, "Es gibt noch keine Check-ins.");
  ensureRoom(doc, 100, LAYOUT); // the table on one page
  const cols = [215, 140, 140];
  const when = (r: typeof o.baseline) => (r ? day(r.date) : "–");
  row(
    doc,
    [
      { text: "", width: cols[0]! },
      { text: `Ausgangswert (${when(o.baseline)})`, width: cols[1]!, align: "right" },
      { text: `Zuletzt (${when(o.latest)})`, width: cols[2]!, align: "right" },
    ],
    true,
  );
  const items = [
    ["Durchschnittlicher Schmerz (7 Tage)", "averagePain"],
    ["Stärkster Schmerz (7 Tage)", "worstPain"],
    ["Beeinträchtigung im Alltag", "interference"],
    ["Überzeugung, der Schmerz bedeute einen Schaden", "damageBelief"],
  ] as const;
  for (const [label, key] of items)
    row(doc, [
      { text: label, width: cols[0]! },
      { text: o.baseline ? number(o.baseline[key]) : "–", width: cols[1]!, align: "right" },
      { text: o.latest ? number(o.latest[key]) : "–", width: cols[2]!, align: "right" },
    ]);
  if (o.rows.length > 2) paragraph(doc, `${o.rows.length} Check-ins insgesamt.`);
}

function selfChecks(doc: Doc, data: ReportData) {
  heading(doc, "Selbsttest (13 Anzeichen für neuroplastischen Schmerz)");
  if (data.selfChecks.length === 0) return paragraph(doc, "Kein Selbsttest gespeichert.");
  for (const c of data.selfChecks)
    paragraph(doc, `${c.date}: ${c.score} von 13 Anzeichen, ${c.band}${c.redFlag ? "; Warnzeichen angegeben" : ""}`);
  paragraph(doc, "Der Selbsttest ist keine Diagnose; er zeigt, wie viele typische Anzeichen die Person bei sich sieht.");
}

function practice(doc: Doc, data: ReportData) {
  const p = data.practice;
  if (!p) return;
  heading(doc, "Übungen zwischen den Sitzungen");
  paragraph(doc, `${p.logs} Übungen protokolliert, zusammen ${p.minutes} Minuten.`);
  if (p.exercises.length === 0) return;
  const cols = [175, 50, 130, 130];
  const shift = (a: number | null, b: number | null) => `${number(a)} auf ${number(b)}`;
  row(
    doc,
    [
      { text: "Übung", width: cols[0]! },
      { text: "Mal", width: cols[1]!, align: "right" },
      { text: "Angst (vorher auf nachher)", width: cols[2]!, align: "right" },
      { text: "Intensität (vorher auf nachher)", width: cols[3]!, align: "right" },
    ],
    true,
  );
  for (const e of p.exercises)
    row(doc, [
      { text: e.title, width: cols[0]! },
      { text: String(e.logs), width: cols[1]!, align: "right" },
      { text: shift(e.fearBefore, e.fearAfter), width: cols[2]!, align: "right" },
      { text: shift(e.intensityBefore, e.intensityAfter), width: cols[3]!, align: "right" },
    ]);
}

function evidence(doc: Doc, data: ReportData) {
  heading(doc, "Beobachtungen zur Sicherheit des Körpers");
  if (data.evidence.length === 0) return paragraph(doc, "Noch keine Beobachtungen festgehalten.");
  for (const e of data.evidence) {
    ensureRoom(doc, 30, LAYOUT);
    paragraph(doc, `${day(e.observedOn)}: ${e.text}`);
    doc.moveDown(0.2);
  }
}

function footers(doc: Doc, data: ReportData) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin must not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(8).fillColor("#555555");
    doc.text(
      `${data.practiceInfo.practiceName} · Coaching, keine Diagnose und keine Behandlung · Seite ${i + 1} von ${range.count}`,
      MARGIN,
      doc.page.height - MARGIN + 10,
      {
        width: doc.page.width - 2 * MARGIN,
        align: "center",
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = bottom;
  }
}

/** The characters of Windows-1252 above 0x7F that are not Latin-1 (€, „ “, –, …). */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/**
 * Text as the standard fonts can draw it: composed (a decomposed "ü" becomes one letter), and any
 * character outside Windows-1252 (an emoji, an arrow) written as "?" instead of a wrong glyph.
 */
export function drawable(text: string): string {
  return [...text.normalize("NFC")]
    .map((c) => {
      const code = c.codePointAt(0)!;
      if (c === "\n") return c;
      if (code < 0x20 || code === 0x7f) return " ";
      return code < 0x7f || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(c) ? c : "?";
    })
    .join("");
}

function drawableData<T>(value: T): T {
  if (typeof value === "string") return drawable(value) as T;
  if (Array.isArray(value)) return value.map(drawableData) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, drawableData(v)])) as T;
  return value;
}

export function renderReport(input: ReportData): Promise<Buffer> {
  const data = drawableData(input);
  const { doc, done } = a4Document(
    `Bericht ${data.client.name}, ${data.period.from} bis ${data.period.to}`,
    data.practiceInfo.practiceName,
    MARGIN,
    { bufferPages: true },
  );
  header(doc, data);
  trend(doc, data);
  outcomes(doc, data);
  selfChecks(doc, data);
  practice(doc, data);
  evidence(doc, data);
  footers(doc, data);
  doc.end();
  return done;
}
