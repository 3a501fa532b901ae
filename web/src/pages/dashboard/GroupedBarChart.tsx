import { labelWidth, useChartWidth } from './useChartWidth.ts';

/** Rijkshuisstijl colours, each at least 3:1 against white. */
const COLOURS = ['#154273', '#e17000', '#007bc7', '#39870c', '#ca005d'];
const FULL_WIDTH = 720;
const LABEL_SIZE = 13;
const HEIGHT = 280;
const AXIS = 96;
const BASE = HEIGHT - 28;

export interface BarGroup {
  key: string;
  label: string;
  values: number[];
}

/**
 * Bars in groups (one bar per series), drawn as SVG with a summary for assistive technology; every
 * chart that uses it has a table of the same numbers beside it.
 */
export function GroupedBarChart({ groups, series, tick, label }: { groups: readonly BarGroup[]; series: readonly string[]; tick: (value: number) => string; label: string }) {
  const highest = Math.max(1, ...groups.flatMap((group) => group.values));
  const step = 10 ** Math.floor(Math.log10(highest));
  const top = Math.ceil(highest / step) * step;
  const ticks = Array.from({ length: Math.ceil(highest / step) + 1 }, (_, index) => index * step);
  const y = (value: number) => BASE - (Math.max(0, value) / top) * (BASE - 12);
  const [figure, width] = useChartWidth(FULL_WIDTH, AXIS + groups.length * Math.max(24, ...groups.map((group) => labelWidth(group.label, LABEL_SIZE) + 8)));
  const groupWidth = (width - AXIS) / Math.max(1, groups.length);
  const barWidth = Math.min(28, (groupWidth - 16) / Math.max(1, series.length));
  return (
    <figure ref={figure} className="series-chart">
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} role="img" className="budget-chart" aria-label={label}>
        {ticks.map((value) => (
          <g key={value}>
            <line x1={AXIS} x2={width} y1={y(value)} y2={y(value)} stroke="#e2e8f0" />
            <text x={AXIS - 8} y={y(value) + 5} textAnchor="end" fontSize="14" fill="#1e293b">
              {tick(value)}
            </text>
          </g>
        ))}
        {groups.map((group, index) => {
          const left = AXIS + index * groupWidth + (groupWidth - barWidth * series.length) / 2;
          return (
            <g key={group.key}>
              {group.values.map((value, position) => (
                <rect key={series[position]} x={left + position * barWidth} y={y(value)} width={barWidth - 2} height={BASE - y(value)} fill={COLOURS[position % COLOURS.length]} />
              ))}
              <text x={left + (barWidth * series.length) / 2} y={HEIGHT - 8} textAnchor="middle" fontSize={LABEL_SIZE} fill="#1e293b">
                {group.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="series-chart__legend">
          {series.map((name, position) => (
            <li key={name}>
              <span className="series-chart__swatch" style={{ backgroundColor: COLOURS[position % COLOURS.length] }} aria-hidden="true" />
              {name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
