import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../api/session.ts';
import { useSessionContext } from '../state/session.tsx';

/** Who is logged in, with which role, and the way out. */
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
