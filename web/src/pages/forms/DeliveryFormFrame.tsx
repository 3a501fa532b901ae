import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { etagOf } from '../../api/client.ts';
import { getDelivery } from '../../api/deliveries.ts';
import type { DeliveryDetail } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { useResource } from '../../state/useResource.ts';

export interface LoadedDelivery {
  delivery: DeliveryDetail;
  etag: string;
  reload: () => void;
}

/** A form page about one delivery: its heading, the delivery it is for, and a way back. */
export function DeliveryFormFrame({ id, heading, children }: { id: string; heading: string; children: (loaded: LoadedDelivery) => ReactNode }) {
  const { t } = useTranslation();
  const resource = useResource(id, (signal) => getDelivery(id, signal));

  return (
    <>
      <PageHeading title={heading}>{heading}</PageHeading>
      {/* Also while the latest loads, so that a form refused on an older version keeps what was typed. */}
      {resource.data ? (
        <>
          <p className="nl-paragraph form-subject">
            {t('form.forDelivery', { title: resource.data.data.title })} ·{' '}
            <Link className="utrecht-link utrecht-link--html-a" href={`/leveringen/${id}`}>
              {t('form.backToDelivery')}
            </Link>
          </p>
          {children({ delivery: resource.data.data, etag: etagOf(resource.data), reload: resource.reload })}
        </>
      ) : (
        <ResourceStatus resource={resource} onRetry={resource.reload} notFound={t('delivery.notFound')} />
      )}
    </>
  );
}
