import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import type { nl } from '../i18n/nl/index.ts';

export type NoticeKey = keyof typeof nl.notices;
interface Notice {
  key: NoticeKey;
  path: string;
}

const NoticeContext = createContext<{ notice: Notice | null; setNotice: (notice: Notice | null) => void }>({
  notice: null,
  setNotice: () => {},
});

/** A confirmation that outlives one navigation: shown on the page it was meant for, gone after the next. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [location] = useLocation();
  useEffect(() => {
    setNotice((current) => (current && current.path !== location ? null : current));
  }, [location]);
  return <NoticeContext.Provider value={{ notice, setNotice }}>{children}</NoticeContext.Provider>;
}

export function useNotice(): NoticeKey | null {
  return useContext(NoticeContext).notice?.key ?? null;
}

export function useNavigateWithNotice(): (path: string, key: NoticeKey) => void {
  const [, navigate] = useLocation();
  const { setNotice } = useContext(NoticeContext);
  return useCallback(
    (path: string, key: NoticeKey) => {
      navigate(path);
      setNotice({ key, path });
    },
    [navigate, setNotice],
  );
}
