import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Letter } from '../../api/letters.ts';
import { formatLongDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';

type Caution = NonNullable<Letter['disclosureCautions']>[number];

/**
 * What the draft's figures would disclose of single deliveries, said to the disclosure officer beside the
 * approval: a support type whose figure, its change since the previous letter or its restatement of that
 * letter's figure is one delivery's part that is not public.
 */
export function DisclosureCautions({ cautions }: { cautions: Caution[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <div className="letter-approval__cautions">
      <p className="nl-paragraph">{t('letters.approval.cautions.intro', { count: cautions.length })}</p>
      <ul className="utrecht-unordered-list">
        {cautions.map((caution) => (
          <li className="utrecht-unordered-list__item" key={`${caution.kind} ${caution.supportType}`}>
            {t(`letters.approval.cautions.${caution.kind}`, {
              supportType: t(`supportTypes.${caution.supportType}`),
              since: caution.since && formatLongDate(caution.since, language),
              amount: formatEuro(caution.cents, language),
            })}{' '}
            <Link className="utrecht-link utrecht-link--html-a" href={`/leveringen/${caution.deliveryId}`}>
              {caution.title}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
