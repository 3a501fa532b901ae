import { useTranslation } from 'react-i18next';
import type { PublicLetterSnapshot } from '../../api/letters.ts';

/** The deliveries the letter made public, by category, as the public may read them. */
export function PublicOverview({ overview }: { overview: PublicLetterSnapshot['overview'] }) {
  const { t } = useTranslation();
  if (overview.length === 0) return <p className="nl-paragraph">{t('public.letter.overviewEmpty')}</p>;
  return (
    <>
      <p className="nl-paragraph">{t('public.letter.overviewIntro')}</p>
      {overview.map((group) => (
        <section key={group.category} className="overview-group" aria-label={t(`categories.${group.category}`)}>
          <h3 className="nl-heading nl-heading--level-3">{t(`categories.${group.category}`)}</h3>
          <ul className="utrecht-unordered-list">
            {group.items.map((item) => (
              <li key={item.publicId} className="utrecht-unordered-list__item">
                <span className="overview-item__title">{item.title}</span>
                {item.quantity && ` (${item.quantity})`}
                {item.detail && `: ${item.detail}`}
                <span className="overview-item__type"> · {t(`supportTypes.${item.supportType}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
