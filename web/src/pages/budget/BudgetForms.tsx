import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { BUDGET_FUNDS, COMMITMENT_STAGES, FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR } from '../../../../common/vocabulary/codes.ts';
import { createBudgetDecision, createBudgetShift, createCommitment } from '../../api/budget.ts';
import { getDelivery } from '../../api/deliveries.ts';
import type { BudgetDecisionInput, BudgetShiftInput, CommitmentInput } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField, TextAreaField, TextField } from '../../forms/controls.tsx';
import { DeliveryField, DUTCH_SUPPORT } from '../../forms/DeliveryField.tsx';
import { fieldId } from '../../forms/FormField.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { useFields, type FieldName } from '../../forms/useFields.ts';
import { fieldReader, refuse, yearOf, type Problems } from '../../forms/fieldReader.ts';
import { useSubmission } from '../../forms/useSubmission.ts';
import { confirmedPeriod, useWarningConfirmation, WarningConfirmation } from '../../forms/WarningConfirmation.tsx';
import { useNavigateWithNotice } from '../../state/notice.tsx';

const BUDGET_PATH = '/begroting';

/** A year typed within the register's budget years: only then are amounts asked for it; the server says why another is refused. */
const budgetYearOf = (text: string) => {
  const year = yearOf(text);
  return year !== undefined && year >= FIRST_BUDGET_YEAR && year <= LAST_BUDGET_YEAR ? year : undefined;
};

function BudgetFormPage({ heading, children }: { heading: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={heading}>{heading}</PageHeading>
      <p className="nl-paragraph">
        <Link href={BUDGET_PATH}>{t('budget.form.backToBudget')}</Link>
      </p>
      {children}
    </>
  );
}

function useFundOptions() {
  const { t } = useTranslation();
  return BUDGET_FUNDS.map((fund) => ({ value: fund, label: t(`fundingSources.${fund}`) }));
}

