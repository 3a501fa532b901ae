import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../../common/dates.ts';
import type { DeliverySummary } from '../../api/types.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { DeliveryNameCells } from '../deliveries/DeliveryNameCells.tsx';

type Selection = ReadonlyMap<string, DeliverySummary>;

interface UndecidedTableProps {
  items: DeliverySummary[];
  referenceDate: IsoDate;
  /** What is selected to decide on, across pages; null where the user may not decide. */
  selected: Selection | null;
  onSelect: (selection: Selection) => void;
  busy: boolean;
}

/** Deliveries without a disclosure decision, realised first; those the letter at the reference date needs are marked. */
export function UndecidedTable({ items, referenceDate, selected, onSelect, busy }: UndecidedTableProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const language = currentLanguage();
  const allSelected = selected !== null && items.every((item) => selected.has(item.id));

  function toggle(item: DeliverySummary, checked: boolean) {
    if (!selected) return;
    const next = new Map(selected);
    if (checked) next.set(item.id, item);
    else next.delete(item.id);
    onSelect(next);
  }
  function toggleAll(checked: boolean) {
    if (!selected) return;
    const next = new Map(selected);
    for (const item of items) {
      if (checked) next.set(item.id, item);
      else next.delete(item.id);
    }
    onSelect(next);
  }

  return (
    <TableScroll labelledBy={captionId}>
      <table className={`utrecht-table utrecht-table--html-table undecided-table${busy ? ' table--busy' : ''}`} aria-busy={busy}>
        <caption id={captionId} className="utrecht-table__caption">{t('disclosure.caption')}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {selected && (
              <td className="utrecht-table__header-cell select-cell">
                <input
                  type="checkbox"
                  className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                  aria-label={t('disclosure.selectAll')}
                  checked={allSelected}
                  onChange={(event) => toggleAll(event.target.checked)}
                />
              </td>
            )}
            <th scope="col" className="utrecht-table__header-cell">
              {t('deliveries.columns.title')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('deliveries.columns.supportType')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('deliveries.columns.category')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('deliveries.columns.realisedAt')}
            </th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
              {t('deliveries.columns.valueCents')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('disclosure.neededColumn')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {items.map((item) => {
            const needed = item.realisedAt !== null && item.realisedAt <= referenceDate;
            return (
              <tr key={item.id} className="utrecht-table__row">
                {selected && (
                  <td className="utrecht-table__cell select-cell">
                    <input
                      type="checkbox"
                      className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                      aria-label={t('disclosure.select', { title: item.title })}
                      checked={selected.has(item.id)}
                      onChange={(event) => toggle(item, event.target.checked)}
                    />
                  </td>
                )}
                <DeliveryNameCells item={item} />
                <td className="utrecht-table__cell cell-nowrap">{item.realisedAt ? formatShortDate(item.realisedAt, language) : t('disclosure.notRealised')}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatEuro(item.valueCents, language)}</td>
                <td className="utrecht-table__cell">{needed ? <strong>{t('disclosure.needed')}</strong> : t('common.none')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
