import type { TFunction } from 'i18next';
import { statedChange } from '../../../../common/letter-format.ts';
import { wordingOf } from '../../../../common/letter-snapshot-format.ts';
import type { PublicLetterSnapshot } from '../../api/letters.ts';
import { formatShortDate } from '../../format/dates.ts';
import { locale } from '../../format/locale.ts';
import type { Language } from '../../i18n/index.ts';

/**
 * How the total changed since the previous letter, under the public letter's table: as the letter states it
 * (statedChange: an increase, a decrease or the same, "minder dan 1 procent", "minder dan €10 mln."), from the
 * figures it printed, in the words of the format it was frozen in ("0 procent" before format 3, "1142 procent" before format 6), in the language
 * shown; null for a first letter.
 */
export function totalChangeSentence(t: TFunction, letter: Pick<PublicLetterSnapshot, 'format' | 'figures' | 'previousLetter'>, language: Language): string | null {
  const total = letter.figures.lines.find((line) => line.key === 'total');
  if (letter.previousLetter === null || letter.figures.increaseCents === null || !total || total.reportedPreviousCents === null) return null;
  const date = formatShortDate(letter.previousLetter.referenceDate, language);
  const wording = wordingOf(letter.format);
  const change = statedChange(letter.figures.increaseCents, total.reportedPreviousCents, letter.figures.increaseLessThan === true, wording);
  if (change.direction === 'unchanged') return t('public.letter.change.unchanged', { date });
  const amount = change.lessThan ? t('public.letter.change.lessThan', { amount: change.sizeText }) : change.sizeText;
  const percent = change.percent && t(change.percent.lessThan ? 'public.letter.change.percentLessThan' : 'public.letter.change.percent', {
      percent: wording.groupedPercent ? change.percent.whole.toLocaleString(locale(language)) : change.percent.whole,
    });
  const share = percent ? t('public.letter.change.share', { percent }) : '';
  return t(change.direction === 'decrease' ? 'public.letter.change.decrease' : 'public.letter.change.increase', { amount, share, date });
}
