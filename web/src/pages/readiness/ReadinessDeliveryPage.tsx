import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { etagOf } from '../../api/client.ts';
import { getDeliveryReadiness, type DeliveryReadiness } from '../../api/readiness.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Detail } from '../../components/Detail.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { useHistoryEntry } from '../../forms/useHistoryEntry.ts';
import { formatShortDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { JudgementForm, NonReplacementForm, ProjectForm } from './ReadinessForms.tsx';
import { actorName } from '../../format/actors.ts';

/** One stock delivery's effect on readiness as judged over time, its replacement, and the forms to add to them. */
export function ReadinessDeliveryPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const readiness = useResource(id, (signal) => getDeliveryReadiness(id, signal));
  // One for both forms: judgements and decisions not to replace are one history.
  const entry = useHistoryEntry(readiness.reload);
  const delivery = readiness.data?.data;
  const history = readiness.data ? { deliveryId: id, etag: etagOf(readiness.data), entry, onDone: readiness.reload } : undefined;
  const title = delivery?.title ?? t('readiness.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="nl-paragraph">
        <Link className="utrecht-link" href="/gereedheid">{t('readiness.delivery.back')}</Link> ·{' '}
        <Link className="utrecht-link" href={`/leveringen/${id}`}>{t('readiness.delivery.inRegister')}</Link>
      </p>
      {delivery ? (
        <>
          <Facts delivery={delivery} />
          <LabelledSection heading={t('readiness.delivery.judgementsHeading')}>
            <Judgements delivery={delivery} />
            {can('readiness.write') && history && <JudgementForm {...history} />}
          </LabelledSection>
          <LabelledSection heading={t('readiness.delivery.replacementsHeading')}>
            <Replacements delivery={delivery} />
            <NonReplacements delivery={delivery} />
            {can('readiness.write') && (
              <>
                <ProjectForm deliveryId={id} onDone={readiness.reload} />
                {history && <NonReplacementForm {...history} />}
              </>
            )}
          </LabelledSection>
        </>
      ) : (
        <ResourceStatus resource={readiness} onRetry={readiness.reload} notFound={t('readiness.delivery.notFound')} />
      )}
    </>
  );
}

function Facts({ delivery }: { delivery: DeliveryReadiness }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const replacedCents = delivery.replacements.reduce((sum, replacement) => sum + replacement.replacedValueCents, 0);
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows details-list">
      <Detail label={t('readiness.delivery.quantity')}>{delivery.quantity === null ? t('common.none') : [delivery.quantity, delivery.unit].filter(Boolean).join(' ')}</Detail>
      <Detail label={t('readiness.delivery.realisedAt')}>{delivery.realisedAt ? formatShortDate(delivery.realisedAt, language) : t('readiness.delivery.notRealised')}</Detail>
      <Detail label={t('readiness.delivery.value')}>{formatEuro(delivery.currentValueCents, language)}</Detail>
      <Detail label={t('readiness.delivery.replaced')}>{formatEuro(replacedCents, language)}</Detail>
    </dl>
  );
}

function Judgements({ delivery }: { delivery: DeliveryReadiness }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const words = 'readiness.delivery.judgementColumns';
  return (
    <DataTable
      caption={t('readiness.delivery.judgementsCaption')}
      empty={t('readiness.delivery.judgementsEmpty')}
      rowKey={(judgement) => judgement.id}
      rows={delivery.judgements.toReversed()}
      columns={[
        { key: 'judgedOn', header: t(`${words}.judgedOn`), cell: (judgement) => formatShortDate(judgement.judgedOn, language) },
        { key: 'effect', header: t(`${words}.effect`), cell: (judgement) => t(`readinessEffects.${judgement.effect}`) },
        { key: 'reasoning', header: t(`${words}.reasoning`), cell: (judgement) => judgement.reasoning },
        { key: 'judgedBy', header: t(`${words}.judgedBy`), cell: (judgement) => actorName(judgement.judgedByName, t) },
      ]}
    />
  );
}

function Replacements({ delivery }: { delivery: DeliveryReadiness }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const words = 'readiness.delivery.replacementColumns';
  return (
    <DataTable
      caption={t('readiness.delivery.replacementsCaption')}
      empty={t('readiness.delivery.replacementsEmpty')}
      rowKey={(replacement) => replacement.projectId}
      rows={delivery.replacements}
      columns={[
        { key: 'project', header: t(`${words}.project`), cell: (replacement) => replacement.project },
        { key: 'stage', header: t(`${words}.stage`), cell: (replacement) => t(`replenishmentStages.${replacement.stage}`) },
        { key: 'value', header: t(`${words}.value`), numeric: true, cell: (replacement) => formatEuro(replacement.replacedValueCents, language) },
        { key: 'quantity', header: t(`${words}.quantity`), numeric: true, cell: (replacement) => replacement.replacedQuantity ?? t('common.none') },
      ]}
    />
  );
}

function NonReplacements({ delivery }: { delivery: DeliveryReadiness }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <DataTable
      caption={t('readiness.delivery.decisionsCaption')}
      empty={t('readiness.delivery.decisionsEmpty')}
      rowKey={(decision) => decision.id}
      rows={delivery.nonReplacements.toReversed()}
      columns={[
        { key: 'decidedOn', header: t('readiness.decisionColumns.decidedOn'), cell: (decision) => formatShortDate(decision.decidedOn, language) },
        { key: 'reason', header: t('readiness.decisionColumns.reason'), cell: (decision) => decision.reason },
        { key: 'revalued', header: t('readiness.decisionColumns.revalued'), cell: (decision) => t(decision.valuationId ? 'readiness.revalued' : 'readiness.notRevalued') },
        { key: 'decidedBy', header: t('readiness.decisionColumns.decidedBy'), cell: (decision) => actorName(decision.decidedByName, t) },
      ]}
    />
  );
}
