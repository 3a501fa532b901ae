import { useTranslation } from 'react-i18next';
import { EPF_DUTCH_ROLES, EPF_TRANCHE_KINDS } from '../../../../common/vocabulary/codes.ts';
import { createEpfTranche } from '../../api/epf.ts';
import { RecordForm } from '../../forms/RecordForm.tsx';
import { confirmedPeriod } from '../../forms/WarningConfirmation.tsx';

/**
 * Records a tranche the EU decided, with its EU-wide amount and what the Netherlands does in it; one decided in the
 * period of a letter sent to parliament once the box at its date confirms it is meant.
 */
export function NewTrancheForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const choose = { value: '', label: t('form.choose') };
  return (
    <RecordForm
      doneText={t('epf.tranches.form.done')}
      submitLabel={t('epf.tranches.form.submit')}
      fields={{
        name: { label: t('epf.tranches.name'), intro: t('epf.tranches.form.hint') },
        kind: { label: t('epf.tranches.kind'), control: 'select', options: [choose, ...EPF_TRANCHE_KINDS.map((kind) => ({ value: kind, label: t(`epfTrancheKinds.${kind}`) }))] },
        euAmountCents: { label: t('epf.tranches.amount'), control: 'amount', hint: t('form.hints.amount') },
        decidedOn: { label: t('epf.tranches.decidedOn'), control: 'date' },
        dutchRole: { label: t('epf.tranches.role'), control: 'select', options: [choose, ...EPF_DUTCH_ROLES.map((role) => ({ value: role, label: t(`epfDutchRoles.${role}`) }))] },
        note: { label: t('epf.tranches.form.note'), control: 'textarea', optional: true },
      }}
      read={(read) => ({
        name: read.required('name'),
        kind: read.code('kind', EPF_TRANCHE_KINDS),
        euAmountCents: read.amount('euAmountCents', true),
        decidedOn: read.required('decidedOn'),
        dutchRole: read.code('dutchRole', EPF_DUTCH_ROLES),
        note: read.text('note'),
      })}
      send={(tranche, key, confirmed) => createEpfTranche({ ...tranche, ...confirmedPeriod(confirmed) }, key)}
      onRecorded={onCreated}
    />
  );
}