export function BudgetDecisionFormPage() {
  const { t } = useTranslation();
  const navigateWithNotice = useNavigateWithNotice();
  const submission = useSubmission();
  const { values, field, labels } = useFields(
    { moment: '', decidedOn: '', fund: 'internationalSecurityBudget', firstYear: '', lastYear: '', description: '' },
    submission.fieldErrors,
  );
  // A decision taken on or before the reference date of a letter sent to parliament is recorded once confirmed at its date.
  const confirmation = useWarningConfirmation(submission.warnings, values);
  const [amounts, setAmounts] = useState<Record<number, string>>({});
  const first = budgetYearOf(values.firstYear);
  const last = budgetYearOf(values.lastYear);
  const years = first !== undefined && last !== undefined && last >= first ? Array.from({ length: last - first + 1 }, (_, index) => first + index) : [];
  const filled = years.filter((year) => amounts[year]?.trim());
  const amountName = (index: number) => `amounts.${index}.amountCents`;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Problems = {};
    // Each year's amount is the field named by its place in the request.
    const fields: Record<string, string> = { ...values, ...Object.fromEntries(filled.map((year, index) => [amountName(index), amounts[year] ?? ''])) };
    const read = fieldReader(fields, problems);
    const yearAmounts = filled.map((budgetYear, index) => ({ budgetYear, amountCents: read.amount(amountName(index), true) }));
    const input: BudgetDecisionInput = {
      moment: read.required('moment'),
      decidedOn: read.required('decidedOn'),
      fund: values.fund as BudgetDecisionInput['fund'],
      firstYear: read.year('firstYear'),
      lastYear: read.year('lastYear'),
      amounts: years.length > 0 && filled.length === 0 ? refuse(problems, 'amounts', 'noYearAmount') : yearAmounts,
      description: values.description,
      ...confirmedPeriod(confirmation.codes),
    };
    // Typed: the texts, each year's amount, and no amount for any year.
    const typed: Record<string, unknown> = { ...fields, amounts: yearAmounts };
    void submission.submitRequest(problems, input, (name) => typed[name], async (request) => {
      await createBudgetDecision(request);
      navigateWithNotice(BUDGET_PATH, 'budgetDecisionAdded');
    });
  }

  const amountLabels = Object.fromEntries(filled.map((year, index) => [amountName(index), t('budget.form.amountForYear', { year })]));
  return (
    <BudgetFormPage heading={t('budget.form.decisionTitle')}>
      <form ref={submission.formRef} noValidate onSubmit={handleSubmit} className="record-form">
        <ErrorSummary
          fieldErrors={submission.fieldErrors}
          labels={{ ...labels(['moment', 'decidedOn', 'fund', 'firstYear', 'lastYear', 'description']), amounts: t('budget.form.amountsLegend'), ...amountLabels }}
          formError={submission.formError}
          refusals={submission.refusals}
        />
        <TextField {...field('moment')} hint={t('budget.form.momentHint')} />
        <TextField {...field('decidedOn')} type="date" />
        <WarningConfirmation confirmation={confirmation.at('decidedOn')} />
        <SelectField {...field('fund')} options={useFundOptions()} />
        <TextField {...field('firstYear')} inputMode="numeric" size="small" hint={t('budget.form.yearHint')} />
        <TextField {...field('lastYear')} inputMode="numeric" size="small" hint={t('budget.form.yearHint')} />
        {years.length > 0 && (
          <fieldset
            id={fieldId('amounts')}
            tabIndex={-1}
            aria-describedby={submission.fieldErrors.amounts ? `${fieldId('amounts')}-error` : undefined}
            className="utrecht-form-fieldset"
          >
            <legend className="utrecht-form-fieldset__legend">{t('budget.form.amountsLegend')}</legend>
            <p className="nl-paragraph">{t('budget.form.amountsHint')}</p>
            {submission.fieldErrors.amounts && (
              <p id={`${fieldId('amounts')}-error`} className="utrecht-form-field-error-message">
                {submission.fieldErrors.amounts}
              </p>
            )}
            {years.map((year) => {
              const index = filled.indexOf(year);
              return (
                <TextField
                  key={year}
                  name={index >= 0 ? amountName(index) : `amount-${year}`}
                  label={t('budget.form.amountForYear', { year })}
                  value={amounts[year] ?? ''}
                  error={index >= 0 ? (submission.fieldErrors[amountName(index)] ?? submission.fieldErrors[`amounts.${index}.budgetYear`]) : undefined}
                  onChange={(value) => setAmounts((previous) => ({ ...previous, [year]: value }))}
                  inputMode="decimal"
                  size="medium"
                  optional
                />
              );
            })}
          </fieldset>
        )}
        <TextAreaField {...field('description')} optional />
        <SubmitButton label={t('budget.form.submit')} submitting={submission.submitting} />
      </form>
    </BudgetFormPage>
  );
}

export function BudgetShiftFormPage() {
  const { t } = useTranslation();
  const navigateWithNotice = useNavigateWithNotice();
  const submission = useSubmission();
  const { values, field, labels } = useFields(
    { moment: '', decidedOn: '', fund: 'internationalSecurityBudget', fromYear: '', toYear: '', amountCents: '', description: '' },
    submission.fieldErrors,
  );
  const names: FieldName[] = ['moment', 'decidedOn', 'fund', 'fromYear', 'toYear', 'amountCents', 'description'];

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Problems = {};
    const read = fieldReader(values, problems);
    const input: BudgetShiftInput = {
      moment: read.required('moment'),
      decidedOn: read.required('decidedOn'),
      fund: values.fund as BudgetShiftInput['fund'],
      fromYear: read.year('fromYear'),
      toYear: read.year('toYear'),
      amountCents: read.amount('amountCents', true),
      description: values.description,
    };
    void submission.submitRequest(problems, input, (name) => values[name as keyof typeof values], async (request) => {
      await createBudgetShift(request);
      navigateWithNotice(BUDGET_PATH, 'budgetShiftAdded');
    });
  }

  return (
    <BudgetFormPage heading={t('budget.form.shiftTitle')}>
      <form ref={submission.formRef} noValidate onSubmit={handleSubmit} className="record-form">
        <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(names)} formError={submission.formError} refusals={submission.refusals} />
        <TextField {...field('moment')} hint={t('budget.form.momentHint')} />
        <TextField {...field('decidedOn')} type="date" />
        <SelectField {...field('fund')} options={useFundOptions()} />
        <TextField {...field('fromYear')} inputMode="numeric" size="small" />
        <TextField {...field('toYear')} inputMode="numeric" size="small" />
        <TextField {...field('amountCents')} inputMode="decimal" size="medium" hint={t('form.hints.amount')} />
        <TextAreaField {...field('description')} optional />
        <SubmitButton label={t('budget.form.submit')} submitting={submission.submitting} />
      </form>
    </BudgetFormPage>
  );
}

