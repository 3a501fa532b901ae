import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addContribution, listProgrammes, type ContributionInput, type TrainingProgramme } from '../../api/training.ts';
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
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';

/** A count with its qualifier, as the letter says it: "circa 250", "max. 20". */
function useCountText() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (value: number | null, qualifier?: 'approximate' | 'maximum' | false) =>
    value === null ? t('common.none') : qualifier ? t(`training.${qualifier}`, { count: value.toLocaleString(language) }) : value.toLocaleString(language);
}

/** The latest contribution that counts the measure, as the letter would take it today. */
function latest<K extends keyof TrainingProgramme['contributions'][number]>(programme: TrainingProgramme, measure: K) {
  return programme.contributions.filter((contribution) => contribution[measure] !== null).at(-1);
}

export function TrainingPage() {
  const { t } = useTranslation();
  const can = useCan();
  const language = currentLanguage();
  const countText = useCountText();
  const programmes = useResource('training-programmes', (signal) => listProgrammes(signal));
  const [message, setMessage] = useState<string | null>(null);

  return (
    <>
      <PageHeading title={t('training.title')}>{t('training.title')}</PageHeading>
      <p className="nl-paragraph">{t('training.intro')}</p>
      <div role="status" className="site-notice">
        {message && <Alert type="ok">{message}</Alert>}
      </div>
      <LabelledSection heading={t('training.listHeading')}>
        {programmes.data ? (
          <DataTable
            caption={t('training.listCaption')}
            rowKey={(programme) => programme.id}
            rows={programmes.data.data.items}
            columns={[
              { key: 'name', header: t('training.columns.name'), cell: (programme) => programme.name },
              { key: 'key', header: t('training.columns.key'), cell: (programme) => <code>{programme.key}</code> },
              { key: 'host', header: t('training.columns.host'), cell: (programme) => `${programme.hostCountry} · ${t(`trainingFrameworks.${programme.framework}`)}` },
              { key: 'system', header: t('training.columns.system'), cell: (programme) => programme.systemTrainedOn ?? t('common.none') },
              {
                key: 'trainers',
                header: t('training.columns.trainers'),
                numeric: true,
                cell: (programme) => {
                  const row = latest(programme, 'trainers');
                  return countText(row?.trainers ?? null, row?.trainersIsMaximum && 'maximum');
                },
              },
              {
                key: 'trainees',
                header: t('training.columns.trainees'),
                numeric: true,
                cell: (programme) => {
                  const row = latest(programme, 'trainees');
                  return countText(row?.trainees ?? null, row?.traineesIsApproximate && 'approximate');
                },
              },
              { key: 'courses', header: t('training.columns.courses'), numeric: true, cell: (programme) => countText(latest(programme, 'courses')?.courses ?? null) },
              {
                key: 'countsUpTo',
                header: t('training.columns.countsUpTo'),
                cell: (programme) => {
                  const last = programme.contributions.at(-1);
                  return last ? formatShortDate(last.countsUpTo, language) : t('common.none');
                },
              },
            ]}
          />
        ) : (
          <ResourceStatus resource={programmes} onRetry={programmes.reload} />
        )}
      </LabelledSection>
      {can('training.write') && programmes.data && (
        <LabelledSection heading={t('training.contributionHeading')}>
          <ContributionForm
            programmes={programmes.data.data.items}
            onDone={() => {
              setMessage(t('training.contributionAdded'));
              programmes.reload();
            }}
          />
        </LabelledSection>
      )}
    </>
  );
}

interface ContributionValues {
  programmeId: string;
  periodFrom: string;
  countsUpTo: string;
  trainers: string;
  trainees: string;
  courses: string;
  note: string;
}
type ContributionField = keyof ContributionValues;
const FIELDS: ContributionField[] = ['programmeId', 'periodFrom', 'countsUpTo', 'trainers', 'trainees', 'courses', 'note'];
const COUNT_FIELDS = ['trainers', 'trainees', 'courses'] as const;

function checkContribution(values: ContributionValues): Checked<ContributionInput & { programmeId: string }, ContributionField> {
  const problems: Partial<Record<ContributionField, ClientProblem>> = {};
  for (const field of ['programmeId', 'periodFrom', 'countsUpTo'] as const) if (!values[field]) problems[field] = 'required';
  const counts: Partial<Record<(typeof COUNT_FIELDS)[number], number>> = {};
  for (const field of COUNT_FIELDS) {
    const text = values[field].trim();
    if (text === '') continue;
    if (!/^-?\d+$/.test(text)) problems[field] = 'invalidWholeNumber';
    else counts[field] = Number(text);
  }
  if (Object.keys(problems).length > 0) return { problems };
  return {
    input: {
      programmeId: values.programmeId,
      periodFrom: values.periodFrom,
      countsUpTo: values.countsUpTo,
      trainers: counts.trainers ?? null,
      trainees: counts.trainees ?? null,
      courses: counts.courses ?? null,
      note: values.note,
    },
  };
}

function ContributionForm({ programmes, onDone }: { programmes: readonly TrainingProgramme[]; onDone: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const empty: ContributionValues = { programmeId: '', periodFrom: '', countsUpTo: '', trainers: '', trainees: '', courses: '', note: '' };
  const { values, setValues, field, labels } = useFields<ContributionValues>(empty, submission.fieldErrors);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkContribution(values);
    void submission.submit(checked.problems ?? {}, async () => {
      if (!checked.input) return;
      const { programmeId, ...input } = checked.input;
      await addContribution(programmeId, input, idempotencyKey);
      setValues(empty);
      setIdempotencyKey(crypto.randomUUID());
      onDone();
    });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="record-form">
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(FIELDS)} formError={submission.formError} refusals={submission.refusals} />
      <SelectField {...field('programmeId')} options={[{ value: '', label: t('form.choose') }, ...programmes.map((programme) => ({ value: programme.id, label: programme.name }))]} />
      <TextField {...field('periodFrom')} type="date" />
      <TextField {...field('countsUpTo')} type="date" hint={t('training.countsUpToHint')} />
      {COUNT_FIELDS.map((name) => (
        <TextField key={name} {...field(name)} inputMode="numeric" size="small" optional />
      ))}
      <TextAreaField {...field('note')} optional />
      <SubmitButton label={t('training.submit')} submitting={submission.submitting} />
    </form>
  );
}
