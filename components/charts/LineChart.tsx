import { useId, type JSX } from "react";

/**
 * A dependency-free, server-rendered line chart that costs no JavaScript. The SVG plot is
 * stretched to its container (strokes and dots stay in CSS pixels through non-scaling strokes),
 * and the axis labels are HTML in CSS pixels, so nothing shrinks on a phone; how many x labels
 * show follows the container's width (container queries), so they never overlap.
 *
 * Accessibility: the SVG is a single image (role="img") with a <title> and a
 * <desc> summarising each series; the full data sits in a visually hidden
 * table. Series differ by dash style and marker shape, not by colour alone.
 */

export type Series = { name: string; color: string /* CSS colour */; values: (number | null)[] };

type LineChartProps = {
  title: string;
  /** x labels, e.g. dates, one per value. */
  labels: string[];
  series: Series[];
  yMin?: number;
  yMax?: number;
  /** Height of the plot in CSS pixels; the width is the container's. */
  height?: number;
  /** Optional sentence shown under the title and read before the summary. */
  description?: string;
  /** The data table's first column, "Datum" unless the points are e.g. weeks. */
  labelHeading?: string;
};

/** The plot's own coordinates; stretched to the real size, with every stroke and dot in CSS pixels. */
const UNITS = 1000;
const MAX_POINTS_WITH_DOTS = 31;
const DASHES = [undefined, "7 5", "2 4", "10 4 2 4"] as const;
const MARKERS = ["circle", "square"] as const;
type Marker = (typeof MARKERS)[number];

/**
 * How many x labels fit, per container width: the label text is 12 CSS px whatever the width, so
 * the count follows the plot's real width. Each tier names the narrowest plot it applies to and
 * its Tailwind container-query classes (written out so Tailwind sees them).
 */
const TIERS = [
  { plot: 200, show: "block", hide: "hidden" },
  { plot: 240, show: "@2xs:block", hide: "@2xs:hidden" },
  { plot: 330, show: "@sm:block", hide: "@sm:hidden" },
  { plot: 460, show: "@lg:block", hide: "@lg:hidden" },
  { plot: 620, show: "@2xl:block", hide: "@2xl:hidden" },
] as const;
/** A generous width per character of a 12 px label, and room between two labels. */
const CHAR_PX = 7;
const GAP_PX = 12;
const MAX_X_LABELS = 7;

const oneDecimal = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const tickNumber = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 });

/** One decimal, German style ("4,5"), or "–" when there is no value. */
function formatValue(value: number | null | undefined): string {
  return isValue(value) ? oneDecimal.format(value) : "–";
}

function isValue(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function dashFor(index: number): string | undefined {
  return DASHES[index % DASHES.length];
}

function markerFor(index: number): Marker {
  return MARKERS[index % MARKERS.length] ?? "circle";
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Gridline values: a 1/2/5 step giving at most four intervals, e.g. 0, 5, 10 for 0–10. */
function yTicks(min: number, max: number): number[] {
  const range = max - min;
  if (!(range > 0)) return [min];
  const magnitude = 10 ** Math.floor(Math.log10(range));
  let step = magnitude * 10;
  for (const factor of [0.1, 0.2, 0.5, 1, 2, 5, 10]) {
    if (range / (magnitude * factor) <= 4) {
      step = magnitude * factor;
      break;
    }
  }
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step - 1e-9) * step; tick <= max + step * 1e-9; tick += step) {
    ticks.push(Number(tick.toFixed(10)));
  }
  return ticks;
}

/** At most `max` evenly spaced indices out of `count`, always including the first and the last. */
function labelIndices(count: number, max: number): number[] {
  if (count <= 0) return [];
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const indices = new Set<number>();
  for (let i = 0; i < max; i += 1) indices.add(Math.round((i * (count - 1)) / Math.max(max - 1, 1)));
  return [...indices];
}

/**
 * Which x labels each width shows, as classes per label index. Neighbours are at least one and a
 * half label widths apart (the first and last are anchored at the edges), so no two ever touch.
 */
