// Two charts above the count tables: concerns raised each month, and what came of them. The
// tables below hold the same figures and are what a screen reader reads; each chart is one image
// with a summary in words. visx gives the scales and the measured width; the marks are plain SVG
// with class names, so colours come from the stylesheet (light and dark) and the strict CSP
// needs no inline styles.
import { Group } from '@visx/group';
import { useParentSize } from '@visx/responsive';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { ReactNode } from 'react';
import { formatMonth } from '../../labels.ts';

/** "2026-06" → "Jun"; the year is written under January and under the first month shown. */
function shortMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return d.toLocaleString('en', { month: 'short', timeZone: 'UTC' });
}

/** A round top for the value axis: 4 → 4, 7 → 8, 23 → 25. */
function niceMax(n: number): number {
  if (n <= 4) return Math.max(1, n);
  const step = 10 ** Math.floor(Math.log10(n));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * step >= n) return f * step;
  return n;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A chart's frame: its caption, and one SVG image named by the summary, as wide as its box. */
function ChartFrame({
  title,
  summary,
  height,
  children,
}: {
  title: string;
  summary: string;
  height: number;
  children: (width: number) => ReactNode;
}) {
  const { parentRef, width } = useParentSize({ initialSize: { width: 640, height: 0 } });
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={parentRef} className="chart-box">
        <svg width={width} height={height} role="img" aria-label={summary}>
          {children(width)}
        </svg>
      </div>
    </figure>
  );
}

export function MonthsChart({ months, counts }: { months: string[]; counts: number[] }) {
  const summary = `Concerns raised each month: ${months
    .map((m, i) => `${formatMonth(m)}, ${counts[i] ?? 0}`)
    .join('; ')}.`;
  const height = 190;
  return (
    <ChartFrame title="Concerns raised each month" summary={summary} height={height}>
      {(width) => <MonthBars months={months} counts={counts} width={width} height={height} />}
    </ChartFrame>
  );
}

function MonthBars({
  months,
  counts,
  width,
  height,
}: {
  months: string[];
  counts: number[];
  width: number;
  height: number;
}) {
  const margin = { top: 22, right: 8, bottom: 40, left: 8 };
  const innerWidth = Math.max(0, width - margin.left - margin.right);
  const innerHeight = height - margin.top - margin.bottom;
  const x = scaleBand<string>({ domain: months, range: [0, innerWidth], padding: 0.25 });
  const y = scaleLinear<number>({
    domain: [0, niceMax(Math.max(0, ...counts))],
    range: [innerHeight, 0],
  });
  // Label every month when there is room (about 36px each), or every second, third… month.
  const every = Math.max(1, Math.ceil(36 / Math.max(1, x.step())));
  return (
    <Group left={margin.left} top={margin.top}>
      <line className="chart-axis" x1={0} x2={innerWidth} y1={innerHeight} y2={innerHeight} />
      {months.map((m, i) => {
        const value = counts[i] ?? 0;
        const left = x(m) ?? 0;
        const top = y(value);
        const mid = left + x.bandwidth() / 2;
        const labelled = i % every === 0;
        const year = i === 0 || m.endsWith('-01');
        return (
          <g key={m}>
            {value > 0 ? (
              <Bar
                className="chart-bar"
                x={left}
                y={top}
                width={x.bandwidth()}
                height={innerHeight - top}
                rx={2}
              />
            ) : null}
            {x.bandwidth() >= 14 ? (
              <text className="chart-value" x={mid} y={top - 6} textAnchor="middle">
                {value}
              </text>
            ) : null}
            {labelled ? (
              <text className="chart-label" x={mid} y={innerHeight + 16} textAnchor="middle">
                {shortMonth(m)}
              </text>
            ) : null}
            {labelled && year ? (
              <text className="chart-label" x={mid} y={innerHeight + 32} textAnchor="middle">
                {m.slice(0, 4)}
              </text>
            ) : null}
          </g>
        );
      })}
    </Group>
  );
}

/** Each outcome is a line of words above its bar, so long names fit a phone's width. */
const OUTCOME_ROW = 44;

export function OutcomesChart({ rows }: { rows: { label: string; count: number }[] }) {
  const summary = `What came of them: ${rows
    .map((r) => `${r.label}, ${plural(r.count, 'case', 'cases')}`)
    .join('; ')}.`;
  return (
    <ChartFrame title="What came of them" summary={summary} height={rows.length * OUTCOME_ROW + 4}>
      {(width) => <OutcomeBars rows={rows} width={width} />}
    </ChartFrame>
  );
}

function OutcomeBars({ rows, width }: { rows: { label: string; count: number }[]; width: number }) {
  const innerWidth = Math.max(0, width - 44); // room for the number after the longest bar
  const x = scaleLinear<number>({
    domain: [0, niceMax(Math.max(0, ...rows.map((r) => r.count)))],
    range: [0, innerWidth],
  });
  return rows.map((r, i) => {
    const top = i * OUTCOME_ROW;
    const barWidth = x(r.count);
    return (
      <g key={r.label}>
        <text className="chart-label" x={0} y={top + 14}>
          {r.label}
        </text>
        <line className="chart-track" x1={0} x2={innerWidth} y1={top + 30} y2={top + 30} />
        {r.count > 0 ? (
          <Bar className="chart-bar" x={0} y={top + 22} width={barWidth} height={16} rx={2} />
        ) : null}
        <text className="chart-value" x={barWidth + 6} y={top + 35}>
          {r.count}
        </text>
      </g>
    );
  });
}
