import { useTranslation } from 'react-i18next';
import { CATEGORIES, CONFIDENTIALITY_GROUNDS, COPRODUCTION_STAGES, LESSON_CATEGORIES } from '../../../../common/vocabulary/codes.ts';
import { listDeliveries } from '../../api/deliveries.ts';
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
import { SelectField, TextAreaField, TextField } from '../../forms/controls.tsx';
import { RecordForm, useRecordForm } from '../../forms/RecordForm.tsx';
import type { industry as industryWords } from '../../i18n/nl/industry.ts';
import { useResource } from '../../state/useResource.ts';

type FormWords = typeof industryWords.forms;
type FormName = { [F in keyof FormWords]: FormWords[F] extends { legend: string } ? F : never }[keyof FormWords];

/**
 * One industry form's words: its legend, button and success message, and the label of each field. The
 * fields are named as the API names them (so its refusals land there), their labels by the form's words.
 */
function useFormWords<K extends string>(form: FormName, words: Record<K, string>) {
  const { t } = useTranslation();
  const word = (key: string) => t(`industry.forms.${form}.${key}` as 'industry.forms.company.legend');
  return {
    legend: word('legend'),
    submitLabel: word('submit'),
    doneText: word('done'),
    labels: Object.fromEntries(Object.entries<string>(words).map(([name, key]) => [name, word(key)])) as Record<K, string>,
  };
}

const oneOf = <C extends string>(codes: readonly C[], text: string): C => codes.find((code) => code === text) ?? codes[0]!;

interface Recorded {
  onRecorded: () => void;
}

export function CompanyForm({ onRecorded }: Recorded) {
  const { labels, ...words } = useFormWords('company', { name: 'name', country: 'country', registrationNumber: 'registrationNumber' });
  const form = useRecordForm({ name: '', country: '', registrationNumber: '' }, labels);
  const { values, field } = form;
  return (
    <RecordForm
      form={form}
      {...words}
      onSubmit={(event) =>
        form.submit(
          event,
          (read) => ({ name: read.required('name', values.name), country: read.required('country', values.country).trim().toUpperCase(), registrationNumber: values.registrationNumber.trim() || null }),
          async (input, key) => {
            await createCompany(input, key);
            onRecorded();
          },
        )
      }
    >
      <TextField {...field('name')} />
      <TextField {...field('country')} size="small" />
      <TextField {...field('registrationNumber')} optional />
    </RecordForm>
  );
}

/** A contract with the procurement deliveries it fulfils (one chosen here) and its first milestone. */
export function ContractForm({ overview, onRecorded }: { overview: IndustryOverview } & Recorded) {
  const { t } = useTranslation();
  const procurements = useResource('procurement-deliveries', (signal) => listDeliveries({ supportType: 'procurement', pageSize: 100 }, signal));
  const { labels, ...words } = useFormWords('contract', {
    companyId: 'company',
    reference: 'reference',
    subject: 'subject',
    amountCents: 'amount',
    signedOn: 'signedOn',
    'deliveryIds.0': 'delivery',
    'milestones.0.title': 'milestone',
    'milestones.0.dueOn': 'dueOn',
  });
  const form = useRecordForm(
    { companyId: '', reference: '', subject: '', amountCents: '', signedOn: '', 'deliveryIds.0': '', 'milestones.0.title': '', 'milestones.0.dueOn': '' },
    labels,
  );
  const { values, field } = form;
  const deliveries = procurements.data?.data.items ?? [];
  return (
    <RecordForm
      form={form}
      {...words}
      onSubmit={(event) =>
        form.submit(
          event,
          (read) => {
            const milestoneTitle = values['milestones.0.title'];
            const dueOn = values['milestones.0.dueOn'];
            return {
              companyId: read.required('companyId', values.companyId),
              reference: read.required('reference', values.reference),
              subject: read.required('subject', values.subject),
              amountCents: read.amount('amountCents', values.amountCents, true) ?? 0,
              signedOn: read.required('signedOn', values.signedOn),
              deliveryIds: values['deliveryIds.0'] ? [values['deliveryIds.0']] : [],
              milestones: milestoneTitle || dueOn ? [{ title: read.required('milestones.0.title', milestoneTitle), dueOn: read.required('milestones.0.dueOn', dueOn) }] : [],
            };
          },
          async (input, key) => {
            await createContract(input, key);
            onRecorded();
          },
        )
      }
    >
      <SelectField {...field('companyId')} options={[{ value: '', label: t('form.choose') }, ...overview.companies.map((company) => ({ value: company.id, label: `${company.name} (${company.country})` }))]} />
      <TextField {...field('reference')} />
      <TextAreaField {...field('subject')} rows={2} />
      <TextField {...field('amountCents')} inputMode="decimal" hint={t('industry.forms.euroHint')} />
      <TextField {...field('signedOn')} type="date" />
      <SelectField {...field('deliveryIds.0')} options={[{ value: '', label: t('industry.forms.contract.noDelivery') }, ...deliveries.map((delivery) => ({ value: delivery.id, label: delivery.title }))]} />
      <TextField {...field('milestones.0.title')} optional />
      <TextField {...field('milestones.0.dueOn')} type="date" optional />
    </RecordForm>
  );
}

