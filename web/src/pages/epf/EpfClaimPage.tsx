import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { fieldReader, type Problems } from '../../forms/fieldReader.ts';
import { etagOf } from '../../api/client.ts';
import { addToEpfClaim, getEpfClaim, getEpfTranches, type EpfClaimDetail } from '../../api/epf.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Detail } from '../../components/Detail.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { TextAreaField, TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { useFields, type FieldName } from '../../forms/useFields.ts';
import { useHistoryEntry, type ShownHistory } from '../../forms/useHistoryEntry.ts';
import { useSubmission } from '../../forms/useSubmission.ts';
import { confirmedPeriod, useWarningConfirmation, WarningConfirmation } from '../../forms/WarningConfirmation.tsx';
import { formatMoment, formatShortDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';

/** One claim: what it covers, how it stands today, and its history, to which finance adds. */
export function EpfClaimPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const claim = useResource(id, (signal) => getEpfClaim(id, signal));
  // One for the page's forms: an entry from one moves the version the others send on.
  const entry = useHistoryEntry(claim.reload);
  const back = (
    <p className="nl-paragraph">
      <Link href="/epf">{t('epf.claim.back')}</Link>
    </p>
  );
  // The page stays while the latest loads (after an entry, or after someone else's), so that the forms keep what was typed.
  if (!claim.data) {
    return (
      <>
        <PageHeading title={t('epf.claim.heading')}>{t('epf.claim.heading')}</PageHeading>
        {back}
        <ResourceStatus resource={claim} onRetry={claim.reload} notFound={t('epf.claim.notFound')} />
      </>
    );
  }
  const detail = claim.data.data;
  const history = { id, etag: etagOf(claim.data), reload: claim.reload, entry };
  const title = t('epf.claim.title', { reference: detail.claim.reference });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {back}
      <ClaimFacts detail={detail} />
      <LabelledSection heading={t('epf.claim.history')}>
        <History detail={detail} />
      </LabelledSection>
      {can('epf.write') && (
        <>
          <LabelledSection heading={t('epf.claim.assess')}>
            <AssessmentForm history={history} />
          </LabelledSection>
          <LabelledSection heading={t('epf.claim.receive')}>
            <ReceiptForm history={history} />
          </LabelledSection>
          <LabelledSection heading={`${t('epf.claim.block')} / ${t('epf.claim.release')}`}>
            <BlockageForm history={history} />
          </LabelledSection>
        </>
      )}
    </>
  );
}

/** The claim's history the forms add to: the version the page shows, a way to load the latest, and how to add. */
interface ClaimHistory extends ShownHistory {
  id: string;
  reload: () => void;
}

function ClaimFacts({ detail }: { detail: EpfClaimDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { claim, state } = detail;
  const facts: [term: string, value: ReactNode, multiline?: boolean][] = [
    [t('epf.claim.covers'), claim.batch || `${t('epf.claim.delivery')} ${claim.deliveryId ?? ''}`],
    [t('fields.trancheId'), claim.trancheId === null ? t('epf.claims.noTranche') : <TrancheName id={claim.trancheId} />],
    [t('epf.claims.period'), claim.period],
    [t('epf.claims.declaredOn'), formatShortDate(claim.declaredOn, language)],
    [t('epf.claims.declared'), formatEuro(claim.declaredCents, language)],
    [t('epf.claims.status'), state.blockedReason ? `${t(`epfClaimStatuses.${state.status}`)}: ${state.blockedReason}` : t(`epfClaimStatuses.${state.status}`)],
    [t('epf.claims.compensated'), formatEuro(state.compensatedCents, language)],
    [t('epf.claims.paid'), formatEuro(state.paidCents, language)],
    [t('epf.figures.outstanding'), formatEuro(state.outstandingCents, language)],
    [t('epf.figures.remainderExpectedBy'), state.remainderExpectedBy === null ? t('common.none') : String(state.remainderExpectedBy)],
    [t('fields.note'), claim.note || t('common.none'), true],
  ];
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows details-list">
      {facts.map(([term, value, multiline]) => (
        <Detail key={term} label={term} multiline={multiline}>
          {value}
        </Detail>
      ))}
    </dl>
  );
}

/** A tranche by its name, once the tranches are loaded (by its id until then). */
function TrancheName({ id }: { id: string }) {
  const tranches = useResource('tranches', (signal) => getEpfTranches(signal));
  return tranches.data?.data.items.find((tranche) => tranche.id === id)?.name ?? id;
}

