// A small horizontal bar chart in SVG: one row per item, bars stacked by series. It is a
// picture of the table that follows it (which is what screen readers are pointed to).
import { useId } from 'react';

export interface Series {
  key: string;
  label: string;
  /** A class from screens.css that gives the bar its colour. */
  className: string;
}

export interface BarRow {
  label: string;
  values: number[];
}

const WIDTH = 720;
const LABEL = 210;
const VALUE = 60;
const ROW = 30;
const BAR = 18;

/** A readable axis for whole counts: steps of 1, 2, 5, 10 … and at most about five of them. */
export function axis(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const step = Math.max(1, Math.round(nice));
  return { top: Math.ceil(max / step) * step, step };
}

export function BarChart({
  title,
  summary,
  series,
  rows,
  format = (n) => String(n),
  max,
}: {
  title: string;
  /** One sentence saying what the chart shows, for those who do not see it. */
  summary: string;
  series: Series[];
  rows: BarRow[];
  format?: (n: number) => string;
  max?: number;
}) {
  const id = useId();
  const { top, step } = axis(max ?? Math.max(0, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0))));
  const area = WIDTH - LABEL - VALUE;
  const height = rows.length * ROW + 28;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  return (
    <figure className="chart" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`}>
        <strong>{title}</strong>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <desc id={`${id}-d`}>{summary}</desc>
        {ticks.map((v) => {
          const x = LABEL + (v / top) * area;
          return (
            <g key={v} aria-hidden="true">
              <line className="chart__grid" x1={x} x2={x} y1={0} y2={rows.length * ROW} />
              <text x={x} y={rows.length * ROW + 20} fontSize="14" textAnchor="middle">
                {format(v)}
              </text>
            </g>
          );
        })}
        {rows.map((row, i) => {
          const y = i * ROW + (ROW - BAR) / 2;
          let x = LABEL;
          const total = row.values.reduce((a, b) => a + b, 0);
          return (
            <g key={`${row.label}-${i}`} aria-hidden="true">
              <text x={LABEL - 8} y={y + BAR / 2 + 5} fontSize="15" textAnchor="end">
                {row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label}
              </text>
              {row.values.map((v, j) => {
                const w = (v / top) * area;
                const rect = (
                  <rect key={series[j]?.key ?? j} className={series[j]?.className} x={x} y={y} width={Math.max(0, w)} height={BAR} />
                );
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + BAR / 2 + 5} fontSize="15">
                {format(total)}
              </text>
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.key}>
              <span aria-hidden className={s.className.replace('chart__bar--', 'legend--')} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
