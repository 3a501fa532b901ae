import { useTranslation } from 'react-i18next';
import { FUNDING_SOURCES, TRAINING_FRAMEWORKS } from '../../../../common/vocabulary/codes.ts';
import { addContribution, createProgramme, replaceProgramme, type TrainingProgramme } from '../../api/training.ts';
import type { FieldDescription } from '../../forms/DescribedField.tsx';
import { deliveryLinkFields, type DeliveryLinkField } from '../../forms/deliveryLinkFields.ts';
import { RecordForm } from '../../forms/RecordForm.tsx';
import { confirmedPeriod } from '../../forms/WarningConfirmation.tsx';
import type { training as trainingWords } from '../../i18n/nl/training.ts';
import type { HistoryEntry } from '../../forms/useHistoryEntry.ts';
import { versionTag } from '../../api/client.ts';

/** The label of a training form's field, named as the API names it (so that its refusals land there). */
function useTrainingWords() {
  const { t } = useTranslation();
  return { t, label: (word: keyof typeof trainingWords.fields) => t(`training.fields.${word}`) };
}

/** A programme being changed, at the version its ETag names, and a way to load its latest version. */
interface Changing {
  programme: TrainingProgramme;
  etag: string;
  reload: () => void;
}

type ProgrammeField = 'name' | 'key' | 'hostCountry' | 'framework' | 'systemTrainedOn' | 'description' | DeliveryLinkField;

/**
 * A programme, new or changed: the letter names it by its short name, and it may train for deliveries in
 * the register, each in a field of its own (deliveryLinkFields).
 */
export function ProgrammeForm({ changing, onDone }: { changing?: Changing; onDone: () => void }) {
  const { t, label } = useTrainingWords();
  const programme = changing?.programme;
  const deliveries = deliveryLinkFields<ProgrammeField>({
    linked: programme?.deliveryIds ?? [],
    label: (number) => t('training.programmeForm.deliveryNumbered', { number }),
    noneLabel: t('training.programmeForm.noDelivery'),
    unlinkHint: t('training.programmeForm.unlinkHint'),
  });
  const fields: Record<ProgrammeField, FieldDescription<ProgrammeField>> = {
    name: { label: label('name'), initial: programme?.name },
    key: { label: label('key'), size: 'small', hint: t('training.programmeForm.keyHint'), initial: programme?.key },
    hostCountry: { label: label('hostCountry'), size: 'small', hint: t('training.programmeForm.hostCountryHint'), initial: programme?.hostCountry },
    framework: {
      label: label('framework'),
      control: 'select',
      options: [{ value: '', label: t('form.choose') }, ...TRAINING_FRAMEWORKS.map((framework) => ({ value: framework, label: t(`trainingFrameworks.${framework}`) }))],
      initial: programme?.framework,
    },
    systemTrainedOn: { label: label('systemTrainedOn'), optional: true, hint: t('training.programmeForm.systemHint'), initial: programme?.systemTrainedOn ?? undefined },
    ...deliveries.fields,
    description: { label: label('description'), control: 'textarea', optional: true, initial: programme?.description },
  };
  return (
    <RecordForm
      legend={changing ? undefined : t('training.programmeForm.legend')}
      doneText={changing ? t('notices.updated') : t('training.programmeForm.done')}
      submitLabel={changing ? t('form.submit.edit') : t('training.programmeForm.submit')}
      conflictText={t('training.programmeForm.conflict')}
      onReload={changing?.reload}
      fields={fields}
      read={(read) => {
        const system = read.text('systemTrainedOn').trim();
        return {
          name: read.required('name'),
          key: read.required('key').trim(),
          hostCountry: read.country('hostCountry'),
          framework: read.code('framework', TRAINING_FRAMEWORKS),
          systemTrainedOn: system || null,
          description: read.text('description'),
          deliveryIds: deliveries.chosen(read.text),
        };
      }}
      send={(input, key) => (changing ? replaceProgramme(changing.programme.id, input, changing.etag) : createProgramme(input, key))}
      onRecorded={onDone}
    />
  );
}

