import { useTranslation } from 'react-i18next';
import type { Account } from '../../api/accounts.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { todayInAmsterdam } from '../../../../common/dates.ts';
import { formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';

export type AccountAction = 'changeRole' | 'resetPassword' | 'disable';

interface AccountsTableProps {
  accounts: Account[];
  /** The administrator's own username: another administrator changes or disables that account. */
  ownUsername: string | undefined;
  onAction: (action: AccountAction, account: Account) => void;
}

/** What an administrator may do to another enabled account: a new password only where it logs in with one. */
function actionsOn(account: Account): AccountAction[] {
  return account.hasPassword ? ['changeRole', 'resetPassword', 'disable'] : ['changeRole', 'disable'];
}

export function AccountsTable({ accounts, ownUsername, onAction }: AccountsTableProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const loginMethods = (account: Account) => {
    const text = [
      account.hasPassword && t('accounts.methods.password'),
      account.oidcSubject && t('accounts.methods.organisation'),
      account.hasSecondFactor && t('accounts.methods.code'),
    ]
      .filter(Boolean)
      .join(', ');
    return text ? text.charAt(0).toLocaleUpperCase(language) + text.slice(1) : t('common.none');
  };

  const columns: Column<Account>[] = [
    {
      key: 'account',
      header: t('accounts.columns.account'),
      cell: (account) => (
        <>
          <span className="account-name">{account.username}</span>
          {account.displayName && <span className="account-display-name">{account.displayName}</span>}
        </>
      ),
    },
    { key: 'role', header: t('accounts.columns.role'), cell: (account) => t(`roles.${account.role}`) },
    { key: 'login', header: t('accounts.columns.login'), cell: loginMethods },
    {
      key: 'status',
      header: t('accounts.columns.status'),
      cell: (account) => {
        if (account.disabledAt) return t('accounts.disabledOn', { date: formatShortDate(todayInAmsterdam(new Date(account.disabledAt)), language) });
        return account.passwordChangeRequired ? t('accounts.activePasswordToChange') : t('accounts.active');
      },
    },
    {
      key: 'actions',
      header: t('accounts.columns.actions'),
      cell: (account) =>
        account.disabledAt ? null : account.username === ownUsername ? (
          t('accounts.ownAccount')
        ) : (
          <div className="account-actions">
            {actionsOn(account).map((action) => (
              <button
                key={action}
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                aria-label={`${t(`accounts.${action}.button`)}, ${account.username}`}
                onClick={() => onAction(action, account)}
              >
                {t(`accounts.${action}.button`)}
              </button>
            ))}
          </div>
        ),
    },
  ];
  return <DataTable caption={t('accounts.caption')} columns={columns} rows={accounts} rowKey={(account) => account.id} />;
}
