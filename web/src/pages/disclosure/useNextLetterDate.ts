import type { IsoDate } from '../../../../common/dates.ts';
import { listReports } from '../../api/reports.ts';
import { todayInTheHague } from '../../format/dates.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';

/**
 * The reference date of the next letter: the latest draft's, for a role that may read the letters;
 * otherwise, or without a draft, today. Null while the letters load.
 */
export function useNextLetterDate(): IsoDate | null {
  const mayReadLetters = useCan()('report.read');
  const reports = useResource(`next-letter/${mayReadLetters}`, async (signal) => (mayReadLetters ? (await listReports(signal)).data.items : []));
  if (reports.status === 'loading') return null;
  const draft = reports.status === 'ready' ? reports.data.find((report) => report.status === 'draft') : undefined;
  return draft?.referenceDate ?? todayInTheHague();
}
