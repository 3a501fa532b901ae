import { CATEGORIES, FUNDING_SOURCES, SUPPORT_TYPES } from '../../../../common/vocabulary/codes.ts';
import type { DeliveryDetail, DeliveryInput, LifecycleDates } from '../../api/types.ts';
import { fieldReader, type Problems } from '../../forms/fieldReader.ts';

/** The delivery form as typed: every control holds text. */
export interface DeliveryValues {
  title: string;
  publicTitle: string;
  description: string;
  category: string;
  supportType: string;
  fundingSource: string;
  quantity: string;
  unit: string;
  pledgedAt: string;
  committedAt: string;
  realisedAt: string;
  deliveredAt: string;
  company: string;
  contractReference: string;
  sources: { description: string; url: string }[];
}

export type TextFieldName = Exclude<keyof DeliveryValues, 'sources'>;

export const FIELD_NAMES = [
  'title',
  'publicTitle',
  'description',
  'category',
  'supportType',
  'fundingSource',
  'quantity',
  'unit',
  'pledgedAt',
  'committedAt',
  'realisedAt',
  'deliveredAt',
  'company',
  'contractReference',
] as const satisfies readonly TextFieldName[];

export const LIFECYCLE_FIELDS = ['pledgedAt', 'committedAt', 'realisedAt', 'deliveredAt'] as const satisfies readonly (keyof LifecycleDates & TextFieldName)[];

export const EMPTY_DELIVERY: DeliveryValues = {
  title: '',
  publicTitle: '',
  description: '',
  category: '',
  supportType: '',
  fundingSource: '',
  quantity: '',
  unit: '',
  pledgedAt: '',
  committedAt: '',
  realisedAt: '',
  deliveredAt: '',
  company: '',
  contractReference: '',
  sources: [],
};

export function valuesOf(delivery: DeliveryDetail): DeliveryValues {
  return {
    title: delivery.title,
    publicTitle: delivery.publicTitle ?? '',
    description: delivery.description,
    category: delivery.category,
    supportType: delivery.supportType,
    fundingSource: delivery.fundingSource,
    quantity: delivery.quantity === null ? '' : String(delivery.quantity),
    unit: delivery.unit ?? '',
    pledgedAt: delivery.pledgedAt ?? '',
    committedAt: delivery.committedAt ?? '',
    realisedAt: delivery.realisedAt ?? '',
    deliveredAt: delivery.deliveredAt ?? '',
    company: delivery.company ?? '',
    contractReference: delivery.contractReference ?? '',
    sources: delivery.sources.map((source) => ({ description: source.description, url: source.url ?? '' })),
  };
}

/** The form's texts by the names the API gives its fields, a source's as 'sources.0.description'. */
export function textsByField(values: DeliveryValues): Record<string, string> {
  const { sources, ...texts } = values;
  return {
    ...texts,
    ...Object.fromEntries(sources.flatMap((source, index) => [[`sources.${index}.description`, source.description], [`sources.${index}.url`, source.url]])),
  };
}

/**
 * The request body, noting what the form can tell before asking the server: the fields it cannot do without
 * and numbers that are not numbers, each read as its mark (fieldReader) so that it is sent as typed. The
 * rules of the register itself (such as the order of the lifecycle) are the server's.
 */
export function readDelivery(values: DeliveryValues, problems: Problems, unfinished: readonly string[] = []): DeliveryInput {
  const read = fieldReader(textsByField(values), problems, unfinished);
  const optional = (name: string): string | null => {
    const trimmed = read.text(name).trim();
    return trimmed === '' ? null : trimmed;
  };
  return {
    title: read.required('title').trim(),
    publicTitle: optional('publicTitle'),
    description: values.description.trim(),
    category: read.code('category', CATEGORIES),
    supportType: read.code('supportType', SUPPORT_TYPES),
    fundingSource: read.code('fundingSource', FUNDING_SOURCES),
    quantity: read.wholeNumber('quantity'),
    unit: optional('unit'),
    pledgedAt: optional('pledgedAt'),
    committedAt: optional('committedAt'),
    realisedAt: optional('realisedAt'),
    deliveredAt: optional('deliveredAt'),
    company: optional('company'),
    contractReference: optional('contractReference'),
    sources: values.sources.map((source, index) => {
      const description = read.required(`sources.${index}.description`).trim();
      const url = optional(`sources.${index}.url`);
      return url === null ? { description } : { description, url };
    }),
  };
}
