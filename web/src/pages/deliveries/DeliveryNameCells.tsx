import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { DeliverySummary } from '../../api/types.ts';

/** The first cells of a delivery's row in a table: its title as the row's heading, linked, then its type and category. */
export function DeliveryNameCells({ item }: { item: DeliverySummary }) {
  const { t } = useTranslation();
  return (
    <>
      <th scope="row" className="utrecht-table__header-cell table-row-heading">
        <Link className="utrecht-link utrecht-link--html-a" href={`/leveringen/${item.id}`}>
          {item.title}
        </Link>
      </th>
      <td className="utrecht-table__cell">{t(`supportTypes.${item.supportType}`)}</td>
      <td className="utrecht-table__cell">{t(`categories.${item.category}`)}</td>
    </>
  );
}
