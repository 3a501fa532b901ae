import { useId } from 'react';
import { todayInAmsterdam } from '../../../../common/dates.ts';
import type { Schema } from '../../api/contract.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useExportWords } from './useExportWords.ts';

/** One assessment: its finding on each criterion with the reasoning, and what it concluded; said so where it is a reassessment after the goods left. */
export function AssessmentView({ assessment, reassessment = false }: { assessment: Schema<'ExportAssessment'>; reassessment?: boolean }) {
  const words = useExportWords();
  const captionId = useId();
  const language = currentLanguage();
  const d = words.delivery;
  return (
    <article className="assessment">
      <h3 className="nl-heading nl-heading--level-3">
        {words.codes.outcomes[assessment.outcome]} · {formatShortDate(assessment.assessedOn, language)}
        {reassessment ? ` · ${d.reassessment}` : ''}
        {assessment.isDemonstration ? ` · ${d.demonstration}` : ''}
      </h3>
      <dl className="utrecht-data-list utrecht-data-list--rows details-list">
        <div className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">{d.endUser}</dt><dd className="utrecht-data-list__item-value">{assessment.endUser}</dd></div>
        <div className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">{d.endUseStatement}</dt><dd className="utrecht-data-list__item-value">{assessment.endUseStatement}</dd></div>
        {assessment.conditions && <div className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">{d.conditions}</dt><dd className="utrecht-data-list__item-value">{assessment.conditions}</dd></div>}
        <div className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">{d.expedited}</dt><dd className="utrecht-data-list__item-value">{assessment.expedited ? d.yes : d.no}</dd></div>
        <div className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">{d.assessedBy}</dt><dd className="utrecht-data-list__item-value">{assessment.assessedByName}</dd></div>
      </dl>
      <TableScroll labelledBy={captionId}>
        <table className="utrecht-table">
          <caption id={captionId} className="utrecht-table__caption">{d.findings}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell">{d.criterion}</th>
              <th className="utrecht-table__header-cell">{d.finding}</th>
              <th className="utrecht-table__header-cell">{d.reasoning}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {assessment.criteria.map((entry) => (
              <tr key={entry.criterion} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">{entry.criterion}. {words.codes.criteria[entry.criterion]}</th>
                <td className="utrecht-table__cell">{words.codes.findings[entry.finding]}</td>
                <td className="utrecht-table__cell">{entry.reasoning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {assessment.inspectionGrants.map((grant) => (
        <p key={grant.id} className="nl-paragraph">{words.fill(d.inspectionGranted, { date: formatShortDate(todayInAmsterdam(new Date(grant.grantedAt)), language), name: grant.grantedByName })}</p>
      ))}
    </article>
  );
}
