import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedAccount } from '../../api/accounts.ts';
import { Alert } from '../../components/Alert.tsx';

/** The new account's second-factor secret: shown this once, until the administrator says it is handed over. */
export function CreatedAccountSecret({ created, onDone }: { created: CreatedAccount; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { username } = created.account;

  return (
    <div className="created-account">
      <h3 ref={heading} tabIndex={-1} className="nl-heading nl-heading--level-3">
        {created.totpSecret ? t('accounts.created.heading', { username }) : t('accounts.created.withoutSecondFactor', { username })}
      </h3>
      {created.totpSecret && (
        <>
          <Alert type="warning">{t('accounts.created.warning')}</Alert>
          <dl className="created-account__secrets">
            <dt>{t('accounts.created.secret')}</dt>
            <dd>
              <code className="created-account__secret">{created.totpSecret}</code>
            </dd>
            {created.totpUri && (
              <>
                <dt>{t('accounts.created.uri')}</dt>
                <dd>
                  <code className="created-account__uri">{created.totpUri}</code>
                </dd>
              </>
            )}
          </dl>
        </>
      )}
      <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={onDone}>
        {created.totpSecret ? t('accounts.created.done') : t('accounts.create.another')}
      </button>
    </div>
  );
}
