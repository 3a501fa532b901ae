import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, CONFIDENTIALITY_GROUNDS, REALISED_DATE_PRECISIONS, type Category } from '../../../../common/vocabulary/codes.ts';
import { decideDisclosure, type DecisionRequest, type DisclosureDecision } from '../../api/disclosure.ts';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFields } from '../../forms/useFields.ts';
import { fieldReader, type Problems } from '../../forms/fieldReader.ts';
import { useSubmission } from '../../forms/useSubmission.ts';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import type { ShownHistory } from '../../forms/useHistoryEntry.ts';

/** What the form needs to know of a delivery to propose what the public may read of it. */
interface DecisionSubject {
  id: string;
  title: string;
  publicTitle: string | null;
  category: Category;
  quantity: number | null;
  unit: string | null;
}

interface DecisionValues {
  state: string;
  publicTitle: string;
  publicDetail: string;
  publicCategory: string;
  publicQuantity: string;
  publicRealisedDate: string;
  publicValue: string;
  publicFrom: string;
  ground: string;
  reviewOn: string;
  note: string;
}
type DecisionField = keyof DecisionValues;
const FIELDS: DecisionField[] = ['state', 'publicTitle', 'publicDetail', 'publicCategory', 'publicQuantity', 'publicRealisedDate', 'publicValue', 'publicFrom', 'ground', 'reviewOn', 'note'];

/**
 * A proposal from the register: for one delivery public now, what the public reads of it now (so that deciding
 * again changes only what the officer changes); for another one its own title, category and quantity; for
 * several, what they share.
 */
function proposal(deliveries: readonly DecisionSubject[], current: DisclosureDecision | undefined): DecisionValues {
  const [only] = deliveries.length === 1 ? deliveries : [];
  const categories = new Set(deliveries.map((delivery) => delivery.category));
  const [category] = categories.size === 1 ? categories : [];
  if (only && current?.state === 'public') {
    return {
      ...proposal(deliveries, undefined),
      publicTitle: current.publicTitle ?? '',
      publicDetail: current.publicDetail ?? '',
      publicCategory: current.publicCategory ?? '',
      publicQuantity: current.publicQuantity ?? '',
      publicRealisedDate: current.realisedDatePrecision ?? '',
      publicValue: current.publicValueCents === null ? '' : 'public',
      publicFrom: current.publicFrom ?? '',
    };
  }
  return {
    state: '',
    publicTitle: only ? (only.publicTitle ?? only.title) : '',
    publicDetail: '',
    publicCategory: category ?? '',
    publicQuantity: only && only.quantity !== null ? [only.quantity, only.unit].filter(Boolean).join(' ') : '',
    publicRealisedDate: '',
    publicValue: '',
    publicFrom: '',
    ground: '',
    reviewOn: '',
    note: '',
  };
}

/**
 * The request the form's text gives, each field it refuses noted and read as its mark, so that the request is
 * sent with it as typed (a date typed in part as empty) and the server names the others' faults in the same round.
 */
function readDecision(ids: string[], values: DecisionValues, problems: Problems, unfinished: readonly string[]): DecisionRequest {
  const read = fieldReader(values, problems, unfinished);
  const note = values.note.trim() || undefined;
  const state = read.code('state', ['public', 'confidential'] as const);
  if (state === 'public') {
    return {
      deliveryIds: ids,
      state,
      publicTitle: read.required('publicTitle'),
      publicDetail: values.publicDetail.trim(),
      publicCategory: read.code('publicCategory', CATEGORIES),
      publicQuantity: values.publicQuantity.trim() || null,
      publicRealisedDate: REALISED_DATE_PRECISIONS.find((precision) => precision === values.publicRealisedDate) ?? null,
      publicValue: values.publicValue === 'public',
      publicFrom: read.text('publicFrom') || null,
      note,
    };
  }
  if (state === 'confidential') return { deliveryIds: ids, state, ground: read.code('ground', CONFIDENTIALITY_GROUNDS), reviewOn: read.text('reviewOn') || null, note };
  return { deliveryIds: ids, state, note };
}