export function ProgressForm({ overview, onRecorded }: { overview: IndustryOverview } & Recorded) {
  const milestones = overview.companies.flatMap((company) =>
    company.contracts.flatMap((contract) => contract.milestones.map((milestone) => ({ value: milestone.id, label: `${company.name} · ${contract.reference} · ${milestone.title} (${milestone.percent} %)` }))),
  );
  const { labels, ...words } = useFormWords('progress', { milestone: 'milestone', percent: 'percent', reportedOn: 'reportedOn', reason: 'reason' });
  const form = useRecordForm({ milestone: milestones[0]?.value ?? '', percent: '', reportedOn: '', reason: '' }, labels);
  const { values, field } = form;
  if (milestones.length === 0) return null;
  return (
    <RecordForm
      form={form}
      {...words}
      onSubmit={(event) =>
        form.submit(
          event,
          (read) => ({ percent: read.wholeNumber('percent', values.percent, true) ?? 0, reportedOn: read.required('reportedOn', values.reportedOn), reason: values.reason }),
          async (input, key) => {
            await reportProgress(values.milestone, input, key);
            onRecorded();
          },
        )
      }
    >
      <SelectField {...field('milestone')} options={milestones} />
      <TextField {...field('percent')} inputMode="numeric" size="small" />
      <TextField {...field('reportedOn')} type="date" />
      <TextAreaField {...field('reason')} optional />
    </RecordForm>
  );
}

export function PriceForm({ overview, onRecorded }: { overview: IndustryOverview } & Recorded) {
  const { t } = useTranslation();
  const { labels, ...words } = useFormWords('price', {
    item: 'item',
    contractId: 'contract',
    earlierPriceCents: 'earlierPrice',
    earlierOn: 'earlierOn',
    paidPriceCents: 'paidPrice',
    paidOn: 'paidOn',
    note: 'note',
  });
  const form = useRecordForm({ item: '', contractId: '', earlierPriceCents: '', earlierOn: '', paidPriceCents: '', paidOn: '', note: '' }, labels);
  const { values, field } = form;
  const contracts = overview.companies.flatMap((company) => company.contracts.map((contract) => ({ value: contract.id, label: `${company.name} · ${contract.reference}` })));
  return (
    <RecordForm
      form={form}
      {...words}
      onSubmit={(event) =>
        form.submit(
          event,
          (read) => ({
            item: read.required('item', values.item),
            contractId: values.contractId || null,
            earlierPriceCents: read.amount('earlierPriceCents', values.earlierPriceCents, true) ?? 0,
            earlierOn: read.required('earlierOn', values.earlierOn),
            paidPriceCents: read.amount('paidPriceCents', values.paidPriceCents, true) ?? 0,
            paidOn: read.required('paidOn', values.paidOn),
            note: values.note,
          }),
          async (input, key) => {
            await recordPriceDevelopment(input, key);
            onRecorded();
          },
        )
      }
    >
      <TextField {...field('item')} />
      <SelectField {...field('contractId')} options={[{ value: '', label: t('industry.forms.price.noContract') }, ...contracts]} />
      <TextField {...field('earlierPriceCents')} inputMode="decimal" hint={t('industry.forms.euroHint')} />
      <TextField {...field('earlierOn')} type="date" />
      <TextField {...field('paidPriceCents')} inputMode="decimal" hint={t('industry.forms.euroHint')} />
      <TextField {...field('paidOn')} type="date" />
      <TextAreaField {...field('note')} optional />
    </RecordForm>
  );
}

