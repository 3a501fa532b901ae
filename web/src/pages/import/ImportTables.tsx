import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFault, ImportHeaderFaults, ImportRow } from '../../api/imports.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { locale } from '../../format/locale.ts';
import { useFieldText } from '../../format/useFieldText.ts';
import { labelOf } from '../../../../common/vocabulary/index.ts';
import { useExportWords } from '../export-control/useExportWords.ts';
import { useCountText } from '../training/useCountText.ts';
import { COUNT_QUALIFIERS, SUMMARY_FIELDS } from './summaryFields.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** A file may hold 100,000 rows: the page shows a part of them at a time, and says how many there are. */
const SHOWN_FAULTS = 200;
const ROWS_PER_PAGE = 100;

/** A licence's fields as the licence form names them. */
const LICENCE_LABELS = {
  number: 'number',
  issuedOn: 'issuedOn',
  validUntil: 'validUntil',
  militaryListCategory: 'militaryList',
  unRegisterCategory: 'unRegister',
  quantityAuthorised: 'quantityAuthorised',
  valueAuthorisedCents: 'valueAuthorised',
  importingState: 'importingState',
  withheldGround: 'withheld',
  conditions: 'conditions',
} as const;

/** A training count's fields as the training form names them, where its name is not the field's. */
const TRAINING_LABELS: Readonly<Record<string, string>> = { costEstimateCents: 'costEstimate' };

/** A contract's fields as the contract form names them, where its name is not the field's. */
const CONTRACT_LABELS: Readonly<Record<string, string>> = { companyReference: 'company', milestoneTitle: 'milestone', milestoneDueOn: 'dueOn' };

/** What a row holds, in words: "Bedrag in euro: € 1.234,56 · Grondslag: Vervangingswaarde". */
function useRowSummary() {
  const { t } = useTranslation();
  const text = useFieldText();
  const exportWords = useExportWords();
  const countText = useCountText();
  // The records of other domains are named as their own pages name them.
  const label = (sheet: ImportRow['sheet'], field: string) => {
    if (field === 'deliveryReference') return t('imports.columns.delivery');
    if (field === 'deliveryReferences') return t('imports.columns.deliveries');
    if (field === 'amountCents') return text.label(field);
    if (field === 'programmeKey') return t('training.fields.programmeId');
    if (sheet === 'trainingProgramme' || sheet === 'trainingContribution') return t(`training.fields.${(TRAINING_LABELS[field] ?? field) as 'name'}`);
    if (sheet === 'readinessJudgement') return t(`readiness.fields.${field as 'effect'}`);
    if (sheet === 'company') return t(`industry.forms.company.${field as 'name'}`);
    if (sheet === 'exportLicence' && Object.hasOwn(LICENCE_LABELS, field)) return exportWords.delivery[LICENCE_LABELS[field as keyof typeof LICENCE_LABELS]];
    if (sheet === 'industryContract') return t(`industry.forms.contract.${(CONTRACT_LABELS[field] ?? field) as 'reference'}`);
    return text.label(field);
  };
  // A count with the qualifier its row gives it, and a licence's codes by their names, as their pages show them.
  const shown = (row: ImportRow, field: string, value: unknown) => {
    const qualified = Object.entries(COUNT_QUALIFIERS).find(([, { count }]) => count === field);
    if (qualified && typeof value === 'number') {
      const [flag, { qualifier }] = qualified;
      return countText(value, row.values[flag] === true && qualifier);
    }
    if (field === 'unRegisterCategory' && typeof value === 'string') return labelOf(exportWords.codes.unRegisterCategories, value);
    if (field === 'withheldGround' && typeof value === 'string') return labelOf(exportWords.codes.withheldGrounds, value);
    return Array.isArray(value) ? value.join('; ') : text.value(field, value);
  };
  return (row: ImportRow) =>
    SUMMARY_FIELDS[row.sheet]
      .flatMap((field) => {
        const value = row.values[field];
        if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return [];
        return [`${label(row.sheet, field)}: ${shown(row, field, value)}`];
      })
      .join(' · ') || t('common.none');
}

function usePlace() {
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(locale(currentLanguage()));
  return (row: Pick<ImportRow, 'sheetName' | 'rowNumber'>) => t('imports.place', { sheet: row.sheetName, row: number.format(row.rowNumber) });
}

/**
 * Every fault by sheet, row and column, as the file names them, those of the sheets' header rows first (a
 * column missing or unknown is behind the faults of many rows); the first ones when there are very many,
 * with `download` offering them all.
 */