interface DecisionFormProps {
  deliveries: readonly DecisionSubject[];
  /** The latest decision on the one delivery, if any. */
  current?: DisclosureDecision | undefined;
  /** For one delivery: the version of its decisions the page shows, on which the decision is taken. */
  history?: ShownHistory;
  onDecided: (count: number) => void;
}

/**
 * One decision for the deliveries given, all or none: public, with what the public may read of them,
 * or confidential, with the ground and when to look at it again.
 */
export function DecisionForm({ deliveries, current, history, onDecided }: DecisionFormProps) {
  const { t } = useTranslation();
  const submission = useSubmission({ conflictText: history?.entry.conflictText });
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { values, field, labels } = useFields<DecisionValues>(proposal(deliveries, current), submission.fieldErrors);
  const several = deliveries.length > 1;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Problems = {};
    const input = readDecision(
      deliveries.map((delivery) => delivery.id),
      values,
      problems,
      submission.unfinished(),
    );
    void submission.submitRequest(problems, input, (name) => values[name as DecisionField], async (request) => {
      const [only] = deliveries;
      const { data } =
        history && only
          ? await history.entry.add(only.id, history.etag, (ifMatch) => decideDisclosure(request, idempotencyKey, ifMatch))
          : await decideDisclosure(request, idempotencyKey);
      onDecided(data.items.length);
    });
  }

  return (
    <form ref={submission.formRef} noValidate onSubmit={handleSubmit} className="record-form decision-form">
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(FIELDS)} formError={submission.formError} refusals={submission.refusals} />
      {several && (
        <ul className="utrecht-unordered-list decision-form__subjects" aria-label={t('disclosure.form.subjects')}>
          {deliveries.map((delivery) => (
            <li key={delivery.id} className="utrecht-unordered-list__item">
              {delivery.title}
            </li>
          ))}
        </ul>
      )}
      <RadioGroupField
        {...field('state')}
        options={[
          { value: 'public', label: t('disclosureStates.public') },
          { value: 'confidential', label: t('disclosureStates.confidential') },
        ]}
      />
      {values.state === 'public' && (
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset form-section">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('disclosure.form.publicLegend')}</legend>
          <p className="utrecht-form-field-description">{t(several ? 'disclosure.form.publicHintSeveral' : 'disclosure.form.publicHint')}</p>
          <TextField {...field('publicTitle')} />
          <TextAreaField {...field('publicDetail')} hint={t('disclosure.form.publicDetailHint')} optional />
          <SelectField
            {...field('publicCategory')}
            options={[{ value: '', label: t('form.choose') }, ...CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }))]}
          />
          <TextField {...field('publicQuantity')} size="medium" hint={t('disclosure.form.publicQuantityHint')} optional />
          <SelectField
            {...field('publicRealisedDate')}
            options={[
              { value: '', label: t('disclosure.form.realisedDateHidden') },
              ...REALISED_DATE_PRECISIONS.map((value) => ({ value, label: t(`disclosure.form.realisedDate.${value}`) })),
            ]}
          />
          <SelectField
            {...field('publicValue')}
            options={[
              { value: '', label: t('disclosure.form.valueHidden') },
              { value: 'public', label: t('disclosure.form.valuePublic') },
            ]}
          />
          <TextField {...field('publicFrom')} type="date" hint={t('disclosure.form.publicFromHint')} optional />
        </fieldset>
      )}
      {values.state === 'confidential' && (
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset form-section">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('disclosure.form.confidentialLegend')}</legend>
          <SelectField
            {...field('ground')}
            options={[{ value: '', label: t('form.choose') }, ...CONFIDENTIALITY_GROUNDS.map((value) => ({ value, label: t(`confidentialityGrounds.${value}`) }))]}
          />
          <TextField {...field('reviewOn')} type="date" hint={t('disclosure.form.reviewOnHint')} optional />
        </fieldset>
      )}
      <TextAreaField {...field('note')} hint={t('disclosure.form.noteHint')} optional />
      <SubmitButton label={t('disclosure.form.submit', { count: deliveries.length })} submitting={submission.submitting} />
    </form>
  );
}