export function LessonForm({ onRecorded }: Recorded) {
  const { t } = useTranslation();
  const { labels, ...words } = useFormWords('lesson', { notedOn: 'notedOn', category: 'category', text: 'text' });
  const form = useRecordForm({ notedOn: '', category: LESSON_CATEGORIES[0] as string, text: '' }, labels);
  const { values, field } = form;
  return (
    <RecordForm
      form={form}
      {...words}
      onSubmit={(event) =>
        form.submit(
          event,
          (read) => ({ notedOn: read.required('notedOn', values.notedOn), category: oneOf(LESSON_CATEGORIES, values.category), text: read.required('text', values.text) }),
          async (input, key) => {
            await recordLesson(input, key);
            onRecorded();
          },
        )
      }
    >
      <TextField {...field('notedOn')} type="date" />
      <SelectField {...field('category')} options={LESSON_CATEGORIES.map((value) => ({ value, label: t(`lessonCategories.${value}`) }))} />
      <TextAreaField {...field('text')} />
    </RecordForm>
  );
}

/** A new co-production project at its first stage, or the next stage of one already recorded. */
export function CoproductionForm({ overview, onRecorded }: { overview: IndustryOverview } & Recorded) {
  const { t } = useTranslation();
  const { labels, ...words } = useFormWords('coproduction', { projectId: 'project', title: 'title', partner: 'partner', stage: 'stage', reachedOn: 'reachedOn', note: 'note' });
  const form = useRecordForm({ projectId: '', title: '', partner: '', stage: COPRODUCTION_STAGES[0] as string, reachedOn: '', note: '' }, labels);
  const { values, field } = form;
  const isNew = values.projectId === '';
  return (
    <RecordForm
      form={form}
      {...words}
      onSubmit={(event) =>
        form.submit(
          event,
          (read) => ({
            ...(isNew ? { title: read.required('title', values.title), partner: read.required('partner', values.partner) } : { title: '', partner: '' }),
            stage: oneOf(COPRODUCTION_STAGES, values.stage),
            reachedOn: read.required('reachedOn', values.reachedOn),
            note: values.note,
          }),
          async ({ title, partner, ...stage }, key) => {
            await (isNew ? createCoproduction({ title, partner, ...stage }, key) : recordStage(values.projectId, stage, key));
            onRecorded();
          },
        )
      }
    >
      <SelectField {...field('projectId')} options={[{ value: '', label: t('industry.forms.coproduction.newProject') }, ...overview.coproductionProjects.map((project) => ({ value: project.id, label: project.title }))]} />
      {isNew && (
        <>
          <TextField {...field('title')} />
          <TextField {...field('partner')} />
        </>
      )}
      <SelectField {...field('stage')} options={COPRODUCTION_STAGES.map((value) => ({ value, label: t(`coproductionStages.${value}`) }))} />
      <TextField {...field('reachedOn')} type="date" />
      <TextAreaField {...field('note')} optional />
    </RecordForm>
  );
}

