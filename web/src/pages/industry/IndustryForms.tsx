import { useTranslation } from 'react-i18next';
import { CONFIDENTIALITY_GROUNDS, COPRODUCTION_STAGES, LESSON_CATEGORIES } from '../../../../common/vocabulary/codes.ts';
import {
  createCompany,
  createContract,
  createCoproduction,
  decideOnCompany,
  recordDemandBundle,
  recordLesson,
  recordPriceDevelopment,
  recordStage,
  reportProgress,
  type IndustryOverview,
} from '../../api/industry.ts';
import type { FieldDescription } from '../../forms/DescribedField.tsx';
import { deliveryLinkFields, type DeliveryLinkField } from '../../forms/deliveryLinkFields.ts';
import { RecordForm } from '../../forms/RecordForm.tsx';
import { confirmedPeriod } from '../../forms/WarningConfirmation.tsx';
import type { HistoryEntry } from '../../forms/useHistoryEntry.ts';
import { versionTag } from '../../api/client.ts';
import type { industry as industryWords } from '../../i18n/nl/industry.ts';
import { companyFields, readCompanyFields } from './companyFields.ts';
import { contractOwnFields, readContractOwnFields, type ContractOwnField } from './contractFields.ts';
import { coproductionProjectFields, readCoproductionProjectFields } from './coproductionFields.ts';
import { demandBundleFields, readDemandBundleFields } from './demandBundleFields.ts';

type FormWords = typeof industryWords.forms;
type FormName = { [F in keyof FormWords]: FormWords[F] extends { legend: string } ? F : never }[keyof FormWords];

/**
 * One industry form's words: its legend, button and success message, and the labels of its fields. The
 * fields are named as the API names them (so its refusals land there), their labels by the form's words.
 */
function useFormWords<F extends FormName>(form: F) {
  const { t } = useTranslation();
  const word = (key: string) => t(`industry.forms.${form}.${key}` as 'industry.forms.company.legend');
  return {
    words: { legend: word('legend'), submitLabel: word('submit'), doneText: word('done') },
    label: (key: Exclude<keyof FormWords[F] & string, 'legend' | 'submit' | 'done'>) => word(key),
  };
}

interface Recorded {
  onRecorded: () => void;
}

type OverviewRecorded = { overview: IndustryOverview } & Recorded;

/** A form that adds to the history of a milestone, a project or a company of the overview, at the version the overview shows. */
type HistoryRecorded = OverviewRecorded & { entry: HistoryEntry };

/** The ETag of the history of the milestone, project or company with the id, as the overview shows it. */
function loadedVersion(histories: readonly { id: string; version: number }[], id: string): string {
  return versionTag(histories.find((history) => history.id === id)?.version ?? 0);
}

export function CompanyForm({ onRecorded }: Recorded) {
  const { t } = useTranslation();
  const { words } = useFormWords('company');
  return (
    <RecordForm
      {...words}
      fields={companyFields(t)}
      read={readCompanyFields}
      send={createCompany}
      onRecorded={onRecorded}
    />
  );
}

const PROCUREMENTS = { supportType: 'procurement' };

type ContractField = ContractOwnField | DeliveryLinkField | 'milestones.0.title' | 'milestones.0.dueOn';

/** A contract with the procurement deliveries it fulfils and its first milestone. */
export function ContractForm({ overview, onRecorded }: OverviewRecorded) {
  const { t } = useTranslation();
  const { words, label } = useFormWords('contract');
  const deliveries = deliveryLinkFields<ContractField>({
    linked: [],
    label: (number) => t('industry.forms.contract.deliveryNumbered', { number }),
    noneLabel: label('noDelivery'),
    filter: PROCUREMENTS,
  });
  const fields: Record<ContractField, FieldDescription<ContractField>> = {
    ...contractOwnFields(t, overview),
    ...deliveries.fields,
    'milestones.0.title': { label: label('milestone'), optional: true },
    'milestones.0.dueOn': { label: label('dueOn'), control: 'date', optional: true },
  };
  return (
    <RecordForm
      {...words}
      fields={fields}
      read={(read) => {
        const hasMilestone = read.text('milestones.0.title') || read.text('milestones.0.dueOn');
        return {
          ...readContractOwnFields(read),
          deliveryIds: deliveries.chosen(read.text),
          milestones: hasMilestone ? [{ title: read.required('milestones.0.title'), dueOn: read.required('milestones.0.dueOn') }] : [],
        };
      }}
      send={(contract, key, confirmed) => createContract({ ...contract, ...confirmedPeriod(confirmed) }, key)}
      onRecorded={onRecorded}
    />
  );
}

