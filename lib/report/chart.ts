/**
 * The report's trend chart: weekly means of pain and stress as vector lines on a 0–10 scale,
 * drawn with pdfkit's path operators. A week without entries is a gap, never a zero.
 */
import type PDFKit from "pdfkit";
import { formatCalendarDate } from "@/lib/time/format";
import type { ReportWeek } from "./weeks";

export const PAIN_COLOR = "#b4532a";
export const STRESS_COLOR = "#3b5b7a";

type Box = { x: number; y: number; width: number; height: number };

function line(doc: PDFKit.PDFDocument, points: ({ x: number; y: number } | null)[], color: string, dash: boolean) {
  doc.save().strokeColor(color).fillColor(color).lineWidth(1.6);
  if (dash) doc.dash(4, { space: 3 });
  let open = false;
  for (const p of points) {
    if (!p) {
      if (open) doc.stroke();
      open = false;
      continue;
    }
    if (open) doc.lineTo(p.x, p.y);
    else doc.moveTo(p.x, p.y);
    open = true;
  }
  if (open) doc.stroke();
  doc.undash();
  for (const p of points) if (p) doc.circle(p.x, p.y, 1.8).fill();
  doc.restore();
}

/** Draws the chart into `box` (axes, grid, both lines, a legend below) and returns the y after it. */
export function drawTrendChart(doc: PDFKit.PDFDocument, weeks: ReportWeek[], box: Box): number {
  const left = box.x + 22;
  const width = box.width - 22;
  const top = box.y;
  const height = box.height;
  const yOf = (v: number) => top + height - (v / 10) * height;
  doc.save().font("Helvetica").fontSize(7).fillColor("#555555").lineWidth(0.4).strokeColor("#cccccc");
  for (let v = 0; v <= 10; v += 2) {
    doc
      .moveTo(left, yOf(v))
      .lineTo(left + width, yOf(v))
      .stroke();
    doc.text(String(v), box.x, yOf(v) - 3, { width: 16, align: "right", lineBreak: false });
  }
  const step = weeks.length > 1 ? width / (weeks.length - 1) : 0;
  const xOf = (i: number) => (weeks.length > 1 ? left + i * step : left + width / 2);
  // Date labels under the axis: every week when few, else about eight spread evenly.
  const every = Math.max(1, Math.ceil(weeks.length / 8));
  weeks.forEach((w, i) => {
    if (i % every !== 0) return;
    doc.text(formatCalendarDate(w.weekStart, "short"), xOf(i) - 20, top + height + 4, { width: 40, align: "center", lineBreak: false });
  });
  doc.restore();
  line(
    doc,
    weeks.map((w, i) => (w.pain === null ? null : { x: xOf(i), y: yOf(w.pain) })),
    PAIN_COLOR,
    false,
  );
  line(
    doc,
    weeks.map((w, i) => (w.stress === null ? null : { x: xOf(i), y: yOf(w.stress) })),
    STRESS_COLOR,
    true,
  );
  const legendY = top + height + 18;
  doc
    .save()
    .lineWidth(1.6)
    .strokeColor(PAIN_COLOR)
    .moveTo(left, legendY + 4)
    .lineTo(left + 18, legendY + 4)
    .stroke();
  doc
    .strokeColor(STRESS_COLOR)
    .dash(4, { space: 3 })
    .moveTo(left + 110, legendY + 4)
    .lineTo(left + 128, legendY + 4)
    .stroke()
    .undash();
  doc.font("Helvetica").fontSize(8).fillColor("#333333");
  doc.text("Schmerz", left + 22, legendY, { lineBreak: false });
  doc.text("Stress", left + 132, legendY, { lineBreak: false });
  doc.restore();
  return legendY + 16;
}
