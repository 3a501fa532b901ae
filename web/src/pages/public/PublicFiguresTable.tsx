import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatComparedFigure, formatPublishedFigure } from '../../../../common/letter-format.ts';
import type { PublicLetterSnapshot } from '../../api/letters.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useFigureLabel } from '../letters/useFigureLabel.ts';
import { totalChangeSentence } from './totalChange.ts';

type FigureLine = PublicLetterSnapshot['figures']['lines'][number];

/**
 * Realised support per type as the letter printed it: the previous letter's column as that letter
 * published it, the new column at the letter's reference date, rounded in the letter's style.
 */
export function PublicFiguresTable({ letter }: { letter: PublicLetterSnapshot }) {
  const { t } = useTranslation();
  const captionId = useId();
  const language = currentLanguage();
  const figureLabel = useFigureLabel();
  const previous = letter.previousLetter;
  const change = totalChangeSentence(t, letter, language);
  const types = letter.figures.lines.filter((line) => line.key !== 'total');
  const total = letter.figures.lines.find((line) => line.key === 'total');
  const numericHeader = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';
  const row = (line: FigureLine) => (
    <tr key={line.key} className="utrecht-table__row">
      <th scope="row" className="utrecht-table__header-cell table-row-heading">
        {figureLabel(line.key)}
      </th>
      {previous && (
        <td className="utrecht-table__cell utrecht-table__cell--numeric-data" lang="nl">
          {line.reportedPreviousCents === null ? t('common.none') : formatComparedFigure(line.reportedPreviousCents)}
        </td>
      )}
      <td className="utrecht-table__cell utrecht-table__cell--numeric-data" lang="nl">
        {formatPublishedFigure(line.currentCents)}
      </td>
    </tr>
  );
  return (
    <>
      <TableScroll labelledBy={captionId}>
        <table className="utrecht-table utrecht-table--html-table figures-table">
          <caption id={captionId} className="utrecht-table__caption">{t('public.letter.figuresCaption')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t('dashboard.figures.typeColumn')}
              </th>
              {previous && (
                <th scope="col" className={numericHeader}>
                  {formatShortDate(previous.referenceDate, language)}
                </th>
              )}
              <th scope="col" className={numericHeader}>
                {formatShortDate(letter.referenceDate, language)}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">{types.map(row)}</tbody>
          {total && <tfoot className="utrecht-table__footer">{row(total)}</tfoot>}
        </table>
      </TableScroll>
      {change && <p className="nl-paragraph">{change}</p>}
    </>
  );
}
