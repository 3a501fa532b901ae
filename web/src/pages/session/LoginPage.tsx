import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, useSearch } from 'wouter';
import type { ApiError } from '../../api/client.ts';
import { getLoginMethods, OIDC_LOGIN_PATH } from '../../api/session.ts';
import { Alert } from '../../components/Alert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFields } from '../../forms/useFields.ts';
import { useSubmission, type ClientProblem } from '../../forms/useSubmission.ts';
import { useSessionContext, type LoggedOutReason } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { minutesToWait } from './retryAfter.ts';
import { returnPathOf } from './returnPath.ts';
import { SubmitButton } from '../../forms/SubmitButton.tsx';

interface LoginValues {
  username: string;
  password: string;
  totp: string;
}

const REASON_ALERT = { expired: 'info', secondFactor: 'info', loggedOut: 'ok' } as const satisfies Record<LoggedOutReason, 'info' | 'ok'>;

export function LoginPage() {
  const { t } = useTranslation();
  const { state } = useSessionContext();
  const returnPath = returnPathOf(useSearch());
  if (state.status === 'active') return <Redirect to={returnPath} replace />;
  const reason = state.status === 'anonymous' ? state.reason : null;
  return (
    <>
      <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
      {reason && <Alert type={REASON_ALERT[reason]}>{t(`login.${reason}`)}</Alert>}
      <div className="login-panel">
        <p className="nl-paragraph">{t('login.intro')}</p>
        <OrganisationLogin />
        <LoginForm />
      </div>
      <p className="nl-paragraph">
        {t('login.public')}{' '}
        <Link className="utrecht-link utrecht-link--html-a" href="/openbaar">
          {t('login.publicLink')}
        </Link>
      </p>
    </>
  );
}

/** The identity provider's login, offered only where the server has one. */
function OrganisationLogin() {
  const { t } = useTranslation();
  const methods = useResource('methods', (signal) => getLoginMethods(signal));
  if (methods.status !== 'ready' || !methods.data.oidc) return null;
  return (
    <>
      <p className="nl-paragraph">
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={OIDC_LOGIN_PATH}>
          {t('login.organisation')}
        </a>
      </p>
      <p className="nl-paragraph">{t('login.orPassword')}</p>
    </>
  );
}

function LoginForm() {
  const { t } = useTranslation();
  const { logIn } = useSessionContext();
  const submission = useSubmission({ explain: (error) => explainRefusal(error, t) });
  const { values, field, labels } = useFields<LoginValues>({ username: '', password: '', totp: '' }, submission.fieldErrors);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Partial<Record<keyof LoginValues, ClientProblem>> = {};
    if (!values.username.trim()) problems.username = 'required';
    if (!values.password) problems.password = 'required';
    const code = values.totp.replace(/\s/g, '');
    void submission.submit(problems, () => logIn({ username: values.username.trim(), password: values.password, ...(code ? { totp: code } : {}) }));
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="record-form login-form">
      <ErrorSummary
        fieldErrors={submission.fieldErrors}
        labels={labels(['username', 'password', 'totp'])}
        formError={submission.formError}
        refusals={submission.refusals}
      />
      <TextField {...field('username')} autoComplete="username" />
      <TextField {...field('password')} type="password" autoComplete="current-password" />
      <TextField {...field('totp')} inputMode="numeric" autoComplete="one-time-code" size="small" hint={t('form.hints.totp')} optional />
      <SubmitButton label={t('login.submit')} submitting={submission.submitting} busyLabel={t('login.busy')} />
    </form>
  );
}

function explainRefusal(error: ApiError, t: TFunction): string | null {
  if (error.status === 401) return t('login.failed');
  if (error.status === 429) return t('login.throttled', { count: minutesToWait(error) });
  return null;
}
