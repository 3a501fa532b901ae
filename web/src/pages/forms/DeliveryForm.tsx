import { Fragment, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, FUNDING_SOURCES, SUPPORT_TYPES } from '../../../../common/vocabulary/codes.ts';
import { isRealisedByPayment } from '../../../../common/delivery-rules.ts';
import type { DeliveryRegistration } from '../../api/types.ts';
import { SelectField, TextAreaField, TextField, type Option } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFields } from '../../forms/useFields.ts';
import { useSubmission } from '../../forms/useSubmission.ts';
import { FIELD_NAMES, LIFECYCLE_FIELDS, readDelivery, textsByField, type DeliveryValues } from './deliveryValues.ts';
import type { Problems } from '../../forms/fieldReader.ts';
import { SourcesFieldset } from './SourcesFieldset.tsx';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { useWarningConfirmation, WarningConfirmation } from '../../forms/WarningConfirmation.tsx';

/** Procurement and fund contributions are realised by their first payment, never by a typed date. */
function isPaymentType(supportType: string): boolean {
  const known = SUPPORT_TYPES.find((type) => type === supportType);
  return known !== undefined && isRealisedByPayment(known);
}

interface DeliveryFormProps {
  initial: DeliveryValues;
  submitLabel: string;
  /** Sends the delivery, with the codes of the warnings confirmed for what it holds in its `confirm` (left out while none). */
  onSubmit: (request: DeliveryRegistration) => Promise<void>;
  /** Shown when the server says someone else changed the delivery meanwhile. */
  conflictNotice?: ReactNode;
}

export function DeliveryForm({ initial, submitLabel, onSubmit, conflictNotice }: DeliveryFormProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const errors = submission.fieldErrors;
  const { values, setValues, field, labels: fieldLabels } = useFields(initial, errors);
  const confirmation = useWarningConfirmation(submission.warnings, values);
  const choices = (options: Option[]): Option[] => [{ value: '', label: t('form.choose') }, ...options];

  const labels = fieldLabels(FIELD_NAMES);
  values.sources.forEach((_, index) => {
    const source = t('form.source', { number: index + 1 });
    labels[`sources.${index}.description`] = `${source}, ${t('fields.sourceDescription').toLowerCase()}`;
    labels[`sources.${index}.url`] = `${source}, ${t('fields.sourceUrl').toLowerCase()}`;
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Problems = {};
    const input = readDelivery(values, problems, submission.unfinished());
    const texts = textsByField(values);
    const confirmed = confirmation.codes.length > 0 ? { confirm: confirmation.codes as DeliveryRegistration['confirm'] } : {};
    void submission.submitRequest(problems, input, (name) => texts[name], (request) => onSubmit({ ...request, ...confirmed }));
  }

  return (
    <form ref={submission.formRef} noValidate onSubmit={handleSubmit} className="record-form">
      <ErrorSummary fieldErrors={errors} labels={labels} formError={submission.formError} refusals={submission.refusals}>
        {/* Keyed by the refusal, so a second conflict shows what changed by then. */}
        {submission.conflict && <Fragment key={submission.refusals}>{conflictNotice}</Fragment>}
      </ErrorSummary>

      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset form-section">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('form.sections.about')}</legend>
        <TextField {...field('title')} hint={t('form.hints.title')} />
        <TextField {...field('publicTitle')} hint={t('form.hints.publicTitle')} optional />
        <TextAreaField {...field('description')} optional />
        <div className="form-row">
          <TextField {...field('quantity')} inputMode="numeric" size="small" optional />
          <TextField {...field('unit')} size="medium" optional />
        </div>
      </fieldset>

      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset form-section">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('form.sections.classification')}</legend>
        <SelectField {...field('category')} options={choices(CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) })))} />
        <SelectField
          {...field('supportType')}
          onChange={(supportType) =>
            setValues((previous) => ({
              ...previous,
              supportType,
              realisedAt: isPaymentType(supportType) ? initial.realisedAt : previous.realisedAt,
            }))
          }
          options={choices(SUPPORT_TYPES.map((value) => ({ value, label: t(`supportTypes.${value}`) })))}
        />
        <WarningConfirmation confirmation={confirmation.at('supportType')} label={t('form.recordAnywayCountedOtherwise')} />
        <SelectField
          {...field('fundingSource')}
          hint={t('form.hints.fundingSource')}
          options={choices(FUNDING_SOURCES.map((value) => ({ value, label: t(`fundingSources.${value}`) })))}
        />
        <WarningConfirmation confirmation={confirmation.at('fundingSource')} label={t('form.recordAnywayCountedOtherwise')} />
      </fieldset>

      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset form-section" aria-describedby="lifecycle-hint">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('form.sections.lifecycle')}</legend>
        <p id="lifecycle-hint" className="utrecht-form-field-description">
          {t('form.hints.lifecycle')}
        </p>
        <div className="form-grid">
          {LIFECYCLE_FIELDS.map((name) =>
            name === 'realisedAt' && isPaymentType(values.supportType) ? (
              <TextField key={name} {...field(name)} type="date" readOnly hint={t('form.hints.realisedByPayment')} />
            ) : (
              <TextField key={name} {...field(name)} type="date" optional />
            ),
          )}
        </div>
        <WarningConfirmation confirmation={confirmation.at('realisedAt')} />
      </fieldset>

      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset form-section">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('form.sections.procurement')}</legend>
        <TextField {...field('company')} optional />
        <TextField {...field('contractReference')} optional />
      </fieldset>

      <SourcesFieldset
        sources={values.sources}
        errors={errors}
        onChange={(sources) => setValues((previous) => ({ ...previous, sources }))}
      />

      <SubmitButton label={submitLabel} submitting={submission.submitting} />
    </form>
  );
}
