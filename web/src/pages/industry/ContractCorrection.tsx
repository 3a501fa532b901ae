import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { versionTag } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { correctContract, withdrawContract, type IndustryOverview } from '../../api/industry.ts';
import { SelectField } from '../../forms/controls.tsx';
import type { FieldDescription } from '../../forms/DescribedField.tsx';
import { deliveryLinkFields, type DeliveryLinkField } from '../../forms/deliveryLinkFields.ts';
import { RecordForm } from '../../forms/RecordForm.tsx';
import type { HistoryEntry } from '../../forms/useHistoryEntry.ts';
import { currentLanguage } from '../../i18n/index.ts';
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
  const name = useId();
  const [chosenId, setChosenId] = useState('');
  const [corrected, setCorrected] = useState(false);
  const contracts = contractOptions(overview);
  const choose = (id: string) => {
    setChosenId(id);
    setCorrected(false);
  };
  // Once saved the form closes, saying so: the contract's next version is a new form, chosen anew.
  const saved = () => {
    choose('');
    setCorrected(true);
    onRecorded();
  };
  const chosen = contracts.find((option) => option.contract.id === chosenId)?.contract;
  if (contracts.length === 0) return null;
  return (
    <fieldset className="utrecht-form-fieldset">
      <legend className="utrecht-form-fieldset__legend">{t('industry.forms.correction.legend')}</legend>
      <p className="nl-paragraph">{t('industry.forms.correction.intro')}</p>
      <div role="status">{corrected && <Alert type="ok">{t('industry.forms.correction.done')}</Alert>}</div>
      <SelectField
        name={`${name}contract`}
        label={t('industry.forms.correction.contract')}
        value={chosenId}
        onChange={choose}
        options={[{ value: '', label: t('form.choose') }, ...contracts.map(({ contract, label }) => ({ value: contract.id, label }))]}
      />
      {/* A new version (after a correction, or loading the latest) is a new form, filled from it. */}
      {chosen && <CorrectionForm key={`${chosen.id}:${chosen.version}`} overview={overview} contract={chosen} onReload={onReload} onRecorded={saved} />}
    </fieldset>
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
      send={(input) => correctContract(contract.id, input, versionTag(contract.version))}
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
      send={({ contractId, withdrawal }, key) => entry.add(contractId, versionOf(contractId), (ifMatch) => withdrawContract(contractId, withdrawal, key, ifMatch))}
      onRecorded={onRecorded}
    />
  );
}
