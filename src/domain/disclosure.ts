import type { ConfidentialityGround, RealisedDatePrecision } from '../../common/vocabulary/codes.ts';
import type { Category, RuleViolation } from './delivery.ts';
import type { IsoDate } from '../../common/dates.ts';
import { MAX_COUNT, plannedDateViolations, reviewDateViolations, textViolations } from './plausibility.ts';

/** The codes of disclosure are shared with the browser, so they are kept in common/vocabulary. */
export {
  CONFIDENTIALITY_GROUNDS,
  DISCLOSURE_STATES,
  REALISED_DATE_PRECISIONS,
  type ConfidentialityGround,
  type RealisedDatePrecision,
  type DisclosureState,
} from '../../common/vocabulary/codes.ts';

/** What the public may read of a delivery decided public; it may be coarser than the internal record. */
interface PublicPresentation {
  title: string;
  detail: string;
  category: Category;
  /** As the public may read it ("circa 100", "een batterij"), or null to say nothing of quantity. */
  quantity: string | null;
}

/** What open data may give beyond the presentation; without it, neither the realised date nor the value. */
interface OpenDataDisclosure {
  realisedDate: RealisedDatePrecision | null;
  /** The delivery's value at the moment of the decision is public. */
  value: boolean;
}

export type DecisionInput =
  | {
      state: 'public';
      presentation: PublicPresentation;
      note: string;
      /** Public from this date, even before a letter lists it. */
      publicFrom?: string | null;
      openData?: OpenDataDisclosure;
    }
  | { state: 'confidential'; ground: ConfidentialityGround; reviewOn: string | null; note: string };

const MAX_PUBLIC_TITLE = 300;
const MAX_PUBLIC_DETAIL = 2000;
const MAX_PUBLIC_QUANTITY = 100;

/**
 * A public decision has a title the public can read, and a quantity, if any, as the public list prints
 * one ("3", "ca. 100", "meerdere"); the dates it names lie within the register's years and at most ten
 * years ahead, as any plan. A review date lies after today: the decision is taken now, so a date
 * that has come already would put the delivery back on the list to review at once.
 */
export function decisionViolations(decision: DecisionInput, today: IsoDate): RuleViolation[] {
  if (decision.state === 'confidential') return decision.reviewOn ? reviewDateViolations('reviewOn', decision.reviewOn, today) : [];
  const { title, detail, quantity } = decision.presentation;
  return [
    ...(decision.publicFrom ? plannedDateViolations('publicFrom', decision.publicFrom, today) : []),
    ...textViolations('publicTitle', title, { maximum: MAX_PUBLIC_TITLE, required: true, format: 'title' }),
    ...textViolations('publicDetail', detail, { maximum: MAX_PUBLIC_DETAIL, required: false }),
    ...publicQuantityViolations(quantity ?? ''),
  ];
}

/** A public quantity has its form, states no number beyond a plausible count ("1.000.000.000.000 stuks"), and no 0. */
function publicQuantityViolations(quantity: string): RuleViolation[] {
  const violations = textViolations('publicQuantity', quantity, { maximum: MAX_PUBLIC_QUANTITY, required: false, format: 'quantity' });
  if (violations.length > 0) return violations;
  const numbers = statedNumbers(quantity);
  if (numbers.some((number) => number > MAX_COUNT)) return [{ field: 'publicQuantity', code: 'tooLarge', params: { maximum: String(MAX_COUNT) } }];
  return numbers.includes(0) ? [{ field: 'publicQuantity', code: 'quantityStatesZero' }] : [];
}

/**
 * A public quantity may be coarser than the deliveries it presents ("ca. 10", "meerdere"), but states no
 * number above what they hold together. A delivery without a quantity leaves their total unknown.
 */
export function publicQuantityAboveDeliveredViolations(quantity: string | null, deliveryQuantities: readonly (number | null)[]): RuleViolation[] {
  const above = quantityStatedAbove(quantity, deliveryQuantities);
  return above ? [{ field: 'publicQuantity', code: 'quantityAboveDelivered', params: above }] : [];
}

/**
 * The category a public presentation gives is that of a delivery it presents, or "other", which says less: never
 * one of goods it does not hold (winter kit presented as tanks).
 */
export function publicCategoryViolations(category: Category, deliveryCategories: readonly Category[]): RuleViolation[] {
  if (category === 'other' || deliveryCategories.includes(category)) return [];
  return [{ field: 'publicCategory', code: 'categoryNotPresented', params: { categories: [...new Set(deliveryCategories)].join(','), deliveries: String(deliveryCategories.length) } }];
}

/**
 * The largest number a public quantity states, what the deliveries hold together and how many they are,
 * when it states more than they hold; null when it does not, or when one of them has no quantity.
 */
export function quantityStatedAbove(quantity: string | null, deliveryQuantities: readonly (number | null)[]): { stated: string; total: string; deliveries: string } | null {
  if (quantity === null || deliveryQuantities.some((held) => held === null)) return null;
  const total = (deliveryQuantities as number[]).reduce((sum, held) => sum + held, 0);
  const stated = Math.max(...statedNumbers(quantity));
  return stated > total ? { stated: String(stated), total: String(total), deliveries: String(deliveryQuantities.length) } : null;
}

/**
 * The numbers a text states, read with thousands grouped by points, commas or spaces ("1.000", "10 000") and
 * with a decimal part ("0,5"); not those in a name ("F-16", "T72").
 */
function statedNumbers(text: string): number[] {
  return [...text.matchAll(/(?<![\p{L}\p{N}]|\p{L}[-–])(\d{1,3}(?:[., \u00a0]\d{3})+(?!\d)|\d+)(?:[.,](\d+))?/gu)].map(([, whole, fraction]) =>
    Number(`${whole!.replace(/\D/g, '')}.${fraction ?? '0'}`),
  );
}
