import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Letter } from '../../api/letters.ts';
import { formatLongDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** The deliveries the note on export control counts, each leading to its page (and from there to its export control), for those who review the draft. */
export function ShipmentsWithoutLicence({ shipments }: { shipments: Letter['shipmentsWithoutLicence'] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <details className="letter-notes__shipments">
      <summary>
        {shipments.count > shipments.first.length
          ? t('letters.shipmentsWithoutLicence.summaryFirst', { first: shipments.first.length.toLocaleString(language), all: shipments.count.toLocaleString(language) })
          : t('letters.shipmentsWithoutLicence.summary', { count: shipments.count })}
      </summary>
      <ul className="utrecht-unordered-list">
        {shipments.first.map((shipment) => (
          <li key={shipment.deliveryId} className="utrecht-unordered-list__item">
            <Link className="utrecht-link utrecht-link--html-a" href={`/leveringen/${shipment.deliveryId}`}>
              {shipment.title}
            </Link>{' '}
            {t('letters.shipmentsWithoutLicence.shippedOn', { date: formatLongDate(shipment.shippedOn, language) })}
          </li>
        ))}
      </ul>
    </details>
  );
}
