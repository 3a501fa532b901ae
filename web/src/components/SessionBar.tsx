import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Session } from '../api/session.ts';
import { PASSWORD_PATH } from '../pages/session/returnPath.ts';
import { useSessionContext } from '../state/session.tsx';

/** Who is logged in, with which role, the change of their password (where they log in with one), and the way out. */
export function SessionBar({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { logOut } = useSessionContext();
  const [failed, setFailed] = useState(false);

  async function handleLogOut() {
    setFailed(false);
    try {
      await logOut();
    } catch {
      setFailed(true);
    }
  }

  return (
    <div className="session-bar">
      <p className="session-bar__who">
        {t('session.loggedInAs', { name: session.displayName || session.username })}{' '}
        <span className="session-bar__role">({t(`roles.${session.role}`)})</span>
      </p>
      {session.hasPassword && (
        <Link href={PASSWORD_PATH} className="utrecht-link utrecht-link--html-a">
          {t('session.changePassword')}
        </Link>
      )}
      {/* Logging out leaves the page: a page with unsaved text asks first (useWarningBeforeLeaving). */}
      <button type="button" className="utrecht-button utrecht-button--secondary-action session-bar__logout" onClick={handleLogOut} data-leaves-page>
        {t('session.logOut')}
      </button>
      {failed && (
        <p role="alert" className="session-bar__failure">
          {t('session.logOutFailed')}
        </p>
      )}
    </div>
  );
}
