import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { COMMITMENT_STAGES } from '../../../../common/vocabulary/codes.ts';
import { addCommitmentStage, getCommitment } from '../../api/budget.ts';
import { etagOf } from '../../api/client.ts';
import type { Commitment, CommitmentStageInput } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { SelectField, TextAreaField, TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { useFields } from '../../forms/useFields.ts';
import { useHistoryEntry } from '../../forms/useHistoryEntry.ts';
import { fieldReader, type Problems } from '../../forms/fieldReader.ts';
import { useSubmission } from '../../forms/useSubmission.ts';
import { confirmedPeriod, useWarningConfirmation, WarningConfirmation } from '../../forms/WarningConfirmation.tsx';
import { formatLongDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useNavigateWithNotice } from '../../state/notice.tsx';
import { useResource } from '../../state/useResource.ts';

const BUDGET_PATH = '/begroting';

/** The next stage of a commitment (pledge, then legal commitment), or its new amount; its realisation is its delivery's. */
export function CommitmentStagePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const commitment = useResource(`commitment:${id}`, (signal) => getCommitment(id, signal));
  return (
    <>
      <PageHeading title={t('budget.form.stageTitle')}>
        {commitment.data ? `${t('budget.form.stageTitle')}: ${commitment.data.data.title}` : t('budget.form.stageTitle')}
      </PageHeading>
      <p className="nl-paragraph">
        <Link href={BUDGET_PATH}>{t('budget.form.backToBudget')}</Link>
      </p>
      {commitment.data ? (
        // Also while the latest loads (after someone else added a stage first), so that the form keeps what was typed.
        <StageForm commitment={commitment.data.data} etag={etagOf(commitment.data)} reload={commitment.reload} />
      ) : (
        <ResourceStatus resource={commitment} onRetry={commitment.reload} notFound={t('budget.form.commitmentNotFound')} />
      )}
    </>
  );
}

function StageForm({ commitment, etag, reload }: { commitment: Commitment; etag: string; reload: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigateWithNotice = useNavigateWithNotice();
  const entry = useHistoryEntry(reload);
  const submission = useSubmission({ conflictText: entry.conflictText });
  const latest = commitment.stages.at(-1)!;
  const { values, field, labels } = useFields({ stage: 'committed', amountCents: '', effectiveOn: '', note: '' }, submission.fieldErrors);
  // A new amount in the period of a letter sent to parliament whose text names it is recorded once confirmed at its date.
  const confirmation = useWarningConfirmation(submission.warnings, values);
  // Never back from legally committed to pledged: offer the latest stage and the ones after it.
  const stages = COMMITMENT_STAGES.slice(COMMITMENT_STAGES.indexOf(latest.stage));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Problems = {};
    const read = fieldReader(values, problems);
    const input: CommitmentStageInput = {
      stage: values.stage as CommitmentStageInput['stage'],
      amountCents: read.amount('amountCents', true),
      effectiveOn: read.required('effectiveOn'),
      note: values.note,
      ...confirmedPeriod(confirmation.codes),
    };
    void submission.submitRequest(problems, input, (name) => values[name as keyof typeof values], async (request) => {
      await entry.add(commitment.id, etag, (ifMatch) => addCommitmentStage(commitment.id, request, ifMatch));
      navigateWithNotice(BUDGET_PATH, 'commitmentStageAdded');
    });
  }

  return (
    <>
      <p className="nl-paragraph">{t('budget.form.stagePath')}</p>
      <DataTable
        caption={t('budget.form.stagesCaption')}
        rows={commitment.stages}
        rowKey={(stage) => stage.id}
        columns={[
          { key: 'stage', header: t('fields.stage'), cell: (stage) => t(`stages.${stage.stage}`) },
          { key: 'effectiveOn', header: t('fields.effectiveOn'), cell: (stage) => formatLongDate(stage.effectiveOn, language) },
          { key: 'amount', header: t('fields.amountCents'), numeric: true, cell: (stage) => formatEuro(stage.amountCents, language) },
          { key: 'note', header: t('fields.note'), cell: (stage) => stage.note },
        ]}
      />
      <form ref={submission.formRef} noValidate onSubmit={handleSubmit} className="record-form">
        <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(['stage', 'amountCents', 'effectiveOn', 'note'])} formError={submission.formError} refusals={submission.refusals} />
        <SelectField {...field('stage')} options={stages.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))} />
        <TextField {...field('amountCents')} inputMode="decimal" size="medium" hint={t('form.hints.amount')} />
        <TextField {...field('effectiveOn')} type="date" />
        <WarningConfirmation confirmation={confirmation.at('effectiveOn')} />
        <TextAreaField {...field('note')} optional />
        <SubmitButton label={t('budget.form.submit')} submitting={submission.submitting} />
      </form>
      <LabelledSection heading={t('stages.realised')}>
        <p className="nl-paragraph">{t('budget.form.realisation')}</p>
        <p className="nl-paragraph">
          {commitment.deliveryId ? <Link href={`/leveringen/${commitment.deliveryId}`}>{t('budget.form.realisationOfDelivery')}</Link> : t('budget.form.noDelivery')}
        </p>
      </LabelledSection>
    </>
  );
}
