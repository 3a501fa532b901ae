import { useTranslation } from 'react-i18next';
import { todayInAmsterdam } from '../../../../common/dates.ts';
import { FITTING_VALUATION_BASES, READINESS_EFFECTS, REPLENISHMENT_STAGES, VALUATION_BASES } from '../../../../common/vocabulary/codes.ts';
import { createProject, decideNotToReplace, judgeReadiness, updateProject, type ProjectInput, type ReplenishmentProject } from '../../api/readiness.ts';
import type { FieldReader } from '../../forms/fieldReader.ts';
import { RecordForm } from '../../forms/RecordForm.tsx';
import { confirmedPeriod } from '../../forms/WarningConfirmation.tsx';
import type { ShownHistory } from '../../forms/useHistoryEntry.ts';
import type { readiness as readinessWords } from '../../i18n/nl/readiness.ts';

/**
 * The readiness words the forms share: the label of a field (named as the API names it, so that its
 * refusals land there), the choice that is no choice yet, and the stages to choose from.
 */
function useReadinessWords() {
  const { t } = useTranslation();
  const choose = { value: '', label: t('form.choose') };
  return {
    t,
    label: (word: keyof typeof readinessWords.fields) => t(`readiness.fields.${word}`),
    choose,
    stageOptions: REPLENISHMENT_STAGES.map((stage) => ({ value: stage, label: t(`replenishmentStages.${stage}`) })),
  };
}

/** A form that adds to one stock delivery's readiness history (judgements and decisions not to replace), at the version the page shows. */
interface DeliveryFormProps extends ShownHistory {
  deliveryId: string;
  onDone: () => void;
}

/** A judgement of a delivery's effect on readiness; one the letter sent to parliament showed at its date is recorded once the box at that date confirms it. */
export function JudgementForm({ deliveryId, etag, entry, onDone }: DeliveryFormProps) {
  const { t, label, choose } = useReadinessWords();
  return (
    <RecordForm
      doneText={t('readiness.judged')}
      submitLabel={t('readiness.submit')}
      conflictText={entry.conflictText}
      fields={{
        effect: { label: label('effect'), control: 'select', options: [choose, ...READINESS_EFFECTS.map((effect) => ({ value: effect, label: t(`readinessEffects.${effect}`) }))] },
        reasoning: { label: label('reasoning'), control: 'textarea' },
        judgedOn: { label: label('judgedOn'), control: 'date' },
      }}
      read={(read) => ({ effect: read.code('effect', READINESS_EFFECTS), reasoning: read.required('reasoning'), judgedOn: read.required('judgedOn') })}
      send={(judgement, key, confirmed) => entry.add(deliveryId, etag, (ifMatch) => judgeReadiness(deliveryId, { ...judgement, ...confirmedPeriod(confirmed) }, key, ifMatch))}
      onRecorded={onDone}
    />
  );
}

/**
 * A new replenishment project. Recorded with a stock delivery, it replaces the part of that delivery
 * given (at most what was delivered); recorded without one, it replaces nothing yet. One that the annex of the
 * letter sent to parliament showed at its date is recorded once the box at `asOf` confirms it.
 */
export function ProjectForm({ deliveryId, onDone }: { deliveryId?: string; onDone: () => void }) {
  const { t, label, stageOptions } = useReadinessWords();
  const project = {
    name: { label: label('name') },
    stage: { label: label('stage'), control: 'select', options: stageOptions, initial: REPLENISHMENT_STAGES[0] },
    asOf: { label: label('asOf'), control: 'date', initial: todayInAmsterdam(), hint: t('readiness.projectForm.asOfHint') },
    budgetCents: { label: label('budget'), control: 'amount', optional: true, hint: t('form.hints.amount') },
    expectedOn: { label: label('expectedOn'), control: 'date', optional: true },
  } as const;
  const note = { label: label('note'), control: 'textarea', optional: true } as const;
  const readProject = (read: FieldReader<keyof typeof project | 'note'>) => ({
    name: read.required('name'),
    stage: read.code('stage', REPLENISHMENT_STAGES),
    budgetCents: read.amount('budgetCents'),
    expectedOn: read.text('expectedOn') || null,
    note: read.text('note'),
    asOf: read.required('asOf'),
  });
  const form = {
    doneText: t('readiness.projectForm.done'),
    submitLabel: t('readiness.projectForm.submit'),
    send: (input: ProjectInput, key: string, confirmed: readonly string[]) => createProject({ ...input, ...confirmedPeriod(confirmed) }, key),
    onRecorded: onDone,
  };
  if (!deliveryId) return <RecordForm {...form} legend={t('readiness.projectForm.legend')} fields={{ ...project, note }} read={(read) => ({ ...readProject(read), replaces: [] })} />;
  return (
    <RecordForm
      {...form}
      legend={t('readiness.projectForm.legendReplacing')}
      fields={{
        ...project,
        'replaces.0.replacedValueCents': { label: label('replacedValue'), control: 'amount', hint: t('readiness.projectForm.replacedValueHint') },
        'replaces.0.replacedQuantity': { label: label('replacedQuantity'), control: 'count', optional: true },
        note,
      }}
      read={(read) => ({
        ...readProject(read),
        replaces: [{ deliveryId, replacedValueCents: read.amount('replaces.0.replacedValueCents', true), replacedQuantity: read.wholeNumber('replaces.0.replacedQuantity') }],
      })}
    />
  );
}