export function DemandBundleForm({ onRecorded }: Recorded) {
  const { t } = useTranslation();
  const { labels, ...words } = useFormWords('demandBundle', {
    need: 'need',
    category: 'category',
    dutchQuantity: 'dutchQuantity',
    ukrainianQuantity: 'ukrainianQuantity',
    identifiedOn: 'identifiedOn',
    note: 'note',
  });
  const form = useRecordForm({ need: '', category: CATEGORIES[0] as string, dutchQuantity: '', ukrainianQuantity: '', identifiedOn: '', note: '' }, labels);
  const { values, field } = form;
  return (
    <RecordForm
      form={form}
      {...words}
      onSubmit={(event) =>
        form.submit(
          event,
          (read) => ({
            need: read.required('need', values.need),
            category: oneOf(CATEGORIES, values.category),
            dutchQuantity: read.wholeNumber('dutchQuantity', values.dutchQuantity, true) ?? 0,
            ukrainianQuantity: read.wholeNumber('ukrainianQuantity', values.ukrainianQuantity, true) ?? 0,
            identifiedOn: read.required('identifiedOn', values.identifiedOn),
            note: values.note,
          }),
          async (input, key) => {
            await recordDemandBundle(input, key);
            onRecorded();
          },
        )
      }
    >
      <TextField {...field('need')} />
      <SelectField {...field('category')} options={CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }))} />
      <TextField {...field('dutchQuantity')} inputMode="numeric" size="small" />
      <TextField {...field('ukrainianQuantity')} inputMode="numeric" size="small" />
      <TextField {...field('identifiedOn')} type="date" />
      <TextAreaField {...field('note')} optional />
    </RecordForm>
  );
}

/** The disclosure officer's decision on a company: public under an approved name, or confidential with its ground. */
export function CompanyDecisionForm({ overview, onRecorded }: { overview: IndustryOverview } & Recorded) {
  const { t } = useTranslation();
  const { labels, ...words } = useFormWords('decision', { companyId: 'company', state: 'state', publicName: 'publicName', ground: 'ground', reviewOn: 'reviewOn', note: 'note' });
  const form = useRecordForm({ companyId: '', state: 'confidential', publicName: '', ground: 'companyInterests', reviewOn: '', note: '' }, labels);
  const { values, field } = form;
  const isPublic = values.state === 'public';
  return (
    <RecordForm
      form={form}
      {...words}
      onSubmit={(event) =>
        form.submit(
          event,
          (read) => ({
            companyId: read.required('companyId', values.companyId),
            decision: isPublic
              ? { state: 'public' as const, publicName: read.required('publicName', values.publicName), note: values.note }
              : { state: 'confidential' as const, ground: oneOf(CONFIDENTIALITY_GROUNDS, values.ground), reviewOn: values.reviewOn || null, note: values.note },
          }),
          async ({ companyId, decision }, key) => {
            await decideOnCompany(companyId, decision, key);
            onRecorded();
          },
        )
      }
    >
      <SelectField
        {...field('companyId')}
        options={[
          { value: '', label: t('form.choose') },
          ...overview.companies.map((company) => ({ value: company.id, label: `${company.name} (${t(`disclosureStates.${company.disclosureState}`).toLowerCase()})` })),
        ]}
      />
      <SelectField {...field('state')} options={(['confidential', 'public'] as const).map((value) => ({ value, label: t(`disclosureStates.${value}`) }))} />
      {isPublic ? (
        <TextField {...field('publicName')} />
      ) : (
        <>
          <SelectField {...field('ground')} options={CONFIDENTIALITY_GROUNDS.map((value) => ({ value, label: t(`confidentialityGrounds.${value}`) }))} />
          <TextField {...field('reviewOn')} type="date" optional />
        </>
      )}
      <TextAreaField {...field('note')} optional />
    </RecordForm>
  );
}
