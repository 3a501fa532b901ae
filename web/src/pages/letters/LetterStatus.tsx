import { useTranslation } from 'react-i18next';
import type { DraftOrFinal } from '../../api/letters.ts';

/** Draft, final or withdrawn, as a label that reads the same in a table and next to a heading. */
export function LetterStatus({ status }: { status: DraftOrFinal }) {
  const { t } = useTranslation();
  return <span className={`status-tag status-tag--${status}`}>{t(`letters.status.${status}`)}</span>;
}
