import { useTranslation } from 'react-i18next';
import { etagOf } from '../../api/client.ts';
import { listDisclosureDecisions } from '../../api/disclosure.ts';
import { Alert } from '../../components/Alert.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { useHistoryEntry } from '../../forms/useHistoryEntry.ts';
import { formatLongDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useNavigateWithNotice } from '../../state/notice.tsx';
import { useResource } from '../../state/useResource.ts';
import { DeliveryFormFrame } from '../forms/DeliveryFormFrame.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { DecisionsTable } from './DisclosureSection.tsx';

/**
 * The disclosure decision on one delivery, taken from its own page, under the decisions taken so far. It
 * starts from what the public reads of it now, says when it waits for a new decision because another delivery
 * left its public item, and which final letters, not yet published, list it: another decision holds them back.
 */
export function DisclosureDecisionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigateWithNotice = useNavigateWithNotice();
  const history = useResource(`disclosure/${id}`, (signal) => listDisclosureDecisions(id, signal));
  const entry = useHistoryEntry(history.reload);
  return (
    <DeliveryFormFrame id={id} heading={t('disclosure.decideTitle')}>
      {({ delivery }) => {
        // Also while the latest loads (after someone else decided first), so that the form keeps what was chosen.
        if (!history.data) return <ResourceStatus resource={history} onRetry={history.reload} />;
        const { items, awaitingLetters, decideAgainReason } = history.data.data;
        return (
          <>
            {decideAgainReason && <Alert type="warning">{t(`disclosure.waitsToBeDecidedAgain.${decideAgainReason}`)}</Alert>}
            {awaitingLetters.map((letter) => (
              <Alert key={letter.id} type="warning">
                {t('disclosure.awaitingLetter', { referenceDate: formatLongDate(letter.referenceDate, language), letterDate: formatLongDate(letter.letterDate, language) })}
              </Alert>
            ))}
            <div className="form-context">
              <DecisionsTable decisions={items} />
            </div>
            <DecisionForm deliveries={[delivery]} current={items[0]} history={{ etag: etagOf(history.data), entry }} onDecided={() => navigateWithNotice(`/leveringen/${id}`, 'disclosureDecided')} />
          </>
        );
      }}
    </DeliveryFormFrame>
  );
}
