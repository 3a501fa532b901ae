import { CATEGORIES, FUNDING_SOURCES, SUPPORT_TYPES } from '../../../../common/vocabulary/codes.ts';
import { isBlank } from '../../../../common/text.ts';
import type { DeliveryDetail, DeliveryInput, LifecycleDates } from '../../api/types.ts';
import { parseWholeNumber } from '../../../../common/number-text.ts';
import { wholeNumberProblem } from '../../forms/fieldReader.ts';
import type { ClientProblem } from '../../forms/useSubmission.ts';

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

/**
 * What the form can tell before asking the server: the fields it cannot do without and numbers that are
 * not numbers. The rules of the register itself (such as the order of the lifecycle) are the server's.
 */
export function checkDelivery(values: DeliveryValues): Record<string, ClientProblem> {
  const problems: Record<string, ClientProblem> = {};
  if (isBlank(values.title)) problems.title = 'required';
  if (!values.category) problems.category = 'required';
  if (!values.supportType) problems.supportType = 'required';
  if (!values.fundingSource) problems.fundingSource = 'required';
  const quantity = isBlank(values.quantity) ? undefined : wholeNumberProblem(values.quantity);
  if (quantity) problems.quantity = quantity;
  values.sources.forEach((source, index) => {
    if (isBlank(source.description)) problems[`sources.${index}.description`] = 'required';
  });
  return problems;
}

function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (!found) throw new RangeError(`unexpected value: ${value}`);
  return found;
}

/** The request body; only call it on values that passed checkDelivery. */
export function inputOf(values: DeliveryValues): DeliveryInput {
  return {
    title: values.title.trim(),
    publicTitle: optional(values.publicTitle),
    description: values.description.trim(),
    category: oneOf(values.category, CATEGORIES),
    supportType: oneOf(values.supportType, SUPPORT_TYPES),
    fundingSource: oneOf(values.fundingSource, FUNDING_SOURCES),
    quantity: isBlank(values.quantity) ? null : parseWholeNumber(values.quantity)!,
    unit: optional(values.unit),
    pledgedAt: optional(values.pledgedAt),
    committedAt: optional(values.committedAt),
    realisedAt: optional(values.realisedAt),
    deliveredAt: optional(values.deliveredAt),
    company: optional(values.company),
    contractReference: optional(values.contractReference),
    sources: values.sources.map((source) => {
      const url = optional(source.url);
      return url === null ? { description: source.description.trim() } : { description: source.description.trim(), url };
    }),
  };
}
