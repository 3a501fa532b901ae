import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { SUPPORT_TYPES } from '../../../../common/vocabulary/codes.ts';
import type { SeriesPoint } from '../../api/types.ts';
import { formatLongDate } from '../../format/dates.ts';
import { formatBillions, formatEuro } from '../../format/money.ts';
import { locale } from '../../format/locale.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { SERIES_COLOURS } from './seriesColours.ts';

const HEIGHT = 320;
const TEXT_COLOUR = '#1e293b';
const GRID_COLOUR = '#e2e8f0';
const AXIS_FONT = '14px system-ui, sans-serif';

/**
 * Realised support per month end as stacked areas. Each area is drawn from zero up to its running total,
 * the highest first, so the lower types paint over it and the visible bands add up.
 */
export function SeriesChart({ points }: { points: SeriesPoint[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element || points.length === 0) return;
    const month = new Intl.DateTimeFormat(locale(language), { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const layers = SUPPORT_TYPES.map((type, level) => ({
      type,
      // A chart needs only the scale: the exact sums are in the table below it.
      billions: points.map((point) => SUPPORT_TYPES.slice(0, level + 1).reduce((sum, below) => sum + Number(point[below]), 0) / 1e11),
    })).reverse();
    const data: uPlot.AlignedData = [points.map((point) => Date.parse(`${point.date}T00:00:00Z`) / 1000), ...layers.map((layer) => layer.billions)];
    const options: uPlot.Options = {
      width: element.clientWidth,
      height: HEIGHT,
      legend: { show: false },
      cursor: { points: { show: false } },
      scales: { x: { time: true }, y: { range: (_chart, _min, max) => [0, max * 1.05] } },
      axes: [
        {
          stroke: TEXT_COLOUR,
          font: AXIS_FONT,
          grid: { stroke: GRID_COLOUR },
          ticks: { stroke: GRID_COLOUR },
          space: 90,
          values: (_chart, splits) => splits.map((split) => month.format(new Date(split * 1000))),
        },
        {
          stroke: TEXT_COLOUR,
          font: AXIS_FONT,
          grid: { stroke: GRID_COLOUR },
          ticks: { stroke: GRID_COLOUR },
          size: 90,
          values: (_chart, splits) => splits.map((split) => t('dashboard.chart.billions', { value: formatBillions(split * 1e11, language) })),
        },
      ],
      series: [
        {},
        ...layers.map(({ type }) => ({ label: t(`supportTypes.${type}`), fill: SERIES_COLOURS[type], stroke: '#ffffff', width: 1, points: { show: false } })),
      ],
    };
    // The charting library comes in a chunk of its own, after the page has shown its figures.
    let chart: uPlot | undefined;
    let removed = false;
    const observer = new ResizeObserver(() => chart?.setSize({ width: element.clientWidth, height: HEIGHT }));
    void import('uplot').then(({ default: UPlot }) => {
      if (removed) return;
      chart = new UPlot(options, data, element);
      observer.observe(element);
    });
    return () => {
      removed = true;
      observer.disconnect();
      chart?.destroy();
    };
  }, [points, language, t]);

  const last = points.at(-1);
  const first = points[0];
  return (
    <figure className="series-chart">
      <div
        ref={container}
        role="img"
        className="series-chart__canvas"
        aria-label={
          first && last
            ? t('dashboard.chart.imageLabel', {
                from: formatLongDate(first.date, language),
                to: formatLongDate(last.date, language),
                total: formatEuro(last.total, language),
              })
            : undefined
        }
      />
      <figcaption>
        <ul className="series-chart__legend">
          {SUPPORT_TYPES.map((type) => (
            <li key={type}>
              <span className="series-chart__swatch" style={{ backgroundColor: SERIES_COLOURS[type] }} aria-hidden="true" />
              {t(`supportTypes.${type}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
