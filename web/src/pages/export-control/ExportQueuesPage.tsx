import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { getExportQueues, type ExportQueueItem, type ExportQueuePage as QueuePage } from '../../api/export-control.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ExportLinks } from '../../components/ExportLinks.tsx';
import { listCursors, listPageHrefs, Pagination } from '../../components/Pagination.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { locale } from '../../format/locale.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { useExportWords } from './useExportWords.ts';

/** The assessor's queue and the licensing officer's queue. */
export function ExportQueuesPage() {
  const words = useExportWords();
  const can = useCan();
  const [params] = useSearchParams();
  const cursors = listCursors(params, ['assessment', 'licence']);
  const queues = useResource(JSON.stringify(cursors), (signal) => getExportQueues(cursors, signal));
  const data = queues.data?.data;
  const hrefs = (list: string, page: QueuePage) => listPageHrefs('/exportcontrole', cursors, list, page);
  return (
    <>
      <PageHeading title={words.queues.title}>{words.queues.title}</PageHeading>
      <p className="nl-paragraph">{words.queues.intro}</p>
      {can('export.report') && (
        <p className="nl-paragraph">
          <Link className="utrecht-link" href="/exportcontrole/rapportages">
            {words.queues.reports}
          </Link>
        </p>
      )}
      <ResourceStatus resource={queues} onRetry={queues.reload} />
      {data && (
        <>
          {data.awaitingAssessmentPage.total + data.awaitingLicencePage.total > 0 && <ExportLinks list="export-queues" />}
          <QueueTable caption={words.queues.awaitingAssessment} items={data.awaitingAssessment} page={data.awaitingAssessmentPage} hrefs={hrefs('assessment', data.awaitingAssessmentPage)} />
          <QueueTable caption={words.queues.awaitingLicence} items={data.awaitingLicence} page={data.awaitingLicencePage} hrefs={hrefs('licence', data.awaitingLicencePage)} />
        </>
      )}
    </>
  );
}

interface QueueTableProps {
  caption: string;
  items: ExportQueueItem[];
  page: QueuePage;
  hrefs: { previousHref: string | null; nextHref: string | null };
}

function QueueTable({ caption, items, page, hrefs }: QueueTableProps) {
  const { t } = useTranslation();
  const words = useExportWords();
  const language = currentLanguage();
  const date = (day: string | null) => (day ? formatShortDate(day, language) : '—');
  const count = new Intl.NumberFormat(locale(language)).format(page.total);
  return (
    <section>
      <h2 className="nl-heading nl-heading--level-2">{words.fill(page.totalIsCapped ? words.queues.countedMoreThan : words.queues.counted, { caption, count })}</h2>
      <DataTable
        caption={caption}
        empty={words.queues.empty}
        rows={items}
        rowKey={(item) => item.deliveryId}
        columns={[
          {
            key: 'delivery',
            header: words.queues.delivery,
            cell: (item) => (
              <Link className="utrecht-link" href={`/exportcontrole/leveringen/${item.deliveryId}`}>
                {item.title}
              </Link>
            ),
          },
          { key: 'category', header: words.queues.category, cell: (item) => t(`categories.${item.category}`) },
          { key: 'realisedAt', header: words.queues.date, cell: (item) => date(item.realisedAt) },
          { key: 'assessedOn', header: words.queues.assessedOn, cell: (item) => date(item.assessedOn) },
        ]}
      />
      <Pagination {...hrefs} list={caption} />
    </section>
  );
}