export function FaultsTable({ rows, headerFaults, download }: { rows: readonly ImportRow[]; headerFaults: readonly ImportHeaderFaults[]; download: ReactNode }) {
  const { t } = useTranslation();
  const place = usePlace();
  const number = new Intl.NumberFormat(locale(currentLanguage()));
  const faults: { row: Pick<ImportRow, 'sheetName' | 'rowNumber' | 'reference'>; fault: ImportFault; key: string }[] = [];
  let count = 0;
  const headerRows = headerFaults.map((header) => ({ ...header, reference: null }));
  for (const row of [...headerRows, ...rows]) {
    for (const [index, fault] of row.faults.entries()) {
      if (faults.length < SHOWN_FAULTS) faults.push({ row, fault, key: `${row.sheetName}-${row.rowNumber}-${index}` });
      count++;
    }
  }
  if (count === 0) return null;
  return (
    <div className="utrecht-alert utrecht-alert--error import-faults">
      <h3 className="nl-heading nl-heading--level-3">{t('imports.faultsHeading', { count })}</h3>
      {count > SHOWN_FAULTS && <p className="nl-paragraph">{t('imports.faultsCapped', { shown: number.format(SHOWN_FAULTS), count: number.format(count) })}</p>}
      {download}
      <DataTable
        caption={t('imports.faultsCaption')}
        rowKey={(item) => item.key}
        rows={faults}
        columns={[
          { key: 'place', header: t('imports.columns.place'), cell: (item) => place(item.row) },
          {
            key: 'column',
            header: t('imports.columns.column'),
            cell: ({ fault }) => {
              // A column without a header has only its letter.
              if (fault.columnLetter) return fault.column === '' ? fault.columnLetter : `${fault.columnLetter} · ${fault.column}`;
              // A fault of the whole sheet or row (a hidden one) has no column.
              if (fault.column === '') return t(fault.field === 'row' ? 'imports.wholeRow' : 'imports.wholeSheet');
              return t('imports.missingColumn', { column: fault.column });
            },
          },
          { key: 'reference', header: t('imports.columns.reference'), cell: (item) => item.row.reference ?? t('common.none') },
          { key: 'message', header: t('imports.columns.message'), cell: (item) => item.fault.reasonsByLanguage[currentLanguage()] },
        ]}
      />
    </div>
  );
}

/** What happens to each row, a page of rows at a time. */
export function RowsTable({ rows }: { rows: readonly ImportRow[] }) {
  const { t } = useTranslation();
  const place = usePlace();
  const summary = useRowSummary();
  const number = new Intl.NumberFormat(locale(currentLanguage()));
  const [start, setStart] = useState(0);
  const shown = rows.slice(start, start + ROWS_PER_PAGE);
  if (rows.length === 0) return null;
  const caption = t('imports.rowsCaption', { from: number.format(start + 1), to: number.format(start + shown.length), count: number.format(rows.length) });
  return (
    <>
      <h3 className="nl-heading nl-heading--level-3">{t('imports.rowsHeading')}</h3>
      <DataTable
        caption={caption}
        rowKey={(row) => `${row.sheet}-${row.rowNumber}`}
        rows={shown}
        columns={[
          { key: 'place', header: t('imports.columns.place'), cell: place },
          { key: 'kind', header: t('imports.columns.kind'), cell: (row) => t(`imports.sheets.${row.sheet}`) },
          { key: 'reference', header: t('imports.columns.reference'), cell: (row) => row.reference ?? t('common.none') },
          { key: 'outcome', header: t('imports.columns.outcome'), cell: (row) => t(`imports.outcomes.${row.outcome}`, { count: row.faults.length }) },
          { key: 'contents', header: t('imports.columns.contents'), cell: summary },
        ]}
      />
      {rows.length > ROWS_PER_PAGE && (
        <nav className="action-row" aria-label={t('imports.rowsPaging')}>
          <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={start === 0} onClick={() => setStart(Math.max(0, start - ROWS_PER_PAGE))}>
            {t('imports.previousRows', { count: ROWS_PER_PAGE })}
          </button>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={start + ROWS_PER_PAGE >= rows.length}
            onClick={() => setStart(start + ROWS_PER_PAGE)}
          >
            {t('imports.nextRows', { count: ROWS_PER_PAGE })}
          </button>
        </nav>
      )}
    </>
  );
}
