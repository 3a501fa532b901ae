import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureRow, Figures } from '../../api/types.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** The letter's table: realised support per type at two reference dates, in the letter's own words. */
export function FiguresTable({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const captionId = useId();
  const language = currentLanguage();
  const compare = formatShortDate(figures.compareDate, language);
  const reference = formatShortDate(figures.referenceDate, language);
  return (
    <TableScroll labelledBy={captionId}>
      <table className="utrecht-table utrecht-table--html-table figures-table">
        <caption id={captionId} className="utrecht-table__caption">{t('dashboard.figures.caption', { compare, reference })}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">{t('dashboard.figures.typeColumn')}</th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{compare}</th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{reference}</th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{t('dashboard.figures.increase')}</th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{t('dashboard.figures.increasePercent')}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {figures.rows.map((row) => (
            <FigureTableRow key={row.supportType} label={t(`figureRows.${row.supportType}`)} row={row} />
          ))}
        </tbody>
        <tfoot className="utrecht-table__footer">
          <FigureTableRow label={t('figureRows.total')} row={figures.total} />
        </tfoot>
      </table>
    </TableScroll>
  );
}

function FigureTableRow({ label, row }: { label: string; row: FigureRow }) {
  const { t } = useTranslation();
  const cells = [row.compare.text, row.reference.text, row.difference.text, row.increasePercentText ?? t('common.none')];
  return (
    <tr className="utrecht-table__row">
      <th scope="row" className="utrecht-table__header-cell table-row-heading">
        {label}
      </th>
      {cells.map((text, index) => (
        <td key={index} className="utrecht-table__cell utrecht-table__cell--numeric-data" lang="nl">
          {text}
        </td>
      ))}
    </tr>
  );
}
