import type { TFunction } from 'i18next';
import type { IndustryOverview } from '../../api/industry.ts';
import type { FieldDescription } from '../../forms/DescribedField.tsx';
import type { FieldReader } from '../../forms/fieldReader.ts';

type Company = IndustryOverview['companies'][number];

/** A company's fields, as the API names them. */
export type CompanyField = 'name' | 'country' | 'registrationNumber';

/** A company's fields (its name, country and registration number) on the form that records a company, empty there, and on the form that corrects one, filled as `filledFrom` stands. */
export function companyFields(t: TFunction, filledFrom?: Company): Record<CompanyField, FieldDescription<CompanyField>> {
  const label = (key: CompanyField) => t(`industry.forms.company.${key}`);
  return {
    name: { label: label('name'), initial: filledFrom?.name },
    country: { label: label('country'), size: 'small', initial: filledFrom?.country },
    registrationNumber: { label: label('registrationNumber'), optional: true, initial: filledFrom?.registrationNumber ?? undefined },
  };
}

/** A company's fields as typed, in the request's form. */
export function readCompanyFields(read: FieldReader<CompanyField>) {
  return { name: read.required('name'), country: read.country('country'), registrationNumber: read.text('registrationNumber').trim() || null };
}