export function ProgressForm({ overview, entry, onRecorded }: HistoryRecorded) {
  const { t } = useTranslation();
  const { words, label } = useFormWords('progress');
  const all = overview.companies.flatMap((company) => company.contracts.flatMap((contract) => contract.milestones.map((milestone) => ({ company, contract, milestone }))));
  const milestones = all.map(({ company, contract, milestone }) => ({ value: milestone.id, label: `${company.name} · ${contract.reference} · ${milestone.title} (${milestone.percent} %)` }));
  if (milestones.length === 0) return null;
  return (
    <RecordForm
      {...words}
      conflictText={entry.conflictText}
      fields={{
        // No milestone is chosen for the registrar: progress reported on the first one by mistake would stand in its history.
        milestone: { label: label('milestone'), control: 'select', options: [{ value: '', label: t('form.choose') }, ...milestones] },
        percent: { label: label('percent'), control: 'count' },
        reportedOn: { label: label('reportedOn'), control: 'date' },
        reason: { label: label('reason'), hint: label('reasonHint'), control: 'textarea', optional: true },
      }}
      read={(read) => ({ milestone: read.required('milestone'), progress: { percent: read.percentage('percent'), reportedOn: read.required('reportedOn'), reason: read.text('reason') } })}
      send={({ milestone, progress }, key, confirmed) =>
        entry.add(milestone, loadedVersion(all.map((row) => row.milestone), milestone), (ifMatch) => reportProgress(milestone, { ...progress, ...confirmedPeriod(confirmed) }, key, ifMatch))
      }
      onRecorded={onRecorded}
    />
  );
}

export function PriceForm({ overview, onRecorded }: OverviewRecorded) {
  const { t } = useTranslation();
  const { words, label } = useFormWords('price');
  const contracts = overview.companies.flatMap((company) => company.contracts.map((contract) => ({ value: contract.id, label: `${company.name} · ${contract.reference}` })));
  const amountHint = t('form.hints.amount');
  return (
    <RecordForm
      {...words}
      fields={{
        item: { label: label('item') },
        contractId: { label: label('contract'), control: 'select', options: [{ value: '', label: t('industry.forms.price.noContract') }, ...contracts] },
        earlierPriceCents: { label: label('earlierPrice'), control: 'amount', hint: amountHint },
        earlierOn: { label: label('earlierOn'), control: 'date' },
        paidPriceCents: { label: label('paidPrice'), control: 'amount', hint: amountHint },
        paidOn: { label: label('paidOn'), control: 'date' },
        note: { label: label('note'), control: 'textarea', optional: true },
      }}
      read={(read) => ({
        item: read.required('item'),
        contractId: read.text('contractId') || null,
        earlierPriceCents: read.amount('earlierPriceCents', true),
        earlierOn: read.required('earlierOn'),
        paidPriceCents: read.amount('paidPriceCents', true),
        paidOn: read.required('paidOn'),
        note: read.text('note'),
      })}
      send={recordPriceDevelopment}
      onRecorded={onRecorded}
    />
  );
}

export function LessonForm({ onRecorded }: Recorded) {
  const { t } = useTranslation();
  const { words, label } = useFormWords('lesson');
  return (
    <RecordForm
      {...words}
      fields={{
        notedOn: { label: label('notedOn'), control: 'date' },
        category: { label: label('category'), control: 'select', options: LESSON_CATEGORIES.map((value) => ({ value, label: t(`lessonCategories.${value}`) })), initial: LESSON_CATEGORIES[0] },
        text: { label: label('text'), control: 'textarea' },
      }}
      read={(read) => ({ notedOn: read.required('notedOn'), category: read.code('category', LESSON_CATEGORIES), text: read.required('text') })}
      send={recordLesson}
      onRecorded={onRecorded}
    />
  );
}

