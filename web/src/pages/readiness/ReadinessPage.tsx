import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { READINESS_EFFECTS } from '../../../../common/vocabulary/codes.ts';
import { getReadiness, judgeReadiness, type DeliveryReadiness, type JudgementInput } from '../../api/readiness.ts';
import { Alert } from '../../components/Alert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { SelectField, TextAreaField, TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { useFields } from '../../forms/useFields.ts';
import { useSubmission, type Checked, type ClientProblem } from '../../forms/useSubmission.ts';
import { formatShortDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';

export function ReadinessPage() {
  const { t } = useTranslation();
  const can = useCan();
  const language = currentLanguage();
  const readiness = useResource('readiness', (signal) => getReadiness(signal));
  const [message, setMessage] = useState<string | null>(null);
  const overview = readiness.data?.data;

  return (
    <>
      <PageHeading title={t('readiness.title')}>{t('readiness.title')}</PageHeading>
      <p className="nl-paragraph">{t('readiness.intro')}</p>
      <div role="status" className="site-notice">
        {message && <Alert type="ok">{message}</Alert>}
      </div>
      {overview ? (
        <>
          <LabelledSection heading={t('readiness.deliveriesHeading')}>
            <DataTable
              caption={t('readiness.deliveriesCaption')}
              rowKey={(delivery) => delivery.id}
              rows={overview.deliveries}
              columns={[
                { key: 'title', header: t('readiness.columns.delivery'), cell: (delivery) => delivery.title },
                { key: 'value', header: t('readiness.columns.value'), numeric: true, cell: (delivery) => formatEuro(delivery.currentValueCents, language) },
                {
                  key: 'effect',
                  header: t('readiness.columns.effect'),
                  cell: (delivery) => {
                    const last = delivery.judgements.at(-1);
                    return last ? `${t(`readinessEffects.${last.effect}`)} (${formatShortDate(last.judgedOn, language)}, ${last.judgedByName})` : t('readiness.notJudged');
                  },
                },
                { key: 'history', header: t('readiness.columns.history'), numeric: true, cell: (delivery) => delivery.judgements.length },
                { key: 'replaced', header: t('readiness.columns.replaced'), numeric: true, cell: (delivery) => formatEuro(delivery.replacedValueCents, language) },
                { key: 'notReplaced', header: t('readiness.columns.notReplaced'), numeric: true, cell: (delivery) => delivery.nonReplacements.length },
              ]}
            />
          </LabelledSection>
          <LabelledSection heading={t('readiness.projectsHeading')}>
            <DataTable
              caption={t('readiness.projectsCaption')}
              rowKey={(project) => project.id}
              rows={overview.projects}
              columns={[
                { key: 'name', header: t('readiness.columns.project'), cell: (project) => project.name },
                { key: 'stage', header: t('readiness.columns.stage'), cell: (project) => t(`replenishmentStages.${project.stage}`) },
                {
                  key: 'replaces',
                  header: t('readiness.columns.replacesValue'),
                  numeric: true,
                  cell: (project) => formatEuro(project.replaces.reduce((sum, replacement) => sum + replacement.replacedValueCents, 0), language),
                },
                { key: 'budget', header: t('readiness.columns.budget'), numeric: true, cell: (project) => (project.budgetCents === null ? t('common.none') : formatEuro(project.budgetCents, language)) },
                { key: 'expected', header: t('readiness.columns.expectedOn'), cell: (project) => (project.expectedOn ? formatShortDate(project.expectedOn, language) : t('common.none')) },
              ]}
            />
          </LabelledSection>
          {can('readiness.write') && (
            <LabelledSection heading={t('readiness.judgeHeading')}>
              <JudgementForm
                deliveries={overview.deliveries}
                onDone={() => {
                  setMessage(t('readiness.judged'));
                  readiness.reload();
                }}
              />
            </LabelledSection>
          )}
        </>
      ) : (
        <ResourceStatus resource={readiness} onRetry={readiness.reload} />
      )}
    </>
  );
}

interface JudgementValues {
  deliveryId: string;
  effect: string;
  reasoning: string;
  judgedOn: string;
}
type JudgementField = keyof JudgementValues;
const FIELDS: JudgementField[] = ['deliveryId', 'effect', 'reasoning', 'judgedOn'];

function checkJudgement(values: JudgementValues): Checked<JudgementInput & { deliveryId: string }, JudgementField> {
  const problems: Partial<Record<JudgementField, ClientProblem>> = {};
  for (const field of FIELDS) if (!values[field].trim()) problems[field] = 'required';
  const effect = READINESS_EFFECTS.find((candidate) => candidate === values.effect);
  if (Object.keys(problems).length > 0 || !effect) return { problems };
  return { input: { deliveryId: values.deliveryId, effect, reasoning: values.reasoning, judgedOn: values.judgedOn } };
}

function JudgementForm({ deliveries, onDone }: { deliveries: readonly DeliveryReadiness[]; onDone: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const empty: JudgementValues = { deliveryId: '', effect: '', reasoning: '', judgedOn: '' };
  const { values, setValues, field, labels } = useFields<JudgementValues>(empty, submission.fieldErrors);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkJudgement(values);
    void submission.submit(checked.problems ?? {}, async () => {
      if (!checked.input) return;
      const { deliveryId, ...input } = checked.input;
      await judgeReadiness(deliveryId, input, idempotencyKey);
      setValues(empty);
      setIdempotencyKey(crypto.randomUUID());
      onDone();
    });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="record-form">
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(FIELDS)} formError={submission.formError} refusals={submission.refusals} />
      <SelectField {...field('deliveryId')} options={[{ value: '', label: t('form.choose') }, ...deliveries.map((delivery) => ({ value: delivery.id, label: delivery.title }))]} />
      <SelectField {...field('effect')} options={[{ value: '', label: t('form.choose') }, ...READINESS_EFFECTS.map((effect) => ({ value: effect, label: t(`readinessEffects.${effect}`) }))]} />
      <TextAreaField {...field('reasoning')} />
      <TextField {...field('judgedOn')} type="date" />
      <SubmitButton label={t('readiness.submit')} submitting={submission.submitting} />
    </form>
  );
}
