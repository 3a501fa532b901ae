import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ToDecideAgain as Entry, ToDecideAgainPage } from '../../api/disclosure.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { ExportLinks } from '../../components/ExportLinks.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { Pagination } from '../../components/Pagination.tsx';

interface ToDecideAgainProps {
  entries: Entry[];
  page: ToDecideAgainPage;
  /** The addresses of the list's previous and next page, which leave the queue's other lists at their page. */
  pageHrefs: { previousHref: string | null; nextHref: string | null };
}

/**
 * Public deliveries whose item another delivery decided at once with them has left, or whose value made public
 * counted money withdrawn since: open data gives the item no value (and its date as shown) until they are decided
 * again, each with its reason. A page at a time, with their count; shown only
 * when there are any.
 */
export function ToDecideAgain({ entries, page, pageHrefs }: ToDecideAgainProps) {
  const { t } = useTranslation();
  if (page.total === 0) return null;
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
    { key: 'reason', header: t('disclosure.decideAgainReason'), cell: (entry) => t(`decideAgainReasons.${entry.reason}`) },
  ];
  const heading = page.totalIsCapped ? t('disclosure.decideAgainHeadingMoreThan', { number: page.total }) : t('disclosure.decideAgainHeading', { count: page.total });
  return (
    <LabelledSection heading={heading}>
      <p className="nl-paragraph">{t('disclosure.decideAgainExplained')}</p>
      <ExportLinks list="to-decide-again" />
      <DataTable caption={t('disclosure.decideAgainCaption')} columns={columns} rows={entries} rowKey={(entry) => entry.deliveryId} />
      <Pagination {...pageHrefs} list={t('disclosure.decideAgainCaption')} />
    </LabelledSection>
  );
}
