import { useEffect, useState } from 'react';
import { listDeliveries } from '../api/deliveries.ts';
import type { DeliverySummary } from '../api/types.ts';
import { SEARCH_DELAY_MS } from './useSearchText.ts';

/** A filter of the delivery list beside the searched text, e.g. `{ supportType: 'procurement' }`. */
export type DeliveryFilter = Record<string, string>;

/**
 * The first `limit` deliveries by title that the filter and the search find, once typing pauses; null
 * while `search` is null (nothing to search for) or the first answer is on its way.
 */
export function useDeliverySearch(filter: DeliveryFilter, search: string | null, limit: number): DeliverySummary[] | 'failed' | null {
  const [found, setFound] = useState<DeliverySummary[] | 'failed' | null>(null);
  // Compared by what it holds: a filter written inline is a new object at every render.
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    if (search === null) {
      setFound(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      listDeliveries({ ...(JSON.parse(filterKey) as DeliveryFilter), q: search, sort: 'title', pageSize: limit }, controller.signal).then(
        ({ data }) => setFound(data.items),
        () => {
          if (!controller.signal.aborted) setFound('failed');
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [filterKey, search, limit]);
  return found;
}