/**
 * A count of a programme up to a date, with everything the letter can say of it: a ceiling of trainers
 * ("maximaal 20"), an estimate of trainees ("circa 250"), rotations, and an estimated cost with its funding.
 * Counted up to a date in the period of a letter sent to parliament, it is recorded only once the box at that
 * date confirms it is meant.
 */
export function ContributionForm({ programmes, entry, onDone }: { programmes: readonly TrainingProgramme[]; entry: HistoryEntry; onDone: () => void }) {
  const { t, label } = useTrainingWords();
  const qualifier = (exact: string, qualified: string) => ({
    control: 'select' as const,
    options: [
      { value: 'exact', label: exact },
      { value: 'qualified', label: qualified },
    ],
    initial: 'exact',
  });
  return (
    <RecordForm
      legend={t('training.contributionForm.legend')}
      doneText={t('training.contributionForm.done')}
      submitLabel={t('training.contributionForm.submit')}
      conflictText={entry.conflictText}
      fields={{
        programmeId: { label: label('programmeId'), control: 'select', options: [{ value: '', label: t('form.choose') }, ...programmes.map((programme) => ({ value: programme.id, label: programme.name }))] },
        periodFrom: { label: label('periodFrom'), control: 'date' },
        periodTo: { label: label('periodTo'), control: 'date', optional: true, hint: t('training.contributionForm.periodToHint') },
        countsUpTo: { label: label('countsUpTo'), control: 'date', hint: t('training.contributionForm.countsUpToHint') },
        trainers: { label: label('trainers'), control: 'count', optional: true },
        trainersIsMaximum: { label: label('trainersIsMaximum'), ...qualifier(t('training.contributionForm.exact'), t('training.contributionForm.maximum')), shownWhen: (values) => values.trainers.trim() !== '' },
        trainees: { label: label('trainees'), control: 'count', optional: true },
        traineesIsApproximate: { label: label('traineesIsApproximate'), ...qualifier(t('training.contributionForm.exact'), t('training.contributionForm.approximate')), shownWhen: (values) => values.trainees.trim() !== '' },
        courses: { label: label('courses'), control: 'count', optional: true },
        rotations: { label: label('rotations'), control: 'count', optional: true },
        soldiersPerRotation: { label: label('soldiersPerRotation'), control: 'count', optional: true },
        costEstimateCents: { label: label('costEstimate'), control: 'amount', optional: true, hint: t('training.contributionForm.costHint') },
        fundingSource: {
          label: label('fundingSource'),
          control: 'select',
          options: [{ value: '', label: t('form.choose') }, ...FUNDING_SOURCES.map((source) => ({ value: source, label: t(`fundingSources.${source}`) }))],
          shownWhen: (values) => values.costEstimateCents.trim() !== '',
        },
        note: { label: label('note'), control: 'textarea', optional: true },
      }}
      read={(read) => {
        const trainers = read.wholeNumber('trainers');
        const trainees = read.wholeNumber('trainees');
        const costEstimateCents = read.amount('costEstimateCents');
        return {
          programmeId: read.required('programmeId'),
          periodFrom: read.required('periodFrom'),
          periodTo: read.text('periodTo') || null,
          countsUpTo: read.required('countsUpTo'),
          trainers,
          trainersIsMaximum: trainers !== null && read.text('trainersIsMaximum') === 'qualified',
          trainees,
          traineesIsApproximate: trainees !== null && read.text('traineesIsApproximate') === 'qualified',
          courses: read.wholeNumber('courses'),
          rotations: read.wholeNumber('rotations'),
          soldiersPerRotation: read.wholeNumber('soldiersPerRotation'),
          costEstimateCents,
          fundingSource: costEstimateCents === null ? null : read.code('fundingSource', FUNDING_SOURCES),
          note: read.text('note'),
        };
      }}
      send={({ programmeId, ...contribution }, key, confirmed) => {
        const version = versionTag(programmes.find((programme) => programme.id === programmeId)?.contributionsVersion ?? 0);
        return entry.add(programmeId, version, (ifMatch) => addContribution(programmeId, { ...contribution, ...confirmedPeriod(confirmed) }, key, ifMatch));
      }}
      onRecorded={onDone}
    />
  );
}
