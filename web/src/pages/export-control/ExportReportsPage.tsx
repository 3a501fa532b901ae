import { useState, type FormEvent } from 'react';
import { EXPORT_REPORTS } from '../../../../common/vocabulary/codes.ts';
import { armsTransferReportFile, getArmsTransferReports } from '../../api/export-control.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { TextField } from '../../forms/controls.tsx';
import { fieldErrorsOf } from '../../forms/useSubmission.ts';
import { locale } from '../../format/locale.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useResource } from '../../state/useResource.ts';
import { useExportWords } from './useExportWords.ts';

/** The arms-transfer reports of a year from the register, with their downloads and how they reconcile with it. */
export function ExportReportsPage() {
  const { reports: r, fill } = useExportWords();
  const language = currentLanguage();
  const euro = (cents: number) => formatEuro(cents, language);
  const rows = (count: number) => fill(count === 1 ? r.rowsOne : r.rowsOther, { count: count.toLocaleString(locale(language)) });
  const lastYear = String(new Date().getFullYear() - 1);
  const [typed, setTyped] = useState(lastYear);
  const [year, setYear] = useState(lastYear);
  const reports = useResource(year, (signal) => getArmsTransferReports(year, signal));
  // A year the API refuses is said at the field, and no other year's figures are shown under it.
  const refusal = fieldErrorsOf(reports.status === 'failed' ? reports.error : undefined).year;
  const data = reports.status !== 'failed' && reports.data?.data.year === Number(year) ? reports.data.data : undefined;

  function show(event: FormEvent) {
    event.preventDefault();
    const asked = typed.trim() || lastYear;
    setTyped(asked);
    setYear(asked);
  }

  return (
    <>
      <PageHeading title={r.title}>{r.title}</PageHeading>
      <p className="nl-paragraph">{r.intro}</p>
      <form className="date-form" noValidate onSubmit={show}>
        <TextField name="year" inputMode="numeric" size="small" label={r.year} value={typed} onChange={setTyped} error={refusal} />
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {r.show}
        </button>
      </form>
      {refusal === undefined && <ResourceStatus resource={reports} onRetry={reports.reload} />}
      {data && (
        <>
          <dl className="utrecht-data-list utrecht-data-list--rows details-list">
            {[
              [r.att, `${rows(data.att.rows.length)} · ${euro(data.att.totalValueCents)}`],
              [r.withheld, `${data.att.withheld.count} · ${euro(data.att.withheld.valueCents)}`],
              [r.unroca, rows(data.unroca.rows.length)],
              [r.coarm, `${data.coarm.totalLicences} · ${euro(data.coarm.totalValueCents)} · ${r.denials} ${data.coarm.denials}`],
            ].map(([key, value]) => (
              <div key={key} className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">{key}</dt><dd className="utrecht-data-list__item-value">{value}</dd></div>
            ))}
          </dl>
          <h2 className="nl-heading nl-heading--level-2">{r.register}</h2>
          <dl className="utrecht-data-list utrecht-data-list--rows details-list">
            {[
              [r.shipments, String(data.register.shipments)],
              [r.shipmentValue, euro(data.register.shipmentValueCents)],
              [r.withoutLicence, String(data.register.withoutLicence)],
              [r.outsideCategories, String(data.register.outsideCategories)],
              [r.licencesIssued, String(data.register.licencesIssued)],
              [r.licenceValue, euro(data.register.licenceValueCents)],
            ].map(([key, value]) => (
              <div key={key} className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">{key}</dt><dd className="utrecht-data-list__item-value">{value}</dd></div>
            ))}
          </dl>
          <h2 className="nl-heading nl-heading--level-2">{r.download}</h2>
          <ul className="utrecht-unordered-list">
            {EXPORT_REPORTS.map((report) => (
              <li key={report} className="utrecht-unordered-list__item">
                {r[report]}:{' '}
                <a className="utrecht-link" href={armsTransferReportFile(data.year, report, 'xlsx', language)}>XLSX</a>{' '}
                <a className="utrecht-link" href={armsTransferReportFile(data.year, report, 'csv', language)}>CSV</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
