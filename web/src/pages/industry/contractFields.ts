import type { TFunction } from 'i18next';
import type { IndustryOverview } from '../../api/industry.ts';
import type { FieldDescription } from '../../forms/DescribedField.tsx';
import type { FieldReader } from '../../forms/fieldReader.ts';
import { formatEuroAsTyped } from '../../format/money.ts';
import type { Language } from '../../../../common/vocabulary/index.ts';

type Contract = IndustryOverview['companies'][number]['contracts'][number];

/** A contract's own fields, as the API names them. */
export type ContractOwnField = 'companyId' | 'reference' | 'subject' | 'amountCents' | 'signedOn';

/**
 * A contract's own fields (its company, reference, subject, amount and signing date) on the form that records a contract,
 * empty there with a company to choose, and on the form that corrects one, filled as `filledFrom` stands.
 */
export function contractOwnFields(t: TFunction, overview: IndustryOverview, filledFrom?: { contract: Contract; language: Language }): Record<ContractOwnField, FieldDescription<ContractOwnField>> {
  const label = (key: 'company' | 'reference' | 'subject' | 'amount' | 'signedOn') => t(`industry.forms.contract.${key}`);
  const contract = filledFrom?.contract;
  const companies = overview.companies.map((company) => ({ value: company.id, label: `${company.name} (${company.country})` }));
  return {
    companyId: { label: label('company'), control: 'select', options: contract ? companies : [{ value: '', label: t('form.choose') }, ...companies], initial: contract?.companyId },
    reference: { label: label('reference'), initial: contract?.reference },
    subject: { label: label('subject'), control: 'textarea', rows: 2, initial: contract?.subject },
    amountCents: { label: label('amount'), control: 'amount', hint: t('form.hints.amount'), initial: filledFrom && formatEuroAsTyped(filledFrom.contract.amountCents, filledFrom.language) },
    signedOn: { label: label('signedOn'), control: 'date', initial: contract?.signedOn },
  };
}

/** A contract's own fields as typed, in the request's form. */
export function readContractOwnFields(read: FieldReader<ContractOwnField>) {
  return {
    companyId: read.required('companyId'),
    reference: read.required('reference'),
    subject: read.required('subject'),
    amountCents: read.amount('amountCents', true),
    signedOn: read.required('signedOn'),
  };
}
