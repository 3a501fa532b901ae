import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PageHeading } from '../components/PageHeading.tsx';
import type { RefusalCode } from '../state/refusal.tsx';
import { useSession, useSessionContext } from '../state/session.tsx';

/** What the user sees instead of a page the server refused them. */
export function NotPermittedPage({ code }: { code: RefusalCode }) {
  const { t } = useTranslation();
  const session = useSession();
  const { logOut } = useSessionContext();
  const role = session ? t(`roles.${session.role}`) : '';
  return (
    <>
      <PageHeading title={t('access.title')}>{t('access.title')}</PageHeading>
      {code === 'secondFactorRequired' ? (
        <>
          <p className="nl-paragraph">{t('access.secondFactorRequired')}</p>
          <p className="nl-paragraph">
            <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => void logOut('secondFactor')}>
              {t('access.logInWithCode')}
            </button>
          </p>
        </>
      ) : (
        <>
          <p className="nl-paragraph">{t('access.notPermitted', { role })}</p>
          <p className="nl-paragraph">
            <Link className="utrecht-link utrecht-link--html-a" href="/">
              {t('access.home')}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
