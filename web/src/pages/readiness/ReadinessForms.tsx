import { useTranslation } from 'react-i18next';
import { READINESS_EFFECTS, REPLENISHMENT_STAGES, VALUATION_BASES } from '../../../../common/vocabulary/codes.ts';
import { createProject, decideNotToReplace, judgeReadiness, updateProject, type DeliveryReadiness, type ReplenishmentProject } from '../../api/readiness.ts';
import { SelectField, TextAreaField, TextField } from '../../forms/controls.tsx';
import { RecordForm, useRecordForm } from '../../forms/RecordForm.tsx';
import type { readiness as readinessWords } from '../../i18n/nl/readiness.ts';

type FieldWord = keyof typeof readinessWords.fields;

/** The label of each field (named as the API names it, so that its refusals land there), from the readiness words. */
function useLabels<K extends string>(words: Record<K, FieldWord>): Record<K, string> {
  const { t } = useTranslation();
  return Object.fromEntries(Object.entries<FieldWord>(words).map(([name, word]) => [name, t(`readiness.fields.${word}`)])) as Record<K, string>;
}

const choose = (t: (key: 'form.choose') => string) => ({ value: '', label: t('form.choose') });
const oneOf = <C extends string>(codes: readonly C[], text: string): C => codes.find((code) => code === text) ?? codes[0]!;

interface FormProps {
  deliveries: readonly DeliveryReadiness[];
  onDone: () => void;
}

export function JudgementForm({ deliveries, onDone }: FormProps) {
  const { t } = useTranslation();
  const form = useRecordForm({ deliveryId: '', effect: '', reasoning: '', judgedOn: '' }, useLabels({ deliveryId: 'deliveryId', effect: 'effect', reasoning: 'reasoning', judgedOn: 'judgedOn' }));
  const { values, field } = form;
  return (
    <RecordForm
      form={form}
      doneText={t('readiness.judged')}
      submitLabel={t('readiness.submit')}
      onSubmit={(event) =>
        form.submit(
          event,
          (read) => ({
            deliveryId: read.required('deliveryId', values.deliveryId),
            effect: oneOf(READINESS_EFFECTS, read.required('effect', values.effect)),
            reasoning: read.required('reasoning', values.reasoning),
            judgedOn: read.required('judgedOn', values.judgedOn),
          }),
          async ({ deliveryId, ...input }, key) => {
            await judgeReadiness(deliveryId, input, key);
            onDone();
          },
        )
      }
    >
      <SelectField {...field('deliveryId')} options={[choose(t), ...deliveries.map((delivery) => ({ value: delivery.id, label: delivery.title }))]} />
      <SelectField {...field('effect')} options={[choose(t), ...READINESS_EFFECTS.map((effect) => ({ value: effect, label: t(`readinessEffects.${effect}`) }))]} />
      <TextAreaField {...field('reasoning')} />
      <TextField {...field('judgedOn')} type="date" />
    </RecordForm>
  );
}

/** A new replenishment project, with the part of one stock delivery it replaces (at most what was delivered). */
export function ProjectForm({ deliveries, onDone }: FormProps) {
  const { t } = useTranslation();
  const form = useRecordForm(
    { name: '', stage: REPLENISHMENT_STAGES[0] as string, budgetCents: '', expectedOn: '', note: '', 'replaces.0.deliveryId': '', 'replaces.0.replacedValueCents': '', 'replaces.0.replacedQuantity': '' },
    useLabels({
      name: 'name',
      stage: 'stage',
      budgetCents: 'budget',
      expectedOn: 'expectedOn',
      note: 'note',
      'replaces.0.deliveryId': 'replacesDeliveryId',
      'replaces.0.replacedValueCents': 'replacedValue',
      'replaces.0.replacedQuantity': 'replacedQuantity',
    }),
  );
  const { values, field } = form;
  return (
    <RecordForm
      form={form}
      legend={t('readiness.projectForm.legend')}
      doneText={t('readiness.projectForm.done')}
      submitLabel={t('readiness.projectForm.submit')}
      onSubmit={(event) =>
        form.submit(
          event,
          (read) => {
            const deliveryId = values['replaces.0.deliveryId'];
            const replacedValueCents = read.amount('replaces.0.replacedValueCents', values['replaces.0.replacedValueCents'], deliveryId !== '');
            return {
              name: read.required('name', values.name),
              stage: oneOf(REPLENISHMENT_STAGES, values.stage),
              budgetCents: read.amount('budgetCents', values.budgetCents),
              expectedOn: values.expectedOn || null,
              note: values.note,
              replaces:
                deliveryId === '' || replacedValueCents === null
                  ? []
                  : [{ deliveryId, replacedValueCents, replacedQuantity: read.wholeNumber('replaces.0.replacedQuantity', values['replaces.0.replacedQuantity']) }],
            };
          },
          async (input, key) => {
            await createProject(input, key);
            onDone();
          },
        )
      }
    >
      <TextField {...field('name')} />
      <SelectField {...field('stage')} options={REPLENISHMENT_STAGES.map((stage) => ({ value: stage, label: t(`replenishmentStages.${stage}`) }))} />
      <TextField {...field('budgetCents')} inputMode="decimal" optional hint={t('readiness.euroHint')} />
      <TextField {...field('expectedOn')} type="date" optional />
      <SelectField {...field('replaces.0.deliveryId')} options={[{ value: '', label: t('readiness.projectForm.replacesNothing') }, ...deliveries.map((delivery) => ({ value: delivery.id, label: delivery.title }))]} />
      <TextField {...field('replaces.0.replacedValueCents')} inputMode="decimal" optional hint={t('readiness.projectForm.replacedValueHint')} />
      <TextField {...field('replaces.0.replacedQuantity')} inputMode="numeric" size="small" optional />
      <TextAreaField {...field('note')} optional />
    </RecordForm>
  );
}

