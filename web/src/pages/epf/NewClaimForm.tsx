import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseEuroAmount } from '../../../../common/money.ts';
import { amountProblem } from '../../forms/fieldReader.ts';
import { isBlank } from '../../../../common/text.ts';
import { createEpfClaim, type EpfClaimInput } from '../../api/epf.ts';
import { TextAreaField, TextField } from '../../forms/controls.tsx';
import { DeliveryField } from '../../forms/DeliveryField.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { useFields } from '../../forms/useFields.ts';
import { useSubmission, type Checked, type ClientProblem } from '../../forms/useSubmission.ts';
import { useNavigateWithNotice } from '../../state/notice.tsx';

interface ClaimValues {
  reference: string;
  deliveryId: string;
  batch: string;
  period: string;
  declaredCents: string;
  declaredOn: string;
  note: string;
}
type ClaimField = keyof ClaimValues;
const FIELDS: ClaimField[] = ['reference', 'deliveryId', 'batch', 'period', 'declaredCents', 'declaredOn', 'note'];
const EMPTY: ClaimValues = { reference: '', deliveryId: '', batch: '', period: '', declaredCents: '', declaredOn: '', note: '' };

function checkClaim(values: ClaimValues): Checked<EpfClaimInput, ClaimField> {
  const problems: Partial<Record<ClaimField, ClientProblem>> = {};
  for (const name of ['reference', 'period', 'declaredOn'] as const) if (isBlank(values[name])) problems[name] = 'required';
  const declaredCents = parseEuroAmount(values.declaredCents);
  if (!values.declaredCents.trim()) problems.declaredCents = 'required';
  else if (declaredCents === undefined) problems.declaredCents = amountProblem(values.declaredCents);
  if (!values.deliveryId.trim() && isBlank(values.batch)) problems.batch = 'deliveryOrBundle';
  if (Object.keys(problems).length > 0 || declaredCents === undefined) return { problems };
  return {
    input: {
      reference: values.reference.trim(),
      deliveryId: values.deliveryId.trim() || null,
      batch: values.batch.trim(),
      period: values.period.trim(),
      declaredCents,
      declaredOn: values.declaredOn,
      note: values.note.trim(),
    },
  };
}

/** Declares a claim on the EPF: for one delivery (found by a search) or for a batch (what it covers). */
export function NewClaimForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const navigateWithNotice = useNavigateWithNotice();
  const submission = useSubmission();
  const { values, setValues, field, labels } = useFields<ClaimValues>(EMPTY, submission.fieldErrors);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkClaim(values);
    void submission.submit(checked.problems ?? {}, async () => {
      if (!checked.input) return;
      const created = await createEpfClaim(checked.input);
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
      <DeliveryField {...field('deliveryId')} noneLabel={t('epf.claims.noDelivery')} optional />
      <TextField {...field('batch')} optional />
      <TextField {...field('period')} size="medium" />
      <TextField {...field('declaredCents')} inputMode="decimal" size="medium" hint={t('form.hints.amount')} />
      <TextField {...field('declaredOn')} type="date" />
      <TextAreaField {...field('note')} optional />
      <SubmitButton label={t('epf.claims.submit')} submitting={submission.submitting} />
    </form>
  );
}
