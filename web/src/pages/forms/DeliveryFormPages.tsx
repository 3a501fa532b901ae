import { useTranslation } from 'react-i18next';
import { createDelivery, replaceDelivery } from '../../api/deliveries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useNavigateWithNotice } from '../../state/notice.tsx';
import { ConflictNotice } from './ConflictNotice.tsx';
import { DeliveryForm } from './DeliveryForm.tsx';
import { DeliveryFormFrame } from './DeliveryFormFrame.tsx';
import { EMPTY_DELIVERY, valuesOf } from './deliveryValues.ts';

export function CreateDeliveryPage() {
  const { t } = useTranslation();
  const navigateWithNotice = useNavigateWithNotice();
  return (
    <>
      <PageHeading title={t('form.createTitle')}>{t('form.createTitle')}</PageHeading>
      <DeliveryForm
        initial={EMPTY_DELIVERY}
        submitLabel={t('form.submit.create')}
        onSubmit={async (request) => {
          const { data } = await createDelivery(request);
          navigateWithNotice(`/leveringen/${data.id}`, 'created');
        }}
      />
    </>
  );
}

export function EditDeliveryPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigateWithNotice = useNavigateWithNotice();
  return (
    <DeliveryFormFrame id={id} heading={t('form.editTitle')}>
      {({ delivery, etag, reload }) => (
        <DeliveryForm
          key={etag}
          initial={valuesOf(delivery)}
          submitLabel={t('form.submit.edit')}
          conflictNotice={<ConflictNotice started={delivery} onReload={reload} />}
          onSubmit={async (request) => {
            await replaceDelivery(id, request, etag);
            navigateWithNotice(`/leveringen/${id}`, 'updated');
          }}
        />
      )}
    </DeliveryFormFrame>
  );
}
