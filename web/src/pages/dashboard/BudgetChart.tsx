import { useTranslation } from 'react-i18next';
import type { BudgetFigures } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { formatBillions, formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { labelWidth, useChartWidth } from './useChartWidth.ts';

type Year = BudgetFigures['years'][number];
const BARS = ['budgeted', 'committed', 'realised'] as const;
/** Rijkshuisstijl colours, each at least 3:1 against white. */
const BAR_COLOURS: Record<(typeof BARS)[number], string> = { budgeted: '#154273', committed: '#007bc7', realised: '#e17000' };
const FULL_WIDTH = 720;
const LABEL_SIZE = 14;
const HEIGHT = 320;
const AXIS = 64;
const BASE = HEIGHT - 28;

/** Per budget year three bars: budgeted, legally committed, realised; drawn as SVG, read as the table below it. */
export function BudgetChart({ figures }: { figures: BudgetFigures }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const years = figures.years;
  const highest = Math.max(1, ...years.flatMap((year) => BARS.map((bar) => year[bar])));
  const step = 10 ** Math.floor(Math.log10(highest));
  const top = Math.ceil(highest / step) * step;
  const ticks = Array.from({ length: Math.ceil(highest / step) + 1 }, (_, index) => index * step);
  const y = (cents: number) => BASE - (Math.max(0, cents) / top) * (BASE - 12);
  const [figure, width] = useChartWidth(FULL_WIDTH, AXIS + years.length * (labelWidth('2022', LABEL_SIZE) + 8));
  const groupWidth = (width - AXIS) / Math.max(1, years.length);
  const barWidth = Math.min(28, (groupWidth - 16) / BARS.length);
  const first = years[0];
  const last = years.at(-1);

  return (
    <figure ref={figure} className="series-chart">
      <svg
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        className="budget-chart"
        aria-label={
          first && last
            ? t('budget.chart.imageLabel', {
                first: first.budgetYear,
                last: last.budgetYear,
                budgeted: formatEuro(figures.total.budgeted, language),
                realised: formatEuro(figures.total.realised, language),
              })
            : undefined
        }
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={AXIS} x2={width} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={AXIS - 8} y={y(tick) + 5} textAnchor="end" fontSize={LABEL_SIZE} fill="#1e293b">
              {t('dashboard.chart.billions', { value: formatBillions(tick, language) })}
            </text>
          </g>
        ))}
        {years.map((year, index) => {
          const left = AXIS + index * groupWidth + (groupWidth - barWidth * BARS.length) / 2;
          return (
            <g key={year.budgetYear}>
              {BARS.map((bar, position) => (
                <rect key={bar} x={left + position * barWidth} y={y(year[bar])} width={barWidth - 2} height={BASE - y(year[bar])} fill={BAR_COLOURS[bar]} />
              ))}
              <text x={left + (barWidth * BARS.length) / 2} y={HEIGHT - 8} textAnchor="middle" fontSize={LABEL_SIZE} fill="#1e293b">
                {year.budgetYear}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="series-chart__legend">
          {BARS.map((bar) => (
            <li key={bar}>
              <span className="series-chart__swatch" style={{ backgroundColor: BAR_COLOURS[bar] }} aria-hidden="true" />
              {t(`budget.figures.${bar}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** The chart's data for those who would rather read than look, or cannot look. */
export function BudgetChartTable({ figures }: { figures: BudgetFigures }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const columns: Column<Year>[] = [
    { key: 'year', header: t('budget.figures.year'), cell: (year) => String(year.budgetYear) },
    ...BARS.map((bar) => ({ key: bar, header: t(`budget.figures.${bar}`), numeric: true, cell: (year: Year) => formatEuro(year[bar], language) })),
  ];
  return (
    <details className="series-table">
      <summary>{t('budget.chart.tableToggle')}</summary>
      <DataTable caption={t('budget.chart.heading')} columns={columns} rows={figures.years} rowKey={(year) => String(year.budgetYear)} />
    </details>
  );
}
