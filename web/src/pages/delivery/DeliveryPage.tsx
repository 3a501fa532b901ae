import { useTranslation } from 'react-i18next';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { Link } from 'wouter';
import { countsInDutchTotals, isRealisedByPayment } from '../../../../common/delivery-rules.ts';
import { etagOf } from '../../api/client.ts';
import { getDelivery } from '../../api/deliveries.ts';
import type { DeliveryDetail } from '../../api/types.ts';
import { Detail } from '../../components/Detail.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatMoment } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { auditAddress, NO_FILTERS } from '../audit/auditQuery.ts';
import { DisclosureSection } from '../disclosure/DisclosureSection.tsx';
import { DeleteDelivery } from './DeleteDelivery.tsx';
import { LifecycleSteps } from './LifecycleSteps.tsx';
import { PaymentsTable, ValuationsTable } from './MoneyHistory.tsx';

export function DeliveryPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const resource = useResource(id, (signal) => getDelivery(id, signal));
  const can = useCan();

  // Also while the latest loads after a change, so that a dialog open on the page stays open.
  if (!resource.data) {
    return (
      <>
        <PageHeading title={t('deliveries.title')}>{t('deliveries.title')}</PageHeading>
        <ResourceStatus resource={resource} onRetry={resource.reload} notFound={t('delivery.notFound')} />
      </>
    );
  }
  const delivery = resource.data.data;
  const withdraw = { etag: etagOf(resource.data), onChanged: resource.reload };
  return (
    <>
      <PageHeading title={delivery.title}>{delivery.title}</PageHeading>
      <DeliveryActions delivery={delivery} etag={etagOf(resource.data)} />

      <LabelledSection heading={t('delivery.sections.lifecycle')}>
        <LifecycleSteps dates={delivery} stage={delivery.stage} />
      </LabelledSection>

      <LabelledSection heading={t('delivery.sections.money')}>
        <CurrentValue delivery={delivery} />
        <h3 className="nl-heading nl-heading--level-3">{t('delivery.valuations.heading')}</h3>
        <ValuationsTable valuations={delivery.valuations} withdrawing={{ withdrawals: delivery.withdrawals, withdraw: can('valuation.withdraw') ? withdraw : undefined }} />
        {(isRealisedByPayment(delivery.supportType) || delivery.payments.length > 0) && (
          <>
            <h3 className="nl-heading nl-heading--level-3">{t('delivery.payments.heading')}</h3>
            <PaymentsTable payments={delivery.payments} withdrawing={{ withdrawals: delivery.withdrawals, withdraw: can('payment.withdraw') ? withdraw : undefined }} />
          </>
        )}
      </LabelledSection>

      <LabelledSection heading={t('delivery.sections.details')}>
        <DeliveryDetails delivery={delivery} />
      </LabelledSection>

      <DisclosureSection deliveryId={delivery.id} state={delivery.disclosureState} />

      <LabelledSection heading={t('delivery.sections.sources')}>
        <Sources delivery={delivery} />
      </LabelledSection>
    </>
  );
}

/** What the user's role may do with the delivery: the server refuses the rest anyway. */
function DeliveryActions({ delivery, etag }: { delivery: DeliveryDetail; etag: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const path = `/leveringen/${delivery.id}`;
  const button = (primary: boolean) =>
    `utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${primary ? 'primary' : 'secondary'}-action`;
  return (
    <div className="action-row delivery-actions">
      {can('delivery.update') && (
        <Link className={button(true)} href={`${path}/bewerken`}>
          {t('delivery.actions.edit')}
        </Link>
      )}
      {can('valuation.create') && (
        <Link className={button(!can('delivery.update'))} href={`${path}/herwaardering`}>
          {t('delivery.actions.addValuation')}
        </Link>
      )}
      {can('payment.create') && isRealisedByPayment(delivery.supportType) && (
        <Link className={button(!can('delivery.update'))} href={`${path}/betaling`}>
          {t('delivery.actions.addPayment')}
        </Link>
      )}
      {can('disclosure.decide') && (
        <Link className={button(!can('delivery.update'))} href={`${path}/openbaarmaking`}>
          {t('delivery.actions.decideDisclosure')}
        </Link>
      )}
      {/* The only way to a delivery's export control that waits in no queue: licensed, or needing no licence by the rule, which the assessor may override. */}
      {can('export.read') && (
        <Link className="utrecht-link utrecht-link--html-a" href={`/exportcontrole/leveringen/${delivery.id}`}>
          {t('delivery.actions.exportControl')}
        </Link>
      )}
      {can('audit.read') && (
        <Link className="utrecht-link utrecht-link--html-a" href={auditAddress({ ...NO_FILTERS, objectType: 'delivery', objectId: delivery.id })}>
          {t('audit.forDelivery')}
        </Link>
      )}
      {can('delivery.delete') && <DeleteDelivery id={delivery.id} title={delivery.title} etag={etag} />}
    </div>
  );
}

function CurrentValue({ delivery }: { delivery: DeliveryDetail }) {
  const { t } = useTranslation();
  return (
    <div className="current-value">
      <p className="current-value__label">{t('delivery.currentValue')}</p>
      <p className="current-value__amount">
        {isRealisedByPayment(delivery.supportType) || delivery.valuations.length > 0
          ? formatEuro(delivery.valueCents, currentLanguage())
          : t('delivery.noValue')}
      </p>
      {isRealisedByPayment(delivery.supportType) && <p className="nl-paragraph">{t('delivery.paidValueNote')}</p>}
      {!countsInDutchTotals(delivery.fundingSource) && <p className="nl-paragraph">{t('delivery.epfNote')}</p>}
    </div>
  );
}

function DeliveryDetails({ delivery }: { delivery: DeliveryDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const none = t('common.none');
  const quantity = delivery.quantity === null ? none : [delivery.quantity.toLocaleString(language), delivery.unit].filter(Boolean).join(' ');
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows details-list">
      <Detail label={t('fields.publicTitle')}>{delivery.publicTitle ?? none}</Detail>
      <Detail label={t('fields.description')} multiline>
        {delivery.description || none}
      </Detail>
      <Detail label={t('fields.category')}>{t(`categories.${delivery.category}`)}</Detail>
      <Detail label={t('fields.supportType')}>{t(`supportTypes.${delivery.supportType}`)}</Detail>
      <Detail label={t('fields.fundingSource')}>{t(`fundingSources.${delivery.fundingSource}`)}</Detail>
      <Detail label={t('fields.quantity')}>{quantity}</Detail>
      <Detail label={t('fields.company')}>{delivery.company ?? none}</Detail>
      <Detail label={t('fields.contractReference')}>{delivery.contractReference ?? none}</Detail>
      <Detail label={t('fields.createdAt')}>{formatMoment(delivery.createdAt, language)}</Detail>
      <Detail label={t('fields.updatedAt')}>{formatMoment(delivery.updatedAt, language)}</Detail>
    </dl>
  );
}

function Sources({ delivery }: { delivery: DeliveryDetail }) {
  const { t } = useTranslation();
  if (delivery.sources.length === 0) return <p className="nl-paragraph">{t('delivery.noSources')}</p>;
  return (
    <ul className="utrecht-unordered-list">
      {delivery.sources.map((source, index) => (
        <li key={index} className="utrecht-unordered-list__item">
          {source.url ? (
            <a className="utrecht-link utrecht-link--html-a" href={source.url}>
              {source.description}
            </a>
          ) : (
            source.description
          )}
        </li>
      ))}
    </ul>
  );
}
