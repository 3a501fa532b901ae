import type { TFunction } from 'i18next';
import { CATEGORIES } from '../../../../common/vocabulary/codes.ts';
import type { IndustryOverview } from '../../api/industry.ts';
import type { FieldDescription } from '../../forms/DescribedField.tsx';
import type { FieldReader } from '../../forms/fieldReader.ts';

type DemandBundle = IndustryOverview['demandBundles'][number];

/** A shared need's fields, as the API names them. */
export type DemandBundleField = 'need' | 'category' | 'dutchQuantity' | 'ukrainianQuantity' | 'identifiedOn' | 'note';

/** A shared need's fields on the form that records one, empty there, and on the form that corrects one, filled as `filledFrom` stands. */
export function demandBundleFields(t: TFunction, filledFrom?: DemandBundle): Record<DemandBundleField, FieldDescription<DemandBundleField>> {
  const label = (key: DemandBundleField) => t(`industry.forms.demandBundle.${key}`);
  return {
    need: { label: label('need'), initial: filledFrom?.need },
    category: { label: label('category'), control: 'select', options: CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) })), initial: filledFrom?.category ?? CATEGORIES[0] },
    dutchQuantity: { label: label('dutchQuantity'), control: 'count', initial: filledFrom && String(filledFrom.dutchQuantity) },
    ukrainianQuantity: { label: label('ukrainianQuantity'), control: 'count', initial: filledFrom && String(filledFrom.ukrainianQuantity) },
    identifiedOn: { label: label('identifiedOn'), control: 'date', initial: filledFrom?.identifiedOn },
    note: { label: label('note'), control: 'textarea', optional: true, initial: filledFrom?.note },
  };
}

/** A shared need's fields as typed, in the request's form. */
export function readDemandBundleFields(read: FieldReader<DemandBundleField>) {
  return {
    need: read.required('need'),
    category: read.code('category', CATEGORIES),
    dutchQuantity: read.wholeNumber('dutchQuantity', true),
    ukrainianQuantity: read.wholeNumber('ukrainianQuantity', true),
    identifiedOn: read.required('identifiedOn'),
    note: read.text('note'),
  };
}
