import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onSessionEnded } from '../api/client.ts';
import {
  changePassword as sendPasswordChange,
  getSession,
  logIn as openSession,
  logOut as endSession,
  type Action,
  type Credentials,
  type PasswordChange,
  type Session,
} from '../api/session.ts';
import { forgetEveryUnsavedText } from '../pages/letters/unsavedText.ts';

/** Why the user sees the login page, when there is more to say than "log in". */
export type LoggedOutReason = 'expired' | 'loggedOut' | 'secondFactor';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable' }
  | { status: 'anonymous'; reason: LoggedOutReason | null }
  | { status: 'active'; session: Session };

interface SessionContextValue {
  state: SessionState;
  logIn: (credentials: Credentials) => Promise<void>;
  logOut: (reason?: LoggedOutReason) => Promise<void>;
  /** Changes the own password and takes the session as it is after it; resolves to how many other sessions ended. */
  changePassword: (change: PasswordChange) => Promise<number>;
  retry: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Asks the server for this browser's session at the start, and drops it when the API says it ended. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    getSession().then(
      (session) => current && setState(session ? { status: 'active', session } : { status: 'anonymous', reason: null }),
      () => current && setState({ status: 'unreachable' }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  useEffect(
    () => onSessionEnded(() => setState((previous) => (previous.status === 'active' ? { status: 'anonymous', reason: 'expired' } : previous))),
    [],
  );

  const logIn = useCallback(async (credentials: Credentials) => {
    const session = await openSession(credentials);
    setState({ status: 'active', session });
  }, []);

  const logOut = useCallback(async (reason: LoggedOutReason = 'loggedOut') => {
    await endSession();
    forgetEveryUnsavedText();
    setState({ status: 'anonymous', reason });
  }, []);

  const changePassword = useCallback(async (change: PasswordChange) => {
    const { session, otherSessionsEnded } = await sendPasswordChange(change);
    setState({ status: 'active', session });
    return otherSessionsEnded;
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  const value = useMemo(() => ({ state, logIn, logOut, changePassword, retry }), [state, logIn, logOut, changePassword, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionContext needs a SessionProvider');
  return value;
}

/** The logged-in user's session, or null. */
export function useSession(): Session | null {
  const { state } = useSessionContext();
  return state.status === 'active' ? state.session : null;
}

/**
 * Whether the user's role may take the action. Only to avoid offering what the server would refuse:
 * the server decides.
 */
export function useCan(): (action: Action) => boolean {
  const session = useSession();
  return useCallback((action: Action) => session?.permissions.includes(action) ?? false, [session]);
}
