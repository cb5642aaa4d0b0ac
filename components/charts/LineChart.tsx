import { useId, type JSX } from "react";

/**
 * A dependency-free, server-rendered SVG line chart.
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
  /** Height in viewBox units; the chart scales with its container's width. */
  height?: number;
  /** Optional sentence shown under the title and read before the summary. */
  description?: string;
};

const WIDTH = 480;
const PAD = { top: 12, right: 14, bottom: 30, left: 30 };
const MAX_X_LABELS = 6;
const MAX_POINTS_WITH_DOTS = 31;
const DASHES = [undefined, "7 5", "2 4", "10 4 2 4"] as const;
const MARKERS = ["circle", "square", "diamond"] as const;
type Marker = (typeof MARKERS)[number];

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
export function yTicks(min: number, max: number): number[] {
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
export function labelIndices(count: number, max = MAX_X_LABELS): number[] {
  if (count <= 0) return [];
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const indices = new Set<number>();
  for (let i = 0; i < max; i += 1) indices.add(Math.round((i * (count - 1)) / (max - 1)));
  return [...indices];
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

function MarkerShape(props: { shape: Marker; x: number; y: number; color: string; size?: number }): JSX.Element {
  const { shape, x, y, color } = props;
  const s = props.size ?? 3.5;
  if (shape === "square") {
    return <rect x={round(x - s * 0.9)} y={round(y - s * 0.9)} width={round(s * 1.8)} height={round(s * 1.8)} fill={color} />;
  }
  if (shape === "diamond") {
    const d = s * 1.25;
    return <polygon points={`${round(x)},${round(y - d)} ${round(x + d)},${round(y)} ${round(x)},${round(y + d)} ${round(x - d)},${round(y)}`} fill={color} />;
  }
  return <circle cx={round(x)} cy={round(y)} r={s} fill={color} />;
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
      sentence(`${s.name}: Durchschnitt ${formatValue(mean)}, letzter Wert ${formatValue(s.values[lastIndex])}${lastLabel ? ` (${lastLabel})` : ""}`),
    );
  }
  return sentences.join(" ");
}

export function LineChart(props: LineChartProps): JSX.Element {
  const { title, labels, series, description } = props;
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  const height = props.height ?? 220;
  const count = Math.max(labels.length, ...series.map((s) => s.values.length), 0);
  const allValues = series.flatMap((s) => s.values.filter(isValue));
  let yMin = props.yMin ?? Math.min(0, ...allValues);
  let yMax = props.yMax ?? Math.max(10, ...allValues);
  if (!(yMax > yMin)) {
    yMin = Math.min(yMin, yMax);
    yMax = yMin + 1;
  }

  const plotLeft = PAD.left;
  const plotRight = WIDTH - PAD.right;
  const plotTop = PAD.top;
  const plotBottom = height - PAD.bottom;
  const plotWidth = plotRight - plotLeft;
  const plotHeight = Math.max(plotBottom - plotTop, 1);

  const xAt = (i: number): number => (count <= 1 ? plotLeft + plotWidth / 2 : plotLeft + (i * plotWidth) / (count - 1));
  const yAt = (v: number): number => {
    const clamped = Math.min(yMax, Math.max(yMin, v));
    return plotBottom - ((clamped - yMin) / (yMax - yMin)) * plotHeight;
  };

  const showDots = count <= MAX_POINTS_WITH_DOTS;
  const ticks = yTicks(yMin, yMax);
  const xLabels = labelIndices(count);
  const desc = [description ? sentence(description) : "", summary(series, labels, count)].filter(Boolean).join(" ");

  return (
    <figure className="my-6">
      <figcaption className="mb-2 font-semibold">
        {title}
        {description && <span className="block text-sm font-normal text-muted">{description}</span>}
      </figcaption>

      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        className="block h-auto w-full overflow-visible text-muted"
        fontSize={14}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{desc}</desc>

        <g>
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                x1={plotLeft}
                x2={plotRight}
                y1={round(yAt(tick))}
                y2={round(yAt(tick))}
                stroke="currentColor"
                strokeOpacity={tick === yMin ? 0.6 : 0.2}
                strokeWidth={1}
              />
              <text x={plotLeft - 8} y={round(yAt(tick))} dy="0.35em" textAnchor="end" fill="currentColor">
                {tickNumber.format(tick)}
              </text>
            </g>
          ))}
        </g>

        <g>
          {xLabels.map((i) => (
            <text
              key={i}
              x={round(xAt(i))}
              y={plotBottom + 20}
              textAnchor={count > 1 && i === 0 ? "start" : count > 1 && i === count - 1 ? "end" : "middle"}
              fill="currentColor"
            >
              {labels[i] ?? ""}
            </text>
          ))}
        </g>

        {series.map((s, seriesIndex) => {
          const points = s.values.map((v, i) => (isValue(v) ? { x: xAt(i), y: yAt(v) } : null));
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
              />
              {points.map((p, i) => {
                if (p === null) return null;
                // An isolated value has no line segment, so it always gets a marker.
                const isolated = points[i - 1] == null && points[i + 1] == null;
                if (!showDots && !isolated) return null;
                return <MarkerShape key={i} shape={shape} x={p.x} y={p.y} color={s.color} />;
              })}
            </g>
          );
        })}
      </svg>

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
                <MarkerShape shape={markerFor(seriesIndex)} x={18} y={6} color={s.color} />
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
            <th scope="col">Datum</th>
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
