import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getExportQueues, type ExportQueueItem } from '../../api/export-control.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ExportLinks } from '../../components/ExportLinks.tsx';
import { formatShortDate } from '../../format/dates.ts';
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
  const queues = useResource('queues', (signal) => getExportQueues(signal));
  const data = queues.data?.data;
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
          {data.awaitingAssessment.length + data.awaitingLicence.length > 0 && <ExportLinks list="export-queues" />}
          <QueueTable caption={words.queues.awaitingAssessment} items={data.awaitingAssessment} />
          <QueueTable caption={words.queues.awaitingLicence} items={data.awaitingLicence} />
        </>
      )}
    </>
  );
}

function QueueTable({ caption, items }: { caption: string; items: ExportQueueItem[] }) {
  const { t } = useTranslation();
  const words = useExportWords();
  const language = currentLanguage();
  const date = (day: string | null) => (day ? formatShortDate(day, language) : '—');
  return (
    <section>
      <h2 className="nl-heading nl-heading--level-2">{caption}</h2>
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
    </section>
  );
}
