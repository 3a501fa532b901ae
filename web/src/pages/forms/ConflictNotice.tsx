import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { getDelivery } from '../../api/deliveries.ts';
import type { DeliveryDetail } from '../../api/types.ts';
import { FieldChangesTable } from '../../components/FieldChangesTable.tsx';
import { ReloadLatest } from '../../forms/ReloadLatest.tsx';
import { fieldChanges } from '../../format/changes.ts';
import { useResource } from '../../state/useResource.ts';
import { FIELD_NAMES } from './deliveryValues.ts';

const FORM_FIELDS = [...FIELD_NAMES, 'sources'] as const;

/**
 * Someone else saved the delivery after the form was opened: what they changed in the fields of this
 * form, and a way to start again from their version. Nothing is merged.
 */
export function ConflictNotice({ started, onReload }: { started: DeliveryDetail; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="nl-paragraph">{t('form.conflict.message')}</p>
      <WhatChanged started={started} />
      <ReloadLatest onReload={onReload} />
    </>
  );
}

function WhatChanged({ started }: { started: DeliveryDetail }) {
  const { t } = useTranslation();
  const current = useResource(`conflict/${started.id}`, (signal) => getDelivery(started.id, signal));
  if (current.status === 'loading') return <p className="nl-paragraph">{t('form.conflict.loading')}</p>;
  if (current.status === 'failed') {
    return <p className="nl-paragraph">{isApiError(current.error, 404) ? t('form.conflict.deleted') : t('form.conflict.unavailable')}</p>;
  }
  const changes = fieldChanges(started, current.data.data, FORM_FIELDS);
  if (changes.length === 0) return <p className="nl-paragraph">{t('form.conflict.noFieldChanged')}</p>;
  return (
    <FieldChangesTable
      caption={t('form.conflict.caption')}
      headers={{ field: t('form.conflict.field'), before: t('form.conflict.started'), after: t('form.conflict.current') }}
      changes={changes}
    />
  );
}
