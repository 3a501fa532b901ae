import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getExportQueues, type ExportQueueItem } from '../../api/export-control.ts';
import { ExportLinks } from '../../components/ExportLinks.tsx';
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
  return (
    <section>
      <h2 className="nl-heading nl-heading--level-2">{caption}</h2>
      {items.length === 0 ? (
        <p className="nl-paragraph">{words.queues.empty}</p>
      ) : (
        <table className="utrecht-table">
          <caption className="utrecht-table__caption">{caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell">{words.queues.delivery}</th>
              <th className="utrecht-table__header-cell">{words.queues.category}</th>
              <th className="utrecht-table__header-cell">{words.queues.date}</th>
              <th className="utrecht-table__header-cell">{words.queues.assessedOn}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {items.map((item) => (
              <tr key={item.deliveryId} className="utrecht-table__row">
                <td className="utrecht-table__cell">
                  <Link className="utrecht-link" href={`/exportcontrole/leveringen/${item.deliveryId}`}>
                    {item.title}
                  </Link>
                </td>
                <td className="utrecht-table__cell">{t(`categories.${item.category}`)}</td>
                <td className="utrecht-table__cell">{item.realisedAt ?? '—'}</td>
                <td className="utrecht-table__cell">{item.assessedOn ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
