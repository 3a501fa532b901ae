import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetFigures } from '../../api/types.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatLongDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { locale } from '../../format/locale.ts';
import { currentLanguage } from '../../i18n/index.ts';

type Line = BudgetFigures['total'];
const AMOUNTS = ['budgeted', 'committed', 'pledged', 'unallocated', 'realised'] as const;

/** Per budget year and in total: budgeted, committed, pledged, unallocated, realised, and the realisation pace. */
export function BudgetFiguresTable({ figures }: { figures: BudgetFigures }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="utrecht-table utrecht-table--html-table budget-table">
        <caption id={captionId} className="utrecht-table__caption">
          {t('budget.figures.caption', { date: formatLongDate(figures.knownAt, language) })}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">{t('budget.figures.year')}</th>
            {AMOUNTS.map((key) => (
              <th key={key} scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{t(`budget.figures.${key}`)}</th>
            ))}
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{t('budget.figures.pace')}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {figures.years.map((year) => (
            <BudgetRow key={year.budgetYear} label={String(year.budgetYear)} line={year} />
          ))}
        </tbody>
        <tfoot className="utrecht-table__footer">
          <BudgetRow label={t('budget.figures.total')} line={figures.total} />
        </tfoot>
      </table>
    </TableScroll>
  );
}

function BudgetRow({ label, line }: { label: string; line: Line }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <tr className={`utrecht-table__row${line.overcommitted ? ' budget-table__row--overcommitted' : ''}`}>
      <th scope="row" className="utrecht-table__header-cell table-row-heading">
        {label}
        {line.overcommitted && <span className="budget-flag"> ({t('budget.figures.overcommitted')})</span>}
      </th>
      {AMOUNTS.map((key) => (
        <td key={key} className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatEuro(line[key], language)}</td>
      ))}
      <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
        {line.realisationPace === null ? t('common.none') : `${new Intl.NumberFormat(locale(language)).format(line.realisationPace)}%`}
      </td>
    </tr>
  );
}
