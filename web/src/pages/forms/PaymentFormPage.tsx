import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isRealisedByPayment } from '../../../../common/delivery-rules.ts';
import { fieldReader, type Problems } from '../../forms/fieldReader.ts';
import { addPayment } from '../../api/deliveries.ts';
import type { PaymentInput } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { TextAreaField, TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFields } from '../../forms/useFields.ts';
import { useWarningConfirmation, WarningConfirmation } from '../../forms/WarningConfirmation.tsx';
import { useHistoryEntry } from '../../forms/useHistoryEntry.ts';
import type { LoadedDelivery } from './DeliveryFormFrame.tsx';
import { useSubmission } from '../../forms/useSubmission.ts';
import { useNavigateWithNotice } from '../../state/notice.tsx';
import { DeliveryFormFrame } from './DeliveryFormFrame.tsx';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { PaymentsTable } from '../delivery/MoneyHistory.tsx';

interface PaymentValues {
  amountCents: string;
  paidOn: string;
  reference: string;
  note: string;
}
type PaymentField = keyof PaymentValues;
const FIELDS: PaymentField[] = ['amountCents', 'paidOn', 'reference', 'note'];

export function PaymentFormPage({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <DeliveryFormFrame id={id} heading={t('form.paymentTitle')}>
      {(loaded) =>
        isRealisedByPayment(loaded.delivery.supportType) ? <PaymentForm id={id} loaded={loaded} /> : <Alert type="info">{t('form.paymentNotApplicable')}</Alert>
      }
    </DeliveryFormFrame>
  );
}

function PaymentForm({ id, loaded }: { id: string; loaded: LoadedDelivery }) {
  const { t } = useTranslation();
  const navigateWithNotice = useNavigateWithNotice();
  const entry = useHistoryEntry(loaded.reload);
  const submission = useSubmission({ conflictText: entry.conflictText });
  const { values, field, labels } = useFields<PaymentValues>({ amountCents: '', paidOn: '', reference: '', note: '' }, submission.fieldErrors);
  const confirmation = useWarningConfirmation(submission.warnings, values);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Problems = {};
    const read = fieldReader(values, problems, submission.unfinished());
    const input: PaymentInput = {
      amountCents: read.amount('amountCents', true),
      paidOn: read.required('paidOn'),
      ...(values.reference.trim() ? { reference: values.reference.trim() } : {}),
      ...(values.note.trim() ? { note: values.note.trim() } : {}),
      ...(confirmation.codes.length > 0 ? { confirm: confirmation.codes as PaymentInput['confirm'] } : {}),
    };
    void submission.submitRequest(problems, input, (name) => values[name as PaymentField], async (request) => {
      await entry.add(id, loaded.etag, (ifMatch) => addPayment(id, request, ifMatch));
      navigateWithNotice(`/leveringen/${id}`, 'paymentAdded');
    });
  }

  return (
    <>
      <div className="form-context">
        <PaymentsTable payments={loaded.delivery.payments} withdrawing={{ withdrawals: loaded.delivery.withdrawals }} />
      </div>
      <form ref={submission.formRef} noValidate onSubmit={handleSubmit} className="record-form">
        <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(FIELDS)} formError={submission.formError} refusals={submission.refusals} />
        <TextField {...field('amountCents')} inputMode="decimal" size="medium" hint={t('form.hints.amount')} />
        <WarningConfirmation confirmation={confirmation.at('amountCents')} />
        <TextField {...field('paidOn')} type="date" />
        <WarningConfirmation confirmation={confirmation.at('paidOn')} />
        <TextField {...field('reference')} optional />
        <TextAreaField {...field('note')} optional />
        <SubmitButton label={t('form.submit.payment')} submitting={submission.submitting} />
      </form>
    </>
  );
}