export function CommitmentFormPage() {
  const { t } = useTranslation();
  const navigateWithNotice = useNavigateWithNotice();
  const submission = useSubmission();
  const { values, setValues, field, labels } = useFields(
    { title: '', fund: 'internationalSecurityBudget', budgetYear: '', stage: 'pledged', amountCents: '', effectiveOn: '', deliveryId: '', contractReference: '', note: '' },
    submission.fieldErrors,
  );
  const names: FieldName[] = ['title', 'fund', 'budgetYear', 'stage', 'amountCents', 'effectiveOn', 'deliveryId', 'contractReference', 'note'];
  // A commitment for a delivery is made from the fund the delivery is paid from: choosing the delivery chooses it.
  useEffect(() => {
    const deliveryId = values.deliveryId;
    if (!deliveryId) return;
    const controller = new AbortController();
    getDelivery(deliveryId, controller.signal).then(
      ({ data }) => {
        const fund = BUDGET_FUNDS.find((candidate) => candidate === data.fundingSource);
        if (fund) setValues((previous) => (previous.deliveryId === deliveryId ? { ...previous, fund } : previous));
      },
      () => {},
    );
    return () => controller.abort();
  }, [values.deliveryId]);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Problems = {};
    const read = fieldReader(values, problems);
    const input: CommitmentInput = {
      title: read.required('title'),
      fund: values.fund as CommitmentInput['fund'],
      budgetYear: read.year('budgetYear'),
      stage: values.stage as CommitmentInput['stage'],
      amountCents: read.amount('amountCents', true),
      effectiveOn: read.required('effectiveOn'),
      deliveryId: values.deliveryId.trim() || null,
      contractReference: values.contractReference.trim() || null,
      note: values.note,
    };
    void submission.submitRequest(problems, input, (name) => values[name as keyof typeof values], async (request) => {
      await createCommitment(request);
      navigateWithNotice(BUDGET_PATH, 'commitmentAdded');
    });
  }

  return (
    <BudgetFormPage heading={t('budget.form.commitmentTitle')}>
      <p className="nl-paragraph">{t('budget.form.overBudgetRule')}</p>
      <form ref={submission.formRef} noValidate onSubmit={handleSubmit} className="record-form">
        <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(names)} formError={submission.formError} refusals={submission.refusals} />
        <TextField {...field('title')} />
        <SelectField {...field('fund')} options={useFundOptions()} />
        <TextField {...field('budgetYear')} inputMode="numeric" size="small" hint={t('budget.form.yearHint')} />
        <SelectField {...field('stage')} options={COMMITMENT_STAGES.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))} />
        <TextField {...field('amountCents')} inputMode="decimal" size="medium" hint={t('form.hints.amount')} />
        <TextField {...field('effectiveOn')} type="date" />
        <DeliveryField {...field('deliveryId')} filter={DUTCH_SUPPORT} noneLabel={t('budget.form.noDeliveryChosen')} hint={t('budget.form.deliveryHint')} optional />
        <TextField {...field('contractReference')} optional />
        <TextAreaField {...field('note')} optional />
        <SubmitButton label={t('budget.form.submit')} submitting={submission.submitting} />
      </form>
    </BudgetFormPage>
  );
}