/** A new co-production project at its first stage, or the next stage of one already recorded. */
export function CoproductionForm({ overview, entry, onRecorded }: HistoryRecorded) {
  const { t } = useTranslation();
  const { words, label } = useFormWords('coproduction');
  const isNew = (values: { projectId: string }) => values.projectId === '';
  const projectFields = coproductionProjectFields(t);
  return (
    <RecordForm
      {...words}
      conflictText={entry.conflictText}
      fields={{
        projectId: { label: label('project'), control: 'select', options: [{ value: '', label: t('industry.forms.coproduction.newProject') }, ...overview.coproductionProjects.map((project) => ({ value: project.id, label: project.title }))] },
        title: { ...projectFields.title, shownWhen: isNew },
        partner: { ...projectFields.partner, shownWhen: isNew },
        stage: { label: label('stage'), control: 'select', options: COPRODUCTION_STAGES.map((value) => ({ value, label: t(`coproductionStages.${value}`) })), initial: COPRODUCTION_STAGES[0] },
        reachedOn: { label: label('reachedOn'), control: 'date' },
        note: { label: label('note'), control: 'textarea', optional: true },
      }}
      read={(read) => ({
        projectId: read.text('projectId'),
        ...(read.text('projectId') === '' ? readCoproductionProjectFields(read) : { title: '', partner: '' }),
        stage: { stage: read.code('stage', COPRODUCTION_STAGES), reachedOn: read.required('reachedOn'), note: read.text('note') },
      })}
      send={({ projectId, title, partner, stage }, key, confirmed) =>
        projectId === ''
          ? createCoproduction({ title, partner, ...stage, ...confirmedPeriod(confirmed) }, key)
          : entry.add(projectId, loadedVersion(overview.coproductionProjects, projectId), (ifMatch) => recordStage(projectId, stage, key, ifMatch))
      }
      onRecorded={onRecorded}
    />
  );
}

export function DemandBundleForm({ onRecorded }: Recorded) {
  const { t } = useTranslation();
  const { words } = useFormWords('demandBundle');
  return (
    <RecordForm
      {...words}
      fields={demandBundleFields(t)}
      read={readDemandBundleFields}
      send={(bundle, key, confirmed) => recordDemandBundle({ ...bundle, ...confirmedPeriod(confirmed) }, key)}
      onRecorded={onRecorded}
    />
  );
}

/** The disclosure officer's decision on a company: public under an approved name, or confidential with its ground. */
export function CompanyDecisionForm({ overview, entry, onRecorded }: HistoryRecorded) {
  const { t } = useTranslation();
  const { words, label } = useFormWords('decision');
  const isPublic = (values: { state: string }) => values.state === 'public';
  return (
    <RecordForm
      {...words}
      conflictText={entry.conflictText}
      fields={{
        companyId: {
          label: label('company'),
          control: 'select',
          options: [
            { value: '', label: t('form.choose') },
            ...overview.companies.map((company) => ({ value: company.id, label: `${company.name} (${t(`disclosureStates.${company.disclosureState}`).toLowerCase()})` })),
          ],
        },
        state: { label: label('state'), control: 'select', options: (['confidential', 'public'] as const).map((value) => ({ value, label: t(`disclosureStates.${value}`) })), initial: 'confidential' },
        publicName: { label: label('publicName'), shownWhen: isPublic },
        ground: {
          label: label('ground'),
          control: 'select',
          options: CONFIDENTIALITY_GROUNDS.map((value) => ({ value, label: t(`confidentialityGrounds.${value}`) })),
          initial: 'companyInterests',
          shownWhen: (values) => !isPublic(values),
        },
        reviewOn: { label: label('reviewOn'), control: 'date', optional: true, shownWhen: (values) => !isPublic(values) },
        note: { label: label('note'), control: 'textarea', optional: true },
      }}
      read={(read) => ({
        companyId: read.required('companyId'),
        decision:
          read.text('state') === 'public'
            ? { state: 'public' as const, publicName: read.required('publicName'), note: read.text('note') }
            : { state: 'confidential' as const, ground: read.code('ground', CONFIDENTIALITY_GROUNDS), reviewOn: read.text('reviewOn') || null, note: read.text('note') },
      })}
      send={({ companyId, decision }, key) => entry.add(companyId, loadedVersion(overview.companies, companyId), (ifMatch) => decideOnCompany(companyId, decision, key, ifMatch))}
      onRecorded={onRecorded}
    />
  );
}
