import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

const DemonstrationContext = createContext<{ isDemonstration: boolean; report: () => void }>({
  isDemonstration: false,
  report: () => {},
});

/** Remembers, for the rest of the visit, that the API said it serves demonstration data. */
export function DemonstrationProvider({ children }: { children: ReactNode }) {
  const [isDemonstration, setDemonstration] = useState(false);
  const report = useCallback(() => setDemonstration(true), []);
  const value = useMemo(() => ({ isDemonstration, report }), [isDemonstration, report]);
  return <DemonstrationContext.Provider value={value}>{children}</DemonstrationContext.Provider>;
}

export function useIsDemonstration(): boolean {
  return useContext(DemonstrationContext).isDemonstration;
}

export function useReportDemonstration(isDemonstration: boolean | undefined): void {
  const { report } = useContext(DemonstrationContext);
  useEffect(() => {
    if (isDemonstration) report();
  }, [isDemonstration, report]);
}