function History({ detail }: { detail: EpfClaimDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const recorded = { key: 'recordedAt', header: t('epf.claim.recordedAt'), cell: (row: { recordedAt: string }) => formatMoment(row.recordedAt, language) };
  const note = { key: 'note', header: t('fields.note'), cell: (row: { note: string }) => row.note || t('common.none') };
  const assessments: Column<EpfClaimDetail['assessments'][number]>[] = [
    { key: 'assessedOn', header: t('fields.assessedOn'), cell: (row) => formatShortDate(row.assessedOn, language) },
    { key: 'compensated', header: t('fields.compensatedCents'), numeric: true, cell: (row) => formatEuro(row.compensatedCents, language) },
    { key: 'remainder', header: t('fields.remainderExpectedBy'), cell: (row) => (row.remainderExpectedBy === null ? t('common.none') : String(row.remainderExpectedBy)) },
    note,
    recorded,
  ];
  const receipts: Column<EpfClaimDetail['receipts'][number]>[] = [
    { key: 'receivedOn', header: t('fields.receivedOn'), cell: (row) => formatShortDate(row.receivedOn, language) },
    { key: 'amount', header: t('fields.amountCents'), numeric: true, cell: (row) => formatEuro(row.amountCents, language) },
    note,
    recorded,
  ];
  const blockages: Column<EpfClaimDetail['blockages'][number]>[] = [
    { key: 'effectiveOn', header: t('fields.effectiveOn'), cell: (row) => formatShortDate(row.effectiveOn, language) },
    { key: 'blocked', header: t('epf.claims.status'), cell: (row) => t(row.blocked ? 'epf.claim.blockedYes' : 'epf.claim.blockedNo') },
    { key: 'reason', header: t('fields.reason'), cell: (row) => row.reason || t('common.none') },
    recorded,
  ];
  const table = <Row,>(rows: Row[], caption: string, columns: Column<Row>[], key: (row: Row) => string) =>
    rows.length === 0 ? <p className="nl-paragraph">{`${caption}: ${t('epf.claim.empty')}`}</p> : <DataTable caption={caption} columns={columns} rows={rows} rowKey={key} />;
  return (
    <>
      {table(detail.assessments, t('epf.claim.assessmentsCaption'), assessments, (row) => row.id)}
      {table(detail.receipts, t('epf.claim.receiptsCaption'), receipts, (row) => row.id)}
      {table(detail.blockages, t('epf.claim.blockagesCaption'), blockages, (row) => row.id)}
    </>
  );
}

/**
 * The fields of a form that adds to the claim's history, each control named within its form: the assessment and
 * the receipt both have a note, and two controls of one name would share an id (the one label naming the other's).
 * Refusals are looked up by the name the API gives the field.
 */
function useEntryFields<V extends Partial<Record<FieldName, string>>>(empty: V, conflictText: string) {
  const scope = useId();
  const submission = useSubmission({ scope, conflictText });
  const fields = useFields(empty, submission.fieldErrors);
  const scoped = (texts: Record<string, string>) => Object.fromEntries(Object.entries(texts).map(([name, text]) => [`${scope}${name}`, text]));
  const field = (name: Parameters<typeof fields.field>[0]) => {
    const props = fields.field(name);
    return { ...props, name: `${scope}${props.name}` };
  };
  const summary = (names: readonly FieldName[]) => ({ fieldErrors: scoped(submission.fieldErrors), labels: scoped(fields.labels(names)) });
  return { submission, values: fields.values, setValues: fields.setValues, field, summary };
}

function AssessmentForm({ history }: { history: ClaimHistory }) {
  const { t } = useTranslation();
  const { entry } = history;
  const empty = { compensatedCents: '', assessedOn: '', remainderExpectedBy: '', note: '' };
  const { submission, values, setValues, field, summary } = useEntryFields(empty, entry.conflictText);
  // An assessment on or before the reference date of a letter sent to parliament that moves its figures is recorded once confirmed at its date.
  const confirmation = useWarningConfirmation(submission.warnings, values);
  const dateConfirmation = confirmation.at('assessedOn');
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Problems = {};
    const read = fieldReader(values, problems, submission.unfinished());
    const input = {
      compensatedCents: read.amount('compensatedCents', true),
      assessedOn: read.required('assessedOn'),
      remainderExpectedBy: values.remainderExpectedBy.trim() ? read.year('remainderExpectedBy') : null,
      note: values.note.trim(),
      ...confirmedPeriod(confirmation.codes),
    };
    void submission.submitRequest(problems, input, (name) => values[name as keyof typeof values], async (request) => {
      await entry.add(history.id, history.etag, (ifMatch) => addToEpfClaim(history.id, 'assessments', request, ifMatch));
      setValues(empty);
      confirmation.forget();
      history.reload();
    });
  }
  return (
    <form ref={submission.formRef} noValidate onSubmit={handleSubmit} className="record-form">
      <ErrorSummary {...summary(['compensatedCents', 'assessedOn', 'remainderExpectedBy', 'note'])} formError={submission.formError} refusals={submission.refusals} />
      <TextField {...field('compensatedCents')} inputMode="decimal" size="medium" hint={t('form.hints.amount')} />
      <TextField {...field('assessedOn')} type="date" />
      <WarningConfirmation confirmation={dateConfirmation && { ...dateConfirmation, name: field('assessedOn').name }} />
      <TextField {...field('remainderExpectedBy')} inputMode="numeric" size="small" optional />
      <TextAreaField {...field('note')} optional />
      <SubmitButton label={t('epf.claim.assess')} submitting={submission.submitting} />
    </form>
  );
}

