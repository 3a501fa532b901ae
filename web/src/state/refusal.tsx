import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { isApiError } from '../api/client.ts';
import { useSession } from './session.tsx';

/** Why the server refused the user a page: the role may not, or the session lacks the second factor. */
export type RefusalCode = 'notPermitted' | 'secondFactorRequired';

interface RefusalContextValue {
  refusal: RefusalCode | null;
  /** Reports a failed load; a 403 turns the current page into the not-permitted page. */
  report: (error: unknown) => void;
}

const RefusalContext = createContext<RefusalContextValue>({ refusal: null, report: () => {} });

export function RefusalProvider({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const session = useSession();
  const [refused, setRefused] = useState<{ path: string; code: RefusalCode } | null>(null);
  useEffect(() => {
    setRefused((current) => (current && current.path !== location ? null : current));
  }, [location]);
  // Another session (or none) may be allowed what this one was refused.
  useEffect(() => setRefused(null), [session]);

  const report = useCallback(
    (error: unknown) => {
      if (!isApiError(error, 403)) return;
      const code = error.problem.code === 'secondFactorRequired' ? 'secondFactorRequired' : 'notPermitted';
      setRefused({ path: location, code });
    },
    [location],
  );
  const refusal = refused?.path === location ? refused.code : null;
  const value = useMemo(() => ({ refusal, report }), [refusal, report]);
  return <RefusalContext.Provider value={value}>{children}</RefusalContext.Provider>;
}

export function useRefusal(): RefusalContextValue {
  return useContext(RefusalContext);
}
