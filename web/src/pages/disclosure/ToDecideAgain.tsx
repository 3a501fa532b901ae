import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ToDecideAgain as Entry } from '../../api/disclosure.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';

/**
 * Public deliveries whose item another delivery decided at once with them has left: open data gives the item no
 * value (and its date as shown) until they are decided again. Shown only when there are any.
 */
export function ToDecideAgain({ entries }: { entries: Entry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  const columns: Column<Entry>[] = [
    {
      key: 'title',
      header: t('deliveries.columns.title'),
      cell: (entry) => (
        <Link className="utrecht-link utrecht-link--html-a" href={`/leveringen/${entry.deliveryId}`}>
          {entry.title}
        </Link>
      ),
    },
    { key: 'publicTitle', header: t('fields.publicTitle'), cell: (entry) => entry.publicTitle },
  ];
  return (
    <LabelledSection heading={t('disclosure.decideAgainHeading', { count: entries.length })}>
      <p className="nl-paragraph">{t('disclosure.decideAgainExplained')}</p>
      <DataTable caption={t('disclosure.decideAgainCaption')} columns={columns} rows={entries} rowKey={(entry) => entry.deliveryId} />
    </LabelledSection>
  );
}
