import { useCallback, useEffect, useRef, useState } from 'react';
import { useRefusal } from './refusal.tsx';

export type Resource<T> =
  | { status: 'loading'; data?: T }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: unknown; data?: T };

/**
 * Loads whatever `key` names, again whenever it changes, aborting the request it replaces. While a new
 * load runs, the previous data stays available so lists do not flicker. A load the server refuses (403)
 * makes the page the not-permitted page.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> & { reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const { report } = useRefusal();
  const latestReport = useRef(report);
  latestReport.current = report;

  useEffect(() => {
    const controller = new AbortController();
    setResource((previous) => ({ status: 'loading', data: previous.data }));
    latestLoad.current(controller.signal).then(
      (data) => setResource({ status: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResource((previous) => ({ status: 'failed', error, data: previous.data }));
        latestReport.current(error);
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { ...resource, reload };
}
