import { useTranslation } from 'react-i18next';
import { versionTag } from '../../api/client.ts';
import { correctContract, withdrawContract, type IndustryOverview } from '../../api/industry.ts';
import type { FieldDescription } from '../../forms/DescribedField.tsx';
import { deliveryLinkFields, type DeliveryLinkField } from '../../forms/deliveryLinkFields.ts';
import { RecordForm } from '../../forms/RecordForm.tsx';
import { confirmedPeriod } from '../../forms/WarningConfirmation.tsx';
import type { HistoryEntry } from '../../forms/useHistoryEntry.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { CorrectionChooser } from './CorrectionChooser.tsx';
import { contractOwnFields, readContractOwnFields, type ContractOwnField } from './contractFields.ts';

type Contract = IndustryOverview['companies'][number]['contracts'][number];
type CorrectionField = ContractOwnField | DeliveryLinkField;

interface Recorded {
  overview: IndustryOverview;
  onRecorded: () => void;
}

/** The contracts that count today, each named by its company and reference. */
function contractOptions(overview: IndustryOverview) {
  return overview.companies.flatMap((company) => company.contracts.map((contract) => ({ contract, label: `${company.name} · ${contract.reference}` })));
}

/**
 * Correcting a contract typed in error: the registrar chooses it, and its form, filled as the overview shows it, is
 * saved against that version (412 when someone corrected or withdrew it since, with the offer to load the latest).
 */
export function ContractCorrection({ overview, onReload, onRecorded }: Recorded & { onReload: () => void }) {
  const { t } = useTranslation();
  const word = (key: 'legend' | 'intro' | 'contract' | 'done') => t(`industry.forms.correction.${key}`);
  return (
    <CorrectionChooser
      words={{ legend: word('legend'), intro: word('intro'), choose: word('contract'), done: word('done') }}
      options={contractOptions(overview).map(({ contract, label }) => ({ record: contract, label }))}
      form={(contract, saved) => <CorrectionForm overview={overview} contract={contract} onReload={onReload} onRecorded={saved} />}
      onRecorded={onRecorded}
    />
  );
}

function CorrectionForm({ overview, contract, onReload, onRecorded }: Recorded & { contract: Contract; onReload: () => void }) {
  const { t } = useTranslation();
  const deliveries = deliveryLinkFields<CorrectionField>({
    linked: contract.deliveries.map((delivery) => delivery.id),
    label: (number) => t('industry.forms.contract.deliveryNumbered', { number }),
    noneLabel: t('industry.forms.contract.noDelivery'),
    unlinkHint: t('industry.forms.correction.unlinkHint'),
    filter: { supportType: 'procurement' },
  });
  const fields: Record<CorrectionField, FieldDescription<CorrectionField>> = {
    ...contractOwnFields(t, overview, { contract, language: currentLanguage() }),
    ...deliveries.fields,
  };
  return (
    <RecordForm
      doneText={t('industry.forms.correction.done')}
      submitLabel={t('industry.forms.correction.submit')}
      conflictText={t('industry.forms.correction.conflict')}
      onReload={onReload}
      fields={fields}
      read={(read) => ({
        ...readContractOwnFields(read),
        deliveryIds: deliveries.chosen(read.text),
      })}
      send={(input, _key, confirmed) => correctContract(contract.id, { ...input, ...confirmedPeriod(confirmed) }, versionTag(contract.version))}
      onRecorded={onRecorded}
    />
  );
}

/**
 * Withdrawing a contract entered in error or undone, with the reason: from the date given it counts in no figure, at
 * earlier dates (a letter's reference date before it) it still does; its signing date takes it out of every figure.
 */
export function ContractWithdrawalForm({ overview, entry, onRecorded }: Recorded & { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const label = (key: 'contract' | 'withdrawnOn' | 'withdrawnOnHint' | 'reason') => t(`industry.forms.withdrawal.${key}`);
  const contracts = contractOptions(overview);
  // Kept once the last contract is withdrawn, so that it says it was.
  if (contracts.length === 0 && overview.withdrawnContracts.length === 0) return null;
  const versionOf = (id: string) => versionTag(contracts.find((option) => option.contract.id === id)?.contract.version ?? 0);
  return (
    <RecordForm
      legend={t('industry.forms.withdrawal.legend')}
      doneText={t('industry.forms.withdrawal.done')}
      submitLabel={t('industry.forms.withdrawal.submit')}
      conflictText={entry.conflictText}
      fields={{
        contractId: { label: label('contract'), control: 'select', options: [{ value: '', label: t('form.choose') }, ...contracts.map(({ contract, label: named }) => ({ value: contract.id, label: named }))] },
        withdrawnOn: { label: label('withdrawnOn'), control: 'date', hint: label('withdrawnOnHint') },
        reason: { label: label('reason'), control: 'textarea', rows: 2 },
      }}
      read={(read) => ({ contractId: read.required('contractId'), withdrawal: { withdrawnOn: read.required('withdrawnOn'), reason: read.required('reason') } })}
      send={({ contractId, withdrawal }, key, confirmed) =>
        entry.add(contractId, versionOf(contractId), (ifMatch) => withdrawContract(contractId, { ...withdrawal, ...confirmedPeriod(confirmed) }, key, ifMatch))
      }
      onRecorded={onRecorded}
    />
  );
}
