import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../common/vocabulary/codes.ts';
import { SECOND_FACTOR_ROLES } from '../../../../common/second-factor.ts';
import { createAccount, type CreatedAccount, type NewAccount } from '../../api/accounts.ts';
import { CheckboxField, SelectField, TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFields } from '../../forms/useFields.ts';
import { useSubmission, type ClientProblem } from '../../forms/useSubmission.ts';
import { SubmitButton } from '../../forms/SubmitButton.tsx';

interface NewAccountValues {
  username: string;
  displayName: string;
  role: string;
  password: string;
  oidcSubject: string;
  email: string;
}
type NewAccountField = keyof NewAccountValues;
const FIELDS: NewAccountField[] = ['username', 'displayName', 'role', 'password', 'oidcSubject', 'email'];
const EMPTY: NewAccountValues = { username: '', displayName: '', role: '', password: '', oidcSubject: '', email: '' };

function roleOf(value: string): Role | undefined {
  return ROLES.find((role) => role === value);
}

/** The account to create; the server checks the rest (username form, password length, uniqueness). */
function newAccountOf(values: NewAccountValues, role: Role, secondFactor: boolean): NewAccount {
  const account: NewAccount = { username: values.username.trim(), role, password: values.password === '' ? null : values.password };
  if (values.displayName.trim()) account.displayName = values.displayName.trim();
  if (values.oidcSubject.trim()) account.oidcSubject = values.oidcSubject.trim();
  if (values.email.trim()) account.email = values.email.trim();
  if (secondFactor && !SECOND_FACTOR_ROLES.has(role)) account.secondFactor = true;
  return account;
}

export function NewAccountForm({ onCreated }: { onCreated: (created: CreatedAccount) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const { values, field, labels } = useFields<NewAccountValues>(EMPTY, submission.fieldErrors);
  const [secondFactor, setSecondFactor] = useState(false);
  // One key per account to create: sending the same creation twice creates one account.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const role = roleOf(values.role);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Partial<Record<NewAccountField, ClientProblem>> = {};
    if (!values.username.trim()) problems.username = 'required';
    if (!role) problems.role = 'required';
    void submission.submit(problems, async () => {
      if (!role) return;
      const { data } = await createAccount(newAccountOf(values, role, secondFactor), idempotencyKey);
      onCreated(data);
    });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="record-form">
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels(FIELDS)} formError={submission.formError} refusals={submission.refusals} />
      <TextField {...field('username')} autoComplete="off" size="medium" />
      <TextField {...field('displayName')} autoComplete="off" optional />
      <SelectField
        {...field('role')}
        hint={role && SECOND_FACTOR_ROLES.has(role) ? t('accounts.create.alwaysSecondFactor') : undefined}
        options={[{ value: '', label: t('form.choose') }, ...ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))]}
      />
      {role && !SECOND_FACTOR_ROLES.has(role) && (
        <CheckboxField name="secondFactor" label={t('fields.secondFactor')} checked={secondFactor} onChange={setSecondFactor} />
      )}
      <TextField {...field('password')} type="password" autoComplete="new-password" size="medium" hint={t('form.hints.password')} optional />
      <TextField {...field('oidcSubject')} autoComplete="off" hint={t('form.hints.oidcSubject')} optional />
      <TextField {...field('email')} autoComplete="off" hint={t('form.hints.email')} optional />
      <SubmitButton label={t('accounts.create.submit')} submitting={submission.submitting} />
    </form>
  );
}
