import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../../common/dates.ts';
import type { DeliverySortKey, DeliverySummary } from '../../api/types.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { DeliveryNameCells } from './DeliveryNameCells.tsx';
import type { ListQuery } from './listQuery.ts';

interface DeliveryTableProps {
  items: DeliverySummary[];
  sort: ListQuery['sort'];
  busy: boolean;
  onSort: (sort: ListQuery['sort']) => void;
}

export function DeliveryTable({ items, sort, busy, onSort }: DeliveryTableProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const language = currentLanguage();
  const date = (value: IsoDate | null) => (value ? formatShortDate(value, language) : t('common.none'));

  return (
    <TableScroll labelledBy={captionId}>
      <table className={`utrecht-table utrecht-table--html-table delivery-table${busy ? ' table--busy' : ''}`} aria-busy={busy}>
        <caption id={captionId} className="utrecht-table__caption">
          {t('deliveries.caption', {
            column: t(`deliveries.columns.${sort.key}`),
            direction: t(sort.descending ? 'deliveries.descending' : 'deliveries.ascending'),
          })}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <SortableHeader sort={sort} onSort={onSort} column="title" />
            <SortableHeader sort={sort} onSort={onSort} column="supportType" />
            <SortableHeader sort={sort} onSort={onSort} column="category" />
            <th scope="col" className="utrecht-table__header-cell">
              {t('deliveries.columns.stage')}
            </th>
            <SortableHeader sort={sort} onSort={onSort} column="committedAt" />
            <SortableHeader sort={sort} onSort={onSort} column="realisedAt" />
            <SortableHeader sort={sort} onSort={onSort} column="valueCents" numeric />
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {items.map((item) => (
            <tr key={item.id} className="utrecht-table__row">
              <DeliveryNameCells item={item} />
              <td className="utrecht-table__cell">{item.stage ? t(`stages.${item.stage}`) : t('deliveries.noStage')}</td>
              <td className="utrecht-table__cell cell-nowrap">{date(item.committedAt)}</td>
              <td className="utrecht-table__cell cell-nowrap">{date(item.realisedAt)}</td>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                {formatEuro(item.valueCents, language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Text columns sort A to Z first; dates and amounts newest and largest first. */
const ALPHABETICAL: ReadonlySet<DeliverySortKey> = new Set(['title', 'supportType', 'category']);

interface SortableHeaderProps {
  column: DeliverySortKey;
  sort: ListQuery['sort'];
  onSort: (sort: ListQuery['sort']) => void;
  numeric?: boolean;
}

/** A column head that sorts by its column; a second press reverses the order. */
function SortableHeader({ column, sort, onSort, numeric }: SortableHeaderProps) {
  const { t } = useTranslation();
  const active = sort.key === column;
  const nextDescending = active ? !sort.descending : !ALPHABETICAL.has(column);
  return (
    <th
      scope="col"
      className={`utrecht-table__header-cell${numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <button type="button" className="sort-button" onClick={() => onSort({ key: column, descending: nextDescending })}>
        {t(`deliveries.columns.${column}`)}
        <span className="sort-button__icon" aria-hidden="true">
          {active ? (sort.descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}
