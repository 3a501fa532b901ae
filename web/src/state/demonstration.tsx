import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { listDeliveries } from '../api/deliveries.ts';

const DemonstrationContext = createContext(false);

/** Asks the register once per visit whether it holds demonstration data, for the banner on every page. */
export function DemonstrationProvider({ children }: { children: ReactNode }) {
  const [isDemonstration, setDemonstration] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    listDeliveries({ pageSize: 1 }, controller.signal)
      .then((response) => setDemonstration(response.data.isDemonstration))
      // Pages report their own failures; without an answer there is simply no banner.
      .catch(() => {});
    return () => controller.abort();
  }, []);
  return <DemonstrationContext.Provider value={isDemonstration}>{children}</DemonstrationContext.Provider>;
}

export function useIsDemonstration(): boolean {
  return useContext(DemonstrationContext);
}
