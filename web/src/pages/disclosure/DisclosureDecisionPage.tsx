import { useTranslation } from 'react-i18next';
import { useNavigateWithNotice } from '../../state/notice.tsx';
import { DeliveryFormFrame } from '../forms/DeliveryFormFrame.tsx';
import { DecisionForm } from './DecisionForm.tsx';

/** The disclosure decision on one delivery, taken from its own page. */
export function DisclosureDecisionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigateWithNotice = useNavigateWithNotice();
  return (
    <DeliveryFormFrame id={id} heading={t('disclosure.decideTitle')}>
      {({ delivery }) => <DecisionForm deliveries={[delivery]} onDecided={() => navigateWithNotice(`/leveringen/${id}`, 'disclosureDecided')} />}
    </DeliveryFormFrame>
  );
}
