import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { waitingForMe } from '../../api/letters.ts';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { formatLongDate, formatMoment } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';

/** What waits for the person logged in: letters to approve, revise, finalise, send or publish. */
export function WaitingForYou() {
  const can = useCan();
  return can('letter.read') ? <WaitingList /> : null;
}

function WaitingList() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const waiting = useResource('waiting', (signal) => waitingForMe(signal));
  const items = waiting.data?.data.items ?? [];
  return (
    <LabelledSection heading={t('dashboard.waiting.heading')} className="dashboard-section">
      {items.length === 0 ? (
        <p className="nl-paragraph">{t('dashboard.waiting.nothing')}</p>
      ) : (
        <ul className="utrecht-unordered-list waiting-list">
          {items.map((item) => (
            <li key={`${item.kind}/${item.letterId}`} className="utrecht-unordered-list__item">
              <Link href={`/brieven/${item.letterId}`} className="nl-link">
                {t(`dashboard.waiting.${item.kind}`, { referenceDate: formatLongDate(item.referenceDate, language) })}
              </Link>{' '}
              <span className="waiting-list__since">({t('dashboard.waiting.since', { moment: formatMoment(item.since, language) })})</span>
              {item.comment && <blockquote className="letter-review__comment">{item.comment}</blockquote>}
            </li>
          ))}
        </ul>
      )}
    </LabelledSection>
  );
}

/** How many things wait for the person logged in, for the menu; nothing while none or not known. */
export function WaitingCount() {
  const { t } = useTranslation();
  const waiting = useResource('waiting-count', (signal) => waitingForMe(signal));
  const count = waiting.data?.data.items.length ?? 0;
  return count > 0 ? <span className="waiting-count">{t('nav.waiting', { count })}</span> : null;
}