function ReceiptForm({ history }: { history: ClaimHistory }) {
  const { t } = useTranslation();
  const { entry } = history;
  const empty = { amountCents: '', receivedOn: '', note: '' };
  const { submission, values, setValues, field, summary } = useEntryFields(empty, entry.conflictText);
  // Money received on or before the reference date of a letter sent to parliament is recorded once confirmed at its date.
  const confirmation = useWarningConfirmation(submission.warnings, values);
  const dateConfirmation = confirmation.at('receivedOn');
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Problems = {};
    const read = fieldReader(values, problems, submission.unfinished());
    const input = { amountCents: read.amount('amountCents', true), receivedOn: read.required('receivedOn'), note: values.note.trim(), ...confirmedPeriod(confirmation.codes) };
    void submission.submitRequest(problems, input, (name) => values[name as keyof typeof values], async (request) => {
      await entry.add(history.id, history.etag, (ifMatch) => addToEpfClaim(history.id, 'receipts', request, ifMatch));
      setValues(empty);
      confirmation.forget();
      history.reload();
    });
  }
  return (
    <form ref={submission.formRef} noValidate onSubmit={handleSubmit} className="record-form">
      <ErrorSummary {...summary(['amountCents', 'receivedOn', 'note'])} formError={submission.formError} refusals={submission.refusals} />
      <TextField {...field('amountCents')} inputMode="decimal" size="medium" hint={t('form.hints.amount')} />
      <TextField {...field('receivedOn')} type="date" />
      <WarningConfirmation confirmation={dateConfirmation && { ...dateConfirmation, name: field('receivedOn').name }} />
      <TextAreaField {...field('note')} optional />
      <SubmitButton label={t('epf.claim.receive')} submitting={submission.submitting} />
    </form>
  );
}

function BlockageForm({ history }: { history: ClaimHistory }) {
  const { t } = useTranslation();
  const { entry } = history;
  const submission = useSubmission({ conflictText: entry.conflictText });
  const empty = { effectiveOn: '', reason: '' };
  const { values, setValues, field, labels } = useFields(empty, submission.fieldErrors);
  // A blockage or release on or before the reference date of a letter sent to parliament that moves its figures is recorded once confirmed at its date.
  const confirmation = useWarningConfirmation(submission.warnings, values);
  function send(blocked: boolean) {
    const problems: Problems = {};
    const read = fieldReader(values, problems, submission.unfinished());
    const input = { blocked, effectiveOn: read.required('effectiveOn'), reason: (blocked ? read.required('reason') : values.reason).trim(), ...confirmedPeriod(confirmation.codes) };
    void submission.submitRequest(problems, input, (name) => values[name as keyof typeof values], async (request) => {
      await entry.add(history.id, history.etag, (ifMatch) => addToEpfClaim(history.id, 'blockages', request, ifMatch));
      setValues(empty);
      confirmation.forget();
      history.reload();
    });
  }
  return (
    <form ref={submission.formRef}
      noValidate
      className="record-form"
      onSubmit={(event) => {
        event.preventDefault();
        send(true);
      }}
    >
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(['effectiveOn', 'reason'])} formError={submission.formError} refusals={submission.refusals} />
      <p className="nl-paragraph">{t('epf.claim.blockHint')}</p>
      <TextField {...field('effectiveOn')} type="date" />
      <WarningConfirmation confirmation={confirmation.at('effectiveOn')} />
      <TextField {...field('reason')} />
      <SubmitButton label={t('epf.claim.block')} submitting={submission.submitting} />
      <div className="action-row">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={submission.submitting} onClick={() => send(false)}>
          {t('epf.claim.release')}
        </button>
      </div>
    </form>
  );
}
