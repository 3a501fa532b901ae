import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { listDeliveries } from '../api/deliveries.ts';
import { useCan, useSession } from './session.tsx';

const DemonstrationContext = createContext(false);

/**
 * Asks the register once per session whether it holds demonstration data, for the banner on every page.
 * Only the deliveries list says so; roles that may not read it see no banner.
 */
export function DemonstrationProvider({ children }: { children: ReactNode }) {
  const [isDemonstration, setDemonstration] = useState(false);
  const username = useSession()?.username;
  const mayAsk = useCan()('delivery.read');
  useEffect(() => {
    setDemonstration(false);
    if (!username || !mayAsk) return;
    const controller = new AbortController();
    listDeliveries({ pageSize: 1 }, controller.signal)
      .then((response) => setDemonstration(response.data.isDemonstration))
      // Pages report their own failures; without an answer there is simply no banner.
      .catch(() => {});
    return () => controller.abort();
  }, [username, mayAsk]);
  return <DemonstrationContext.Provider value={isDemonstration}>{children}</DemonstrationContext.Provider>;
}

export function useIsDemonstration(): boolean {
  return useContext(DemonstrationContext);
}
