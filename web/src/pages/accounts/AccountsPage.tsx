import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listAccounts, type Account, type CreatedAccount } from '../../api/accounts.ts';
import { Alert } from '../../components/Alert.tsx';
import { ExportLinks } from '../../components/ExportLinks.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { useSession } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { ChangeRoleDialog, DisableAccountDialog, ResetPasswordDialog } from './AccountDialogs.tsx';
import { AccountsTable, type AccountAction } from './AccountsTable.tsx';
import { CreatedAccountSecret } from './CreatedAccountSecret.tsx';
import { NewAccountForm } from './NewAccountForm.tsx';

export function AccountsPage() {
  const { t } = useTranslation();
  const accounts = useResource('accounts', (signal) => listAccounts(signal));
  const ownUsername = useSession()?.username;
  const [open, setOpen] = useState<{ action: AccountAction; account: Account } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedAccount | null>(null);

  function done(text: string) {
    setOpen(null);
    setMessage(text);
    accounts.reload();
  }
  const dialogProps = open && { account: open.account, onCancel: () => setOpen(null), onDone: done };

  return (
    <>
      <PageHeading title={t('accounts.title')}>{t('accounts.title')}</PageHeading>
      <p className="nl-paragraph">{t('accounts.intro')}</p>
      <div role="status" className="site-notice">
        {message && <Alert type="ok">{message}</Alert>}
      </div>
      <LabelledSection heading={t('accounts.listHeading')}>
        {accounts.data ? (
          <>
            <ExportLinks list="accounts" />
            <AccountsTable
              accounts={accounts.data.data.items}
              ownUsername={ownUsername}
              onAction={(action, account) => {
                setMessage(null);
                setOpen({ action, account });
              }}
            />
          </>
        ) : (
          <ResourceStatus resource={accounts} onRetry={accounts.reload} />
        )}
      </LabelledSection>
      {dialogProps && open.action === 'changeRole' && <ChangeRoleDialog key={open.account.id} {...dialogProps} />}
      {dialogProps && open.action === 'resetPassword' && <ResetPasswordDialog key={open.account.id} {...dialogProps} />}
      {dialogProps && open.action === 'disable' && <DisableAccountDialog key={open.account.id} {...dialogProps} />}

      <LabelledSection heading={t('accounts.create.heading')}>
        {created ? (
          <CreatedAccountSecret created={created} onDone={() => setCreated(null)} />
        ) : (
          <NewAccountForm
            onCreated={(account) => {
              setMessage(null);
              setCreated(account);
              accounts.reload();
            }}
          />
        )}
      </LabelledSection>
    </>
  );
}
