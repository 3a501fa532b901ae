import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, useLocation, useSearch } from 'wouter';
import { Alert } from '../../components/Alert.tsx';
import { useSessionContext } from '../../state/session.tsx';
import { LOGIN_PATH, loginPathReturningTo, PASSWORD_PATH } from './returnPath.ts';

/**
 * Shows its pages only with a session; without one, the login page, which brings the user back here. A
 * session whose account must first choose its own password (an administrator set it) sees only that page.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state, retry } = useSessionContext();
  const [location] = useLocation();
  const search = useSearch();

  switch (state.status) {
    case 'active':
      return state.session.passwordChangeRequired && location !== PASSWORD_PATH ? <Redirect to={PASSWORD_PATH} replace /> : children;
    case 'anonymous':
      return <Redirect to={state.reason === 'loggedOut' ? LOGIN_PATH : loginPathReturningTo(search ? `${location}?${search}` : location)} replace />;
    case 'loading':
      return (
        <p role="status" className="nl-paragraph">
          {t('common.loading')}
        </p>
      );
    case 'unreachable':
      return (
        <Alert type="error">
          <p className="nl-paragraph">{t('session.unreachable')}</p>
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={retry}>
            {t('common.retry')}
          </button>
        </Alert>
      );
  }
}
