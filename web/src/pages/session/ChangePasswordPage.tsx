import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { useFields } from '../../forms/useFields.ts';
import { useSubmission, type ClientProblem } from '../../forms/useSubmission.ts';
import { useSession, useSessionContext } from '../../state/session.tsx';
import { minutesToWait } from './retryAfter.ts';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  newPasswordAgain: string;
}
const FIELDS = ['currentPassword', 'newPassword', 'newPasswordAgain'] as const;

/** Where one changes one's own password, and the only page of a session whose password an administrator set. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [otherSessionsEnded, setOtherSessionsEnded] = useState<number | null>(null);
  if (!session) return null;
  return (
    <>
      <PageHeading title={t('passwordChange.title')}>{t('passwordChange.title')}</PageHeading>
      <div role="status">
        {otherSessionsEnded !== null && (
          <Alert type="ok">
            <p className="nl-paragraph">{t('passwordChange.changed')}</p>
            <p className="nl-paragraph">{t('passwordChange.otherSessionsEnded', { count: otherSessionsEnded })}</p>
          </Alert>
        )}
      </div>
      {otherSessionsEnded !== null ? (
        <p className="nl-paragraph">
          <Link className="utrecht-link utrecht-link--html-a" href="/">
            {t('common.toDashboard')}
          </Link>
        </p>
      ) : !session.hasPassword ? (
        <p className="nl-paragraph">{t('passwordChange.organisationOnly')}</p>
      ) : (
        <>
          {session.passwordChangeRequired && <Alert type="info">{t('passwordChange.required')}</Alert>}
          <p className="nl-paragraph">{t('passwordChange.intro')}</p>
          <ChangePasswordForm onChanged={setOtherSessionsEnded} />
        </>
      )}
    </>
  );
}

function ChangePasswordForm({ onChanged }: { onChanged: (otherSessionsEnded: number) => void }) {
  const { t } = useTranslation();
  const { changePassword } = useSessionContext();
  const submission = useSubmission({ explain: (error) => explainRefusal(error, t) });
  const { values, field, labels } = useFields<PasswordValues>({ currentPassword: '', newPassword: '', newPasswordAgain: '' }, submission.fieldErrors);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Partial<Record<keyof PasswordValues, ClientProblem>> = {};
    if (!values.currentPassword) problems.currentPassword = 'required';
    if (!values.newPassword) problems.newPassword = 'required';
    if (values.newPasswordAgain !== values.newPassword) problems.newPasswordAgain = 'passwordsDiffer';
    void submission.submit(problems, async () => onChanged(await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword })));
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="record-form">
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(FIELDS)} formError={submission.formError} refusals={submission.refusals} />
      <TextField {...field('currentPassword')} type="password" autoComplete="current-password" size="medium" />
      <TextField {...field('newPassword')} type="password" autoComplete="new-password" size="medium" hint={t('form.hints.newPassword')} />
      <TextField {...field('newPasswordAgain')} type="password" autoComplete="new-password" size="medium" />
      <SubmitButton label={t('passwordChange.submit')} submitting={submission.submitting} />
    </form>
  );
}

function explainRefusal(error: ApiError, t: TFunction): string | null {
  return error.status === 429 ? t('passwordChange.throttled', { count: minutesToWait(error) }) : null;
}