export function xLabelClasses(labels: string[]): Map<number, string> {
  const longest = Math.max(1, ...labels.map((l) => l.length));
  const width = longest * CHAR_PX + GAP_PX;
  const sets = TIERS.map(
    (tier) => new Set(labelIndices(labels.length, Math.min(MAX_X_LABELS, Math.max(2, Math.floor(tier.plot / (1.5 * width)) + 1)))),
  );
  const classes = new Map<number, string>();
  for (const i of [...new Set(sets.flatMap((set) => [...set]))].sort((a, b) => a - b)) {
    const parts: string[] = [];
    let shown: boolean | null = null;
    TIERS.forEach((tier, t) => {
      const here = sets[t]!.has(i);
      if (here !== shown) parts.push(here ? tier.show : tier.hide);
      shown = here;
    });
    classes.set(i, parts.join(" "));
  }
  return classes;
}

/** An SVG path for one series; every run of values between nulls starts a new "M" so gaps stay gaps. */
export function linePath(points: ({ x: number; y: number } | null)[]): string {
  const parts: string[] = [];
  let penDown = false;
  for (const point of points) {
    if (point === null) {
      penDown = false;
      continue;
    }
    parts.push(`${penDown ? "L" : "M"}${round(point.x)} ${round(point.y)}`);
    penDown = true;
  }
  return parts.join(" ");
}

/**
 * A dot in the stretched plot: a zero-length stroke whose caps draw it, so it stays round (or
 * square) and 6 px wide however the plot is stretched.
 */
function PlotDot({ shape, x, y, color }: { shape: Marker; x: number; y: number; color: string }): JSX.Element {
  const d = `M${round(x)} ${round(y)}h0`;
  return (
    <path
      d={d}
      stroke={color}
      strokeWidth={shape === "circle" ? 7 : 6}
      strokeLinecap={shape === "circle" ? "round" : "square"}
      vectorEffect="non-scaling-stroke"
      fill="none"
    />
  );
}

/** Ends a sentence with a full stop unless it already has one (labels like "30.3." do). */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function summary(series: Series[], labels: string[], count: number): string {
  const sentences: string[] = [];
  if (count > 0) {
    const first = labels[0];
    const last = labels[count - 1];
    if (first && last && count > 1) sentences.push(sentence(`Zeitraum: ${first} bis ${last}`));
    else if (first) sentences.push(sentence(`Zeitpunkt: ${first}`));
  }
  for (const s of series) {
    const values = s.values.filter(isValue);
    if (values.length === 0) {
      sentences.push(sentence(`${s.name}: noch keine Werte`));
      continue;
    }
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    let lastIndex = s.values.length - 1;
    while (lastIndex >= 0 && !isValue(s.values[lastIndex])) lastIndex -= 1;
    const lastLabel = labels[lastIndex];
    sentences.push(
      sentence(
        `${s.name}: Durchschnitt ${formatValue(mean)}, letzter Wert ${formatValue(s.values[lastIndex])}${lastLabel ? ` (${lastLabel})` : ""}`,
      ),
    );
  }
  return sentences.join(" ");
}

