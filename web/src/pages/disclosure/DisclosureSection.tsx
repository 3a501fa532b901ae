import { useTranslation } from 'react-i18next';
import type { DisclosureState } from '../../../../common/vocabulary/codes.ts';
import { listDisclosureDecisions, type DisclosureDecision } from '../../api/disclosure.ts';
import { Alert } from '../../components/Alert.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatMoment, formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan, useSession } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { useGroundLabel } from './useGroundLabel.ts';
import { actorName } from '../../format/actors.ts';

/**
 * Whether a delivery may be made public; for the roles that may read them, the decisions that made it
 * so, latest first, and whether it waits for a new one. They are confidential: without the second factor the page says how to see them.
 */
export function DisclosureSection({ deliveryId, state }: { deliveryId: string; state: DisclosureState }) {
  const { t } = useTranslation();
  const mayRead = useCan()('disclosure.read');
  const secondFactor = useSession()?.secondFactor ?? false;
  return (
    <LabelledSection heading={t('delivery.sections.disclosure')}>
      <p className="nl-paragraph">
        {t('disclosure.currentState')} <span className={`status-tag status-tag--${state}`}>{t(`disclosureStates.${state}`)}</span>
      </p>
      {mayRead && (secondFactor ? <DecisionHistory deliveryId={deliveryId} /> : <p className="nl-paragraph">{t('disclosure.history.secondFactor')}</p>)}
    </LabelledSection>
  );
}

function DecisionHistory({ deliveryId }: { deliveryId: string }) {
  const { t } = useTranslation();
  const history = useResource(`disclosure/${deliveryId}`, (signal) => listDisclosureDecisions(deliveryId, signal));
  if (history.status !== 'ready') return <ResourceStatus resource={history} onRetry={history.reload} />;
  return (
    <>
      {history.data.data.decideAgainReason && <Alert type="warning">{t(`disclosure.waitsToBeDecidedAgain.${history.data.data.decideAgainReason}`)}</Alert>}
      <DecisionsTable decisions={history.data.data.items} />
    </>
  );
}

/** A delivery's disclosure decisions, latest first: what each made public or why it kept it confidential, and who decided. */
export function DecisionsTable({ decisions }: { decisions: DisclosureDecision[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const groundLabel = useGroundLabel();
  if (decisions.length === 0) return <p className="nl-paragraph">{t('disclosure.history.empty')}</p>;
  const what = (decision: DisclosureDecision) =>
    decision.state === 'public'
      ? [decision.publicTitle, decision.publicCategory && t(`categories.${decision.publicCategory}`), decision.publicQuantity, decision.publicDetail]
          .filter(Boolean)
          .join(' · ')
      : [groundLabel(decision.ground), decision.reviewOn && t('disclosure.history.reviewOn', { date: formatShortDate(decision.reviewOn, language) })]
          .filter(Boolean)
          .join(' · ');
  const columns: Column<DisclosureDecision>[] = [
    { key: 'decidedAt', header: t('disclosure.history.decidedAt'), cell: (decision) => formatMoment(decision.decidedAt, language) },
    { key: 'state', header: t('disclosure.history.state'), cell: (decision) => t(`disclosureStates.${decision.state}`) },
    { key: 'what', header: t('disclosure.history.what'), cell: what },
    { key: 'note', header: t('fields.note'), cell: (decision) => decision.note || t('common.none') },
    { key: 'decidedBy', header: t('disclosure.history.decidedBy'), cell: (decision) => actorName(decision.decidedByName, t) },
  ];
  return <DataTable caption={t('disclosure.history.caption')} columns={columns} rows={decisions} rowKey={(decision) => decision.id} />;
}
