import { listLetters } from '../../api/letters.ts';
import { todayInAmsterdam, type IsoDate } from '../../../../common/dates.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';

/**
 * The reference date of the next letter: the latest draft's, for a role that may read the letters;
 * otherwise, or without a draft, today. Null while the letters load.
 */
export function useNextLetterDate(): IsoDate | null {
  const mayReadLetters = useCan()('letter.read');
  const letters = useResource(`next-letter/${mayReadLetters}`, async (signal) => (mayReadLetters ? (await listLetters(signal)).data.items : []));
  if (letters.status === 'loading') return null;
  const draft = letters.status === 'ready' ? letters.data.find((letter) => letter.status === 'draft') : undefined;
  return draft?.referenceDate ?? todayInAmsterdam();
}
