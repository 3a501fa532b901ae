import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FITTING_VALUATION_BASES, VALUATION_BASES } from '../../../../common/vocabulary/codes.ts';
import { parseEuroAmount } from '../../../../common/money.ts';
import { fieldReader, refuse, type Problems } from '../../forms/fieldReader.ts';
import { addValuation } from '../../api/deliveries.ts';
import type { ValuationInput } from '../../api/types.ts';
import { SelectField, TextAreaField, TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFields } from '../../forms/useFields.ts';
import { useWarningConfirmation, WarningConfirmation } from '../../forms/WarningConfirmation.tsx';
import { useHistoryEntry } from '../../forms/useHistoryEntry.ts';
import type { LoadedDelivery } from './DeliveryFormFrame.tsx';
import { useSubmission } from '../../forms/useSubmission.ts';
import { useNavigateWithNotice } from '../../state/notice.tsx';
import { DeliveryFormFrame } from './DeliveryFormFrame.tsx';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { ValuationsTable } from '../delivery/MoneyHistory.tsx';

interface ValuationValues {
  amountCents: string;
  basis: string;
  effectiveDate: string;
  currency: string;
  originalAmountMinor: string;
  exchangeRate: string;
  note: string;
}
type ValuationField = keyof ValuationValues;
const FIELDS: ValuationField[] = ['amountCents', 'basis', 'effectiveDate', 'currency', 'originalAmountMinor', 'exchangeRate', 'note'];

/** An amount typed in a currency, in that currency's minor unit as the API stores it: cents, or whole yen. */
function minorUnits(text: string, currency: string): number | undefined {
  const hundredths = parseEuroAmount(text);
  if (hundredths === undefined) return undefined;
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const minor = digits >= 2 ? hundredths * 10 ** (digits - 2) : hundredths / 10 ** (2 - digits);
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/**
 * Turns what was typed into a request, noting each field the client can already tell is wrong: the request
 * carries such a field as typed, so that the server names what else is wrong in the same round.
 */
function readValuation(values: ValuationValues, problems: Problems, unfinished: readonly string[]): ValuationInput {
  const read = fieldReader(values, problems, unfinished);
  const currency = values.currency.trim().toUpperCase();
  const currencyKnown = /^[A-Z]{3}$/.test(currency);
  const exchangeRate = values.exchangeRate.trim().replace(',', '.');
  const input: ValuationInput = {
    amountCents: read.amount('amountCents', true),
    basis: read.code('basis', VALUATION_BASES),
    effectiveDate: read.required('effectiveDate'),
  };
  if (currency) input.currency = currencyKnown ? currency : refuse(problems, 'currency', 'invalidCurrency');
  if (values.originalAmountMinor.trim()) {
    input.originalAmountMinor = minorUnits(values.originalAmountMinor, currencyKnown ? currency : 'EUR') ?? refuse(problems, 'originalAmountMinor', 'invalidAmount');
  }
  if (exchangeRate) input.exchangeRate = /^\d+(\.\d+)?$/.test(exchangeRate) ? exchangeRate : refuse(problems, 'exchangeRate', 'invalidRate');
  if (values.note.trim()) input.note = values.note.trim();
  return input;
}

export function ValuationFormPage({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <DeliveryFormFrame id={id} heading={t('form.valuationTitle')}>
      {(loaded) => <ValuationForm id={id} loaded={loaded} />}
    </DeliveryFormFrame>
  );
}

function ValuationForm({ id, loaded }: { id: string; loaded: LoadedDelivery }) {
  const { t } = useTranslation();
  const navigateWithNotice = useNavigateWithNotice();
  const entry = useHistoryEntry(loaded.reload);
  const submission = useSubmission({ conflictText: entry.conflictText });
  const { values, field, labels } = useFields<ValuationValues>(
    {
      amountCents: '',
      basis: FITTING_VALUATION_BASES[loaded.delivery.supportType][0],
      effectiveDate: '',
      currency: '',
      originalAmountMinor: '',
      exchangeRate: '',
      note: '',
    },
    submission.fieldErrors,
  );
  const confirmation = useWarningConfirmation(submission.warnings, values);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Problems = {};
    const input = readValuation(values, problems, submission.unfinished());
    if (confirmation.codes.length > 0) input.confirm = confirmation.codes as ValuationInput['confirm'];
    void submission.submitRequest(problems, input, (name) => values[name as ValuationField], async (request) => {
      await entry.add(id, loaded.etag, (ifMatch) => addValuation(id, request, ifMatch));
      navigateWithNotice(`/leveringen/${id}`, 'valuationAdded');
    });
  }

  return (
    <>
      <div className="form-context">
        <ValuationsTable valuations={loaded.delivery.valuations} withdrawing={{ withdrawals: loaded.delivery.withdrawals }} />
      </div>
      <form ref={submission.formRef} noValidate onSubmit={handleSubmit} className="record-form">
        <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(FIELDS)} formError={submission.formError} refusals={submission.refusals} />
        <TextField {...field('amountCents')} inputMode="decimal" size="medium" hint={t('form.hints.amount')} />
        <SelectField {...field('basis')} options={FITTING_VALUATION_BASES[loaded.delivery.supportType].map((value) => ({ value, label: t(`valuationBases.${value}`) }))} />
        <TextField {...field('effectiveDate')} type="date" />
        <WarningConfirmation confirmation={confirmation.at('effectiveDate')} />
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset form-section" aria-describedby="foreign-currency-hint">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('form.sections.foreignCurrency')}</legend>
          <p id="foreign-currency-hint" className="utrecht-form-field-description">
            {t('form.hints.foreignCurrency')}
          </p>
          <TextField {...field('currency')} size="small" hint={t('form.hints.currency')} optional />
          <TextField {...field('originalAmountMinor')} inputMode="decimal" size="medium" optional />
          <TextField {...field('exchangeRate')} inputMode="decimal" size="small" hint={t('form.hints.exchangeRate')} optional />
        </fieldset>
        <TextAreaField {...field('note')} optional />
        <SubmitButton label={t('form.submit.valuation')} submitting={submission.submitting} />
      </form>
    </>
  );
}
