import type { TFunction } from 'i18next';
import type { AnnexListItem } from '../../api/letters.ts';
import { formatShortDate } from '../../format/dates.ts';
import { locale } from '../../format/locale.ts';
import type { Language } from '../../i18n/index.ts';

type KeptCounts = Pick<AnnexListItem, 'previousReferenceDate'> & { newRows: number; changedRows: number };

/** What changed since the previous letter, as the annex's summary says it: that nothing did, or how many are new and at another value. */
export function changesSincePrevious(t: TFunction, annex: KeptCounts, language: Language): string {
  if (annex.previousReferenceDate === null) return t('annexes.firstAnnex');
  const date = formatShortDate(annex.previousReferenceDate, language);
  if (annex.newRows === 0 && annex.changedRows === 0) return t('annexes.nothingChanged', { date });
  const count = (value: number) => value.toLocaleString(locale(language));
  return t('annexes.changes', { new: count(annex.newRows), changed: count(annex.changedRows), date });
}
