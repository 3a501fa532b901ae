import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldReader, refuse, type Problems } from '../../forms/fieldReader.ts';
import { isBlank } from '../../../../common/text.ts';
import { isClaimableTranche } from '../../../../common/epf-rules.ts';
import { createEpfClaim, type EpfClaimInput, type EpfTranche } from '../../api/epf.ts';
import { SelectField, TextAreaField, TextField } from '../../forms/controls.tsx';
import { DeliveryField, DUTCH_SUPPORT } from '../../forms/DeliveryField.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { useFields } from '../../forms/useFields.ts';
import { useSubmission } from '../../forms/useSubmission.ts';
import { confirmedPeriod, useWarningConfirmation, WarningConfirmation } from '../../forms/WarningConfirmation.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useNavigateWithNotice } from '../../state/notice.tsx';

interface ClaimValues {
  reference: string;
  deliveryId: string;
  batch: string;
  trancheId: string;
  period: string;
  declaredCents: string;
  declaredOn: string;
  note: string;
}
type ClaimField = keyof ClaimValues;
const FIELDS: ClaimField[] = ['reference', 'deliveryId', 'batch', 'trancheId', 'period', 'declaredCents', 'declaredOn', 'note'];
const EMPTY: ClaimValues = { reference: '', deliveryId: '', batch: '', trancheId: '', period: '', declaredCents: '', declaredOn: '', note: '' };

/** The claim as typed, each field the client can tell is wrong read as its mark, to be sent as typed (fieldReader). */
function readClaim(values: ClaimValues, problems: Problems, unfinished: readonly string[]): EpfClaimInput {
  const read = fieldReader(values, problems, unfinished);
  const deliveryId = values.deliveryId.trim() || null;
  return {
    reference: read.required('reference').trim(),
    deliveryId,
    batch: deliveryId === null && isBlank(values.batch) ? refuse(problems, 'batch', 'deliveryOrBundle') : values.batch.trim(),
    trancheId: values.trancheId || null,
    period: read.required('period').trim(),
    declaredCents: read.amount('declaredCents', true),
    declaredOn: read.required('declaredOn'),
    note: values.note.trim(),
  };
}

/**
 * Declares a claim on the EPF: for one delivery (found by a search) or for a batch (what it covers), on one of
 * the tranches (of those given) the Netherlands claims on, or on none. One declared in the period of a letter sent to
 * parliament is recorded once the box at its date confirms it is meant.
 */
export function NewClaimForm({ tranches, onCreated }: { tranches: readonly EpfTranche[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigateWithNotice = useNavigateWithNotice();
  const submission = useSubmission();
  const { values, setValues, field, labels } = useFields<ClaimValues>(EMPTY, submission.fieldErrors);
  const confirmation = useWarningConfirmation(submission.warnings, values);

  const trancheOptions = [
    { value: '', label: t('epf.claims.noTranche') },
    ...tranches
      .filter((tranche) => isClaimableTranche(tranche.dutchRole))
      .map((tranche) => ({ value: tranche.id, label: t('epf.claims.trancheOption', { name: tranche.name, date: formatShortDate(tranche.decidedOn, language) }) })),
  ];

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Problems = {};
    const input = { ...readClaim(values, problems, submission.unfinished()), ...confirmedPeriod(confirmation.codes) };
    void submission.submitRequest(problems, input, (name) => values[name as ClaimField], async (request) => {
      const created = await createEpfClaim(request);
      setValues(EMPTY);
      onCreated();
      navigateWithNotice(`/epf/declaraties/${created.data.claim.id}`, 'epfClaimCreated');
    });
  }

  return (
    <form ref={submission.formRef} noValidate onSubmit={handleSubmit} className="record-form">
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(FIELDS)} formError={submission.formError} refusals={submission.refusals} />
      <p className="nl-paragraph">{t('epf.claims.newHint')}</p>
      <TextField {...field('reference')} size="medium" />
      <DeliveryField {...field('deliveryId')} filter={DUTCH_SUPPORT} noneLabel={t('epf.claims.noDelivery')} hint={t('epf.claims.deliveryHint')} optional />
      <TextField {...field('batch')} optional />
      <SelectField {...field('trancheId')} options={trancheOptions} hint={t('epf.claims.trancheHint')} optional />
      <TextField {...field('period')} size="medium" />
      <TextField {...field('declaredCents')} inputMode="decimal" size="medium" hint={t('form.hints.amount')} />
      <TextField {...field('declaredOn')} type="date" />
      <WarningConfirmation confirmation={confirmation.at('declaredOn')} />
      <TextAreaField {...field('note')} optional />
      <SubmitButton label={t('epf.claims.submit')} submitting={submission.submitting} />
    </form>
  );
}