/** The expected date a change of stage keeps when none is typed: not one after the day a delivered project came. */
function keptExpectedOn(expectedOn: string | null, stage: string, asOf: string): string | null {
  return stage === 'delivered' && expectedOn !== null && expectedOn > asOf ? null : expectedOn;
}

/**
 * A project's next stage, the day it holds from, the expected date and, going back, the reason; the rest of the project
 * stays as it is. A stage the annex of the letter sent to parliament showed at its date is recorded once the box at
 * `asOf` confirms it.
 */
export function ProjectStageForm({ projects, onDone }: { projects: readonly ReplenishmentProject[]; onDone: () => void }) {
  const { t, label, choose, stageOptions } = useReadinessWords();
  return (
    <RecordForm
      legend={t('readiness.stageForm.legend')}
      conflictText={t('readiness.stageForm.conflict')}
      doneText={t('readiness.stageForm.done')}
      submitLabel={t('readiness.stageForm.submit')}
      fields={{
        projectId: { label: label('projectId'), control: 'select', options: [choose, ...projects.map((project) => ({ value: project.id, label: `${project.name} (${t(`replenishmentStages.${project.stage}`)})` }))] },
        stage: { label: label('stage'), control: 'select', options: [choose, ...stageOptions] },
        asOf: { label: label('asOf'), control: 'date', initial: todayInAmsterdam(), hint: t('readiness.stageForm.asOfHint') },
        expectedOn: { label: label('expectedOn'), control: 'date', optional: true },
        reason: { label: label('reason'), control: 'textarea', optional: true, hint: t('readiness.stageForm.reasonHint') },
      }}
      read={(read) => {
        const project = projects.find((candidate) => candidate.id === read.required('projectId'));
        const stage = read.code('stage', REPLENISHMENT_STAGES);
        const asOf = read.required('asOf');
        const expectedOn = read.text('expectedOn');
        const reason = read.text('reason');
        if (!project) return { project };
        const { id: _id, version: _version, isDemonstration: _demonstration, history: _history, ...unchanged } = project;
        return { project, change: { ...unchanged, stage, asOf, reason, expectedOn: expectedOn || keptExpectedOn(project.expectedOn, stage, asOf) } };
      }}
      send={async ({ project, change }, _key, confirmed) => {
        if (!project || !change) return;
        try {
          await updateProject(project, { ...change, ...confirmedPeriod(confirmed) });
        } finally {
          // Also after a refusal: someone else may have changed the project, and the list shows it now.
          onDone();
        }
      }}
    />
  );
}

/**
 * A decision not to replace (part of) a delivery, with its reason. When the delivery's value changes
 * basis with it (the 2023 restatement: Bofors 40L70 valued at book value), the revaluation and the date
 * it holds from; a letter already sent for a later date then shows a restatement, which is recorded only
 * once the box at that date confirms it is meant.
 */
export function NonReplacementForm({ deliveryId, etag, entry, onDone }: DeliveryFormProps) {
  const { t, label } = useReadinessWords();
  return (
    <RecordForm
      legend={t('readiness.nonReplacementForm.legend')}
      doneText={t('readiness.nonReplacementForm.done')}
      submitLabel={t('readiness.nonReplacementForm.submit')}
      conflictText={entry.conflictText}
      fields={{
        decidedOn: { label: label('decidedOn'), control: 'date' },
        reason: { label: label('reason'), control: 'textarea' },
        'revaluation.amountCents': { label: label('revaluedAmount'), control: 'amount', optional: true, hint: t('form.hints.amount'), intro: t('readiness.nonReplacementForm.revaluationIntro') },
        'revaluation.basis': { label: label('basis'), control: 'select', options: FITTING_VALUATION_BASES.stock.map((basis) => ({ value: basis, label: t(`valuationBases.${basis}`) })), initial: 'bookValue' },
        'revaluation.effectiveDate': { label: label('effectiveDate'), control: 'date', optional: true, hint: t('readiness.nonReplacementForm.effectiveDateHint') },
      }}
      read={(read) => {
        const effectiveDate = read.text('revaluation.effectiveDate');
        const amountCents = read.amount('revaluation.amountCents', effectiveDate !== '');
        return {
          decidedOn: read.required('decidedOn'),
          reason: read.required('reason'),
          revaluation: amountCents === null ? null : { amountCents, basis: read.code('revaluation.basis', VALUATION_BASES), effectiveDate: read.required('revaluation.effectiveDate') },
        };
      }}
      send={(decision, key, confirmed) => entry.add(deliveryId, etag, (ifMatch) => decideNotToReplace(deliveryId, { ...decision, ...confirmedPeriod(confirmed) }, key, ifMatch))}
      onRecorded={onDone}
    />
  );
}
