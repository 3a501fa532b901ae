import type { TFunction } from 'i18next';
import type { IndustryOverview } from '../../api/industry.ts';
import type { FieldDescription } from '../../forms/DescribedField.tsx';
import type { FieldReader } from '../../forms/fieldReader.ts';

type Project = IndustryOverview['coproductionProjects'][number];

/** A co-production project's own fields, as the API names them: its stages have their own history. */
export type CoproductionProjectField = 'title' | 'partner';

/** A project's own fields (its title and partner) on the form that records a project, empty there, and on the form that corrects one, filled as `filledFrom` stands. */
export function coproductionProjectFields<N extends string>(t: TFunction, filledFrom?: Project): Record<CoproductionProjectField, FieldDescription<N>> {
  const label = (key: CoproductionProjectField) => t(`industry.forms.coproduction.${key}`);
  return {
    title: { label: label('title'), initial: filledFrom?.title },
    partner: { label: label('partner'), initial: filledFrom?.partner },
  };
}

/** A project's own fields as typed, in the request's form. */
export function readCoproductionProjectFields(read: FieldReader<CoproductionProjectField>) {
  return { title: read.required('title'), partner: read.required('partner') };
}