/** A project's next stage and expected date; the rest of the project stays as it is. */
export function ProjectStageForm({ projects, onDone }: { projects: readonly ReplenishmentProject[]; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useRecordForm({ projectId: '', stage: '', expectedOn: '' }, useLabels({ projectId: 'projectId', stage: 'stage', expectedOn: 'expectedOn' }));
  const { values, field } = form;
  return (
    <RecordForm
      form={form}
      legend={t('readiness.stageForm.legend')}
      conflictText={t('readiness.stageForm.conflict')}
      doneText={t('readiness.stageForm.done')}
      submitLabel={t('readiness.stageForm.submit')}
      onSubmit={(event) =>
        form.submit(
          event,
          (read) => ({
            project: projects.find((project) => project.id === read.required('projectId', values.projectId)),
            stage: oneOf(REPLENISHMENT_STAGES, read.required('stage', values.stage)),
            expectedOn: values.expectedOn,
          }),
          async ({ project, stage, expectedOn }) => {
            if (!project) return;
            const { id: _id, version: _version, isDemonstration: _demonstration, ...unchanged } = project;
            try {
              await updateProject(project, { ...unchanged, stage, expectedOn: expectedOn || project.expectedOn });
            } finally {
              // Also after a refusal: someone else may have changed the project, and the list shows it now.
              onDone();
            }
          },
        )
      }
    >
      <SelectField {...field('projectId')} options={[choose(t), ...projects.map((project) => ({ value: project.id, label: `${project.name} (${t(`replenishmentStages.${project.stage}`)})` }))]} />
      <SelectField {...field('stage')} options={[choose(t), ...REPLENISHMENT_STAGES.map((stage) => ({ value: stage, label: t(`replenishmentStages.${stage}`) }))]} />
      <TextField {...field('expectedOn')} type="date" optional />
    </RecordForm>
  );
}

/**
 * A decision not to replace (part of) a delivery, with its reason. When the delivery's value changes
 * basis with it (the 2023 restatement: Bofors 40L70 valued at book value), the revaluation and the date
 * it holds from; a letter already sent for a later date then shows a restatement.
 */
export function NonReplacementForm({ deliveries, onDone }: FormProps) {
  const { t } = useTranslation();
  const form = useRecordForm(
    { deliveryId: '', decidedOn: '', reason: '', 'revaluation.amountCents': '', 'revaluation.basis': 'bookValue', 'revaluation.effectiveDate': '' },
    useLabels({
      deliveryId: 'deliveryId',
      decidedOn: 'decidedOn',
      reason: 'reason',
      'revaluation.amountCents': 'revaluedAmount',
      'revaluation.basis': 'basis',
      'revaluation.effectiveDate': 'effectiveDate',
    }),
  );
  const { values, field } = form;
  return (
    <RecordForm
      form={form}
      legend={t('readiness.nonReplacementForm.legend')}
      doneText={t('readiness.nonReplacementForm.done')}
      submitLabel={t('readiness.nonReplacementForm.submit')}
      onSubmit={(event) =>
        form.submit(
          event,
          (read) => {
            const effectiveDate = values['revaluation.effectiveDate'];
            const amountCents = read.amount('revaluation.amountCents', values['revaluation.amountCents'], effectiveDate !== '');
            return {
              deliveryId: read.required('deliveryId', values.deliveryId),
              decidedOn: read.required('decidedOn', values.decidedOn),
              reason: read.required('reason', values.reason),
              revaluation:
                amountCents === null
                  ? null
                  : { amountCents, basis: oneOf(VALUATION_BASES, values['revaluation.basis']), effectiveDate: read.required('revaluation.effectiveDate', effectiveDate) },
            };
          },
          async ({ deliveryId, ...input }, key) => {
            await decideNotToReplace(deliveryId, input, key);
            onDone();
          },
        )
      }
    >
      <SelectField {...field('deliveryId')} options={[choose(t), ...deliveries.map((delivery) => ({ value: delivery.id, label: delivery.title }))]} />
      <TextField {...field('decidedOn')} type="date" />
      <TextAreaField {...field('reason')} />
      <p className="nl-paragraph">{t('readiness.nonReplacementForm.revaluationIntro')}</p>
      <TextField {...field('revaluation.amountCents')} inputMode="decimal" optional hint={t('readiness.euroHint')} />
      <SelectField {...field('revaluation.basis')} options={VALUATION_BASES.map((basis) => ({ value: basis, label: t(`valuationBases.${basis}`) }))} />
      <TextField {...field('revaluation.effectiveDate')} type="date" optional />
    </RecordForm>
  );
}