export function LineChart(props: LineChartProps): JSX.Element {
  const { title, labels, series, description } = props;
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  const height = props.height ?? 200;
  const count = Math.max(labels.length, ...series.map((s) => s.values.length), 0);
  const allValues = series.flatMap((s) => s.values.filter(isValue));
  let yMin = props.yMin ?? Math.min(0, ...allValues);
  let yMax = props.yMax ?? Math.max(10, ...allValues);
  if (!(yMax > yMin)) {
    yMin = Math.min(yMin, yMax);
    yMax = yMin + 1;
  }

  /** Share of the plot's width or height, 0–1. */
  const xShare = (i: number): number => (count <= 1 ? 0.5 : i / (count - 1));
  const yShare = (v: number): number => 1 - (Math.min(yMax, Math.max(yMin, v)) - yMin) / (yMax - yMin);

  const showDots = count <= MAX_POINTS_WITH_DOTS;
  const ticks = yTicks(yMin, yMax);
  const xLabels = xLabelClasses(labels.slice(0, count));
  const desc = [description ? sentence(description) : "", summary(series, labels, count)].filter(Boolean).join(" ");

  return (
    <figure className="my-6 @container">
      <figcaption className="mb-2 font-semibold">
        {title}
        {description && <span className="block text-sm font-normal text-muted">{description}</span>}
      </figcaption>

      {/* Labels are HTML in CSS pixels beside a stretched SVG: readable at every width. */}
      <div className="relative mt-3 mr-3 mb-7 ml-8 text-xs text-muted" style={{ height }}>
        <svg
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
          viewBox={`0 0 ${UNITS} ${UNITS}`}
          preserveAspectRatio="none"
          className="absolute inset-0 block h-full w-full overflow-visible"
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{desc}</desc>
          {ticks.map((tick) => (
            <line
              key={tick}
              x1={0}
              x2={UNITS}
              y1={round(yShare(tick) * UNITS)}
              y2={round(yShare(tick) * UNITS)}
              stroke="currentColor"
              strokeOpacity={tick === yMin ? 0.6 : 0.2}
              strokeWidth={1}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {series.map((s, seriesIndex) => {
            const points = s.values.map((v, i) => (isValue(v) ? { x: xShare(i) * UNITS, y: yShare(v) * UNITS } : null));
            const shape = markerFor(seriesIndex);
            return (
              <g key={`${seriesIndex}-${s.name}`}>
                <path
                  d={linePath(points)}
                  fill="none"
                  stroke={s.color}
                  strokeWidth={2.5}
                  strokeDasharray={dashFor(seriesIndex)}
                  strokeLinejoin="round"
                  strokeLinecap="round"
                  vectorEffect="non-scaling-stroke"
                />
                {points.map((p, i) => {
                  if (p === null) return null;
                  // An isolated value has no line segment, so it always gets a marker.
                  const isolated = points[i - 1] == null && points[i + 1] == null;
                  if (!showDots && !isolated) return null;
                  return <PlotDot key={i} shape={shape} x={p.x} y={p.y} color={s.color} />;
                })}
              </g>
            );
          })}
        </svg>
        <div aria-hidden="true">
          {ticks.map((tick) => (
            <span
              key={tick}
              className="absolute right-full mr-2 -translate-y-1/2 leading-none"
              style={{ top: `${round(yShare(tick) * 100)}%` }}
            >
              {tickNumber.format(tick)}
            </span>
          ))}
          {[...xLabels].map(([i, visibility]) => {
            const anchor = count > 1 && i === 0 ? "" : count > 1 && i === count - 1 ? "-translate-x-full" : "-translate-x-1/2";
            return (
              <span
                key={i}
                className={`absolute top-full mt-2 whitespace-nowrap ${anchor} ${visibility}`}
                style={{ left: `${round(xShare(i) * 100)}%` }}
              >
                {labels[i] ?? ""}
              </span>
            );
          })}
        </div>
      </div>

      {series.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted">
          {series.map((s, seriesIndex) => (
            <li key={`${seriesIndex}-${s.name}`} className="flex items-center gap-2">
              <svg width="36" height="12" viewBox="0 0 36 12" aria-hidden="true" focusable="false">
                <line
                  x1={2}
                  x2={34}
                  y1={6}
                  y2={6}
                  stroke={s.color}
                  strokeWidth={2.5}
                  strokeDasharray={dashFor(seriesIndex)}
                  strokeLinecap="round"
                />
                <PlotDot shape={markerFor(seriesIndex)} x={18} y={6} color={s.color} />
              </svg>
              <span>{s.name}</span>
            </li>
          ))}
        </ul>
      )}

      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{props.labelHeading ?? "Datum"}</th>
            {series.map((s, seriesIndex) => (
              <th key={`${seriesIndex}-${s.name}`} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: count }, (_, i) => (
            <tr key={i}>
              <th scope="row">{labels[i] ?? ""}</th>
              {series.map((s, seriesIndex) => (
                <td key={`${seriesIndex}-${s.name}`}>{formatValue(s.values[i])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
