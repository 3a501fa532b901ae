import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LESSON_CATEGORIES } from '../../../../common/vocabulary/codes.ts';
import { createCompany, recordLesson, reportProgress, type IndustryOverview } from '../../api/industry.ts';
import { Alert } from '../../components/Alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { useSubmission } from '../../forms/useSubmission.ts';

/**
 * A small form of the industry page: its values, the server's refusal per field, and a key per record to
 * create (sending the same record twice records it once). After a success it empties and says so.
 */
function useRecordForm<V extends Record<string, string>>(initial: V) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [values, setValues] = useState(initial);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState(false);
  const field = (name: keyof V & string, label: string) => ({
    name,
    label,
    value: values[name] ?? '',
    error: submission.fieldErrors[name],
    onChange: (value: string) => setValues((previous) => ({ ...previous, [name]: value })),
  });
  function submit(event: FormEvent, send: (key: string) => Promise<unknown>) {
    event.preventDefault();
    setDone(false);
    void submission.submit({}, async () => {
      await send(key);
      setValues(initial);
      setKey(crypto.randomUUID());
      setDone(true);
    });
  }
  return { t, submission, values, field, submit, done };
}

function FormFrame({ legend, done, doneText, summary, onSubmit, children, submitLabel, submitting }: {
  legend: string;
  done: boolean;
  doneText: string;
  summary: ReactNode;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
  submitLabel: string;
  submitting: boolean;
}) {
  return (
    <form noValidate onSubmit={onSubmit} className="record-form">
      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">{legend}</legend>
        <div role="status">{done && <Alert type="ok">{doneText}</Alert>}</div>
        {summary}
        {children}
        <SubmitButton label={submitLabel} submitting={submitting} />
      </fieldset>
    </form>
  );
}

/** A whole number as typed, or NaN so that the server names the field. */
const wholeNumber = (text: string) => (/^-?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

export function CompanyForm({ onRecorded }: { onRecorded: () => void }) {
  const { t, submission, values, field, submit, done } = useRecordForm({ name: '', country: '', registrationNumber: '' });
  const labels = { name: t('industry.forms.company.name'), country: t('industry.forms.company.country'), registrationNumber: t('industry.forms.company.registrationNumber') };
  return (
    <FormFrame
      legend={t('industry.forms.company.legend')}
      done={done}
      doneText={t('industry.forms.company.done')}
      summary={<ErrorSummary fieldErrors={submission.fieldErrors} labels={labels} formError={submission.formError} refusals={submission.refusals} />}
      onSubmit={(event) =>
        submit(event, async (key) => {
          await createCompany({ name: values.name, country: values.country.trim().toUpperCase(), registrationNumber: values.registrationNumber.trim() || null }, key);
          onRecorded();
        })
      }
      submitLabel={t('industry.forms.company.submit')}
      submitting={submission.submitting}
    >
      <TextField {...field('name', labels.name)} />
      <TextField {...field('country', labels.country)} size="small" />
      <TextField {...field('registrationNumber', labels.registrationNumber)} optional />
    </FormFrame>
  );
}

export function ProgressForm({ overview, onRecorded }: { overview: IndustryOverview; onRecorded: () => void }) {
  const milestones = overview.companies.flatMap((company) =>
    company.contracts.flatMap((contract) => contract.milestones.map((milestone) => ({ value: milestone.id, label: `${company.name} · ${contract.reference} · ${milestone.title} (${milestone.percent} %)` }))),
  );
  const { t, submission, values, field, submit, done } = useRecordForm({ milestone: milestones[0]?.value ?? '', percent: '', reportedOn: '', reason: '' });
  if (milestones.length === 0) return null;
  const labels = {
    milestone: t('industry.forms.progress.milestone'),
    percent: t('industry.forms.progress.percent'),
    reportedOn: t('industry.forms.progress.reportedOn'),
    reason: t('industry.forms.progress.reason'),
  };
  return (
    <FormFrame
      legend={t('industry.forms.progress.legend')}
      done={done}
      doneText={t('industry.forms.progress.done')}
      summary={<ErrorSummary fieldErrors={submission.fieldErrors} labels={labels} formError={submission.formError} refusals={submission.refusals} />}
      onSubmit={(event) =>
        submit(event, async (key) => {
          await reportProgress(values.milestone, { percent: wholeNumber(values.percent), reportedOn: values.reportedOn, reason: values.reason }, key);
          onRecorded();
        })
      }
      submitLabel={t('industry.forms.progress.submit')}
      submitting={submission.submitting}
    >
      <SelectField {...field('milestone', labels.milestone)} options={milestones} />
      <TextField {...field('percent', labels.percent)} inputMode="numeric" size="small" />
      <TextField {...field('reportedOn', labels.reportedOn)} type="date" />
      <TextAreaField {...field('reason', labels.reason)} optional />
    </FormFrame>
  );
}

export function LessonForm({ onRecorded }: { onRecorded: () => void }) {
  const { t, submission, values, field, submit, done } = useRecordForm({ notedOn: '', category: LESSON_CATEGORIES[0] as string, text: '' });
  const labels = { notedOn: t('industry.forms.lesson.notedOn'), category: t('industry.forms.lesson.category'), text: t('industry.forms.lesson.text') };
  const category = LESSON_CATEGORIES.find((candidate) => candidate === values.category) ?? LESSON_CATEGORIES[0];
  return (
    <FormFrame
      legend={t('industry.forms.lesson.legend')}
      done={done}
      doneText={t('industry.forms.lesson.done')}
      summary={<ErrorSummary fieldErrors={submission.fieldErrors} labels={labels} formError={submission.formError} refusals={submission.refusals} />}
      onSubmit={(event) =>
        submit(event, async (key) => {
          await recordLesson({ notedOn: values.notedOn, category, text: values.text }, key);
          onRecorded();
        })
      }
      submitLabel={t('industry.forms.lesson.submit')}
      submitting={submission.submitting}
    >
      <TextField {...field('notedOn', labels.notedOn)} type="date" />
      <SelectField {...field('category', labels.category)} options={LESSON_CATEGORIES.map((value) => ({ value, label: t(`lessonCategories.${value}`) }))} />
      <TextAreaField {...field('text', labels.text)} />
    </FormFrame>
  );
}
