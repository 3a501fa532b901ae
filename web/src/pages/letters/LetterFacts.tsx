import { useTranslation } from 'react-i18next';
import type { Letter } from '../../api/letters.ts';
import { Detail } from '../../components/Detail.tsx';
import { formatLongDate, formatMoment } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { actorName } from '../../format/actors.ts';

/** What is known of a letter at a glance: its dates, its paper number and, once final (withdrawn too), its hashes. */
export function LetterFacts({ letter }: { letter: Letter }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const none = t('common.none');
  const previous = letter.letter.previousLetter;
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows details-list">
      <Detail label={t('fields.referenceDate')}>{formatLongDate(letter.referenceDate, language)}</Detail>
      <Detail label={t('fields.letterDate')}>{letter.letterDate ? formatLongDate(letter.letterDate, language) : t('letters.facts.noLetterDate')}</Detail>
      <Detail label={t('letters.facts.previous')}>
        {previous ? t('letters.facts.previousLetter', { date: formatLongDate(previous.referenceDate, language), paper: previous.paperNumber ?? none }) : none}
      </Detail>
      {letter.status !== 'draft' && (
        <>
          <Detail label={t('letters.facts.finalised')}>
            {letter.finalisedAt ? t('letters.facts.finalisedBy', { moment: formatMoment(letter.finalisedAt, language), name: letter.finalisedByName ? actorName(letter.finalisedByName, t) : none }) : none}
          </Detail>
          <Detail label={t('letters.facts.approved')}>
            {letter.approval ? t('letters.facts.approvedBy', { moment: formatMoment(letter.approval.at, language), name: actorName(letter.approval.byName, t) }) : none}
          </Detail>
          {/* A letter withdrawn is never sent: parliament gives it no number. */}
          {letter.status === 'final' && (
            <>
              <Detail label={t('fields.paperNumber')}>{letter.paperNumber ?? t('letters.facts.notYet')}</Detail>
              <Detail label={t('fields.publishedOn')}>{letter.publishedOn ? formatLongDate(letter.publishedOn, language) : t('letters.facts.notYet')}</Detail>
            </>
          )}
          <Detail label={t('letters.facts.publicSha256')}>
            <code className="hash">{letter.publicSha256}</code>
          </Detail>
          <Detail label={t('letters.facts.annexSha256')}>
            <code className="hash">{letter.annexSha256}</code>
          </Detail>
        </>
      )}
    </dl>
  );
}
