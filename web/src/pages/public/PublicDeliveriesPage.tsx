import { useTranslation } from 'react-i18next';
import { compareTitles } from '../../../../common/title-order.ts';
import {
  KIEL_CSV,
  KIEL_XLSX,
  letterFiguresFile,
  listPublicDeliveries,
  OPEN_DATA_CATALOG,
  OPEN_DATA_FILES,
  publicDeliveriesFile,
  type PublicDelivery,
} from '../../api/public.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { DownloadLinks } from '../../components/DownloadLinks.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useResource } from '../../state/useResource.ts';
import { PublicSection } from './PublicSection.tsx';
import { publicItemColumns } from './publicItemColumns.tsx';

/** Open data: every delivery decided public, as the public may read it, to read here or to download. */
export function PublicDeliveriesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const deliveries = useResource('public-deliveries', (signal) => listPublicDeliveries(signal));
  return (
    <PublicSection title={t('publicDeliveries.title')} isDemonstration={deliveries.data?.data.items.some((delivery) => delivery.isDemonstration)}>
      <p className="nl-paragraph">{t('publicDeliveries.intro')}</p>
      <div className="letter-tools">
        <DownloadLinks
          label={t('publicDeliveries.download')}
          downloads={OPEN_DATA_FILES.map((format) => ({ format, href: publicDeliveriesFile(format, language) }))}
        />
      </div>
      <section aria-labelledby="open-data-heading" className="open-data">
        {/* The catalogue, for harvesters that look for it in the page. */}
        <link rel="alternate" type="application/ld+json" href={OPEN_DATA_CATALOG} title="DCAT-AP-NL" />
        <h2 id="open-data-heading" className="nl-heading nl-heading--level-2">{t('publicDeliveries.openData.title')}</h2>
        <p className="nl-paragraph">{t('publicDeliveries.openData.intro')}</p>
        <div className="letter-tools">
          <DownloadLinks label={t('publicDeliveries.openData.kiel')} downloads={[{ format: 'csvRfc4180', href: KIEL_CSV }, { format: 'xlsx', href: KIEL_XLSX }]} />
          <DownloadLinks label={t('publicDeliveries.openData.figures')} downloads={OPEN_DATA_FILES.map((format) => ({ format, href: letterFiguresFile(format, language) }))} />
        </div>
        <p className="nl-paragraph">
          <a className="nl-link" href={OPEN_DATA_CATALOG}>{t('publicDeliveries.openData.catalog')}</a>
        </p>
      </section>
      {deliveries.data ? <PublicDeliveriesTable items={deliveries.data.data.items} /> : <ResourceStatus resource={deliveries} onRetry={deliveries.reload} />}
    </PublicSection>
  );
}

function PublicDeliveriesTable({ items }: { items: PublicDelivery[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (items.length === 0) return <p className="nl-paragraph">{t('publicDeliveries.empty')}</p>;
  const columns: Column<PublicDelivery>[] = [
    ...publicItemColumns<PublicDelivery>(t),
    { key: 'publicSince', header: t('publicDeliveries.columns.publicSince'), cell: (item) => <span className="cell-nowrap">{formatShortDate(item.publicSince, language)}</span> },
  ];
  // The file's order, the latest to become public first; within a day by title as people read numbers in it ("nr. 3" before "nr. 11"), which the database's order of text is not.
  const rows = [...items].sort((a, b) => b.publicSince.localeCompare(a.publicSince) || compareTitles(a.title, b.title));
  return <DataTable caption={t('publicDeliveries.caption', { count: items.length })} columns={columns} rows={rows} rowKey={(item) => item.publicId} />;
}
