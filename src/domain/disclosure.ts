import type { ConfidentialityGround, RealisedDatePrecision } from '../../common/vocabulary/codes.ts';
import type { Category, RuleViolation, SupportType, ValuationBasis } from './delivery.ts';
import type { IsoDate } from '../../common/dates.ts';
import { MAX_COUNT, plannedDateViolations, reviewDateViolations, textViolations, whereGiven } from './plausibility.ts';
import { numbersInWords } from './number-words.ts';

/** The codes of disclosure are shared with the browser, so they are kept in common/vocabulary. */
export {
  CONFIDENTIALITY_GROUNDS,
  DECIDE_AGAIN_REASONS,
  DISCLOSURE_STATES,
  REALISED_DATE_PRECISIONS,
  type ConfidentialityGround,
  type DecideAgainReason,
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
 * A decision as a request gives it: the fields of either state, those of the other refused; a public decision's
 * presentation and open data are fields of their own, its title and category required.
 */
export interface DecisionRequest {
  state: 'public' | 'confidential';
  publicTitle?: string;
  publicDetail?: string;
  publicCategory?: Category;
  publicQuantity?: string | null;
  publicFrom?: string | null;
  publicRealisedDate?: RealisedDatePrecision | null;
  publicValue?: boolean;
  ground?: ConfidentialityGround;
  reviewOn?: string | null;
}

const PUBLIC_FIELDS = ['publicTitle', 'publicDetail', 'publicCategory', 'publicQuantity', 'publicFrom', 'publicRealisedDate', 'publicValue'] as const;

/**
 * A public decision has a title the public can read, and a quantity, if any, as the public list prints
 * one ("3", "ca. 100", "meerdere"); the dates it names lie within the register's years and at most ten
 * years ahead, as any plan. A review date lies after today: the decision is taken now, so a date
 * that has come already would put the delivery back on the list to review at once.
 */
export function decisionViolations(decision: DecisionInput, today: IsoDate): RuleViolation[] {
  if (decision.state === 'confidential') return reviewOnViolations(decision.reviewOn, today);
  const { title, detail, quantity } = decision.presentation;
  return publicFieldViolations({ publicFrom: decision.publicFrom, publicTitle: title, publicDetail: detail, publicQuantity: quantity }, today);
}

/**
 * A request's decision: each state needs its own fields and refuses the other's, and the decision's rules hold
 * for those given. A rule is judged only on the fields it reads that are there (whereGiven), so that the API
 * names them beside the fields its schema refuses.
 */
export function decisionRequestViolations(request: Partial<DecisionRequest>, today: IsoDate): RuleViolation[] {
  const given = (value: unknown) => value !== undefined && value !== null && value !== false;
  if (request.state === 'public') {
    return [
      ...(request.publicTitle === undefined ? [{ field: 'publicTitle', code: 'required' }] : []),
      ...(request.publicCategory === undefined ? [{ field: 'publicCategory', code: 'required' }] : []),
      ...(['ground', 'reviewOn'] as const).filter((field) => given(request[field])).map((field) => ({ field, code: 'onlyWhenConfidential' })),
      ...publicFieldViolations(request, today),
    ];
  }
  if (request.state === 'confidential') {
    return [
      ...(request.ground === undefined ? [{ field: 'ground', code: 'required' }] : []),
      ...PUBLIC_FIELDS.filter((field) => given(request[field])).map((field) => ({ field, code: 'onlyWhenPublic' })),
      ...reviewOnViolations(request.reviewOn, today),
    ];
  }
  return [];
}

function reviewOnViolations(reviewOn: string | null | undefined, today: IsoDate): RuleViolation[] {
  return reviewOn ? reviewDateViolations('reviewOn', reviewOn, today) : [];
}

/** The rules of a public decision's presentation and date, on those of its fields that are there. */
function publicFieldViolations(fields: Pick<Partial<DecisionRequest>, 'publicFrom' | 'publicTitle' | 'publicDetail' | 'publicQuantity'>, today: IsoDate): RuleViolation[] {
  return [
    ...(fields.publicFrom ? plannedDateViolations('publicFrom', fields.publicFrom, today) : []),
    ...whereGiven(fields.publicTitle, (title) => textViolations('publicTitle', title, { maximum: MAX_PUBLIC_TITLE, required: true, format: 'title' })),
    ...whereGiven(fields.publicDetail, (detail) => textViolations('publicDetail', detail, { maximum: MAX_PUBLIC_DETAIL, required: false })),
    ...whereGiven(fields.publicQuantity, (quantity) => publicQuantityViolations(quantity ?? '')),
  ];
}

/**
 * A public quantity has its form, states a number rather than a sum or a power of ten ("5 + 1", "1e3"), which
 * the public would have to work out and which is read wrongly as easily as right, no number beyond a plausible
 * count ("1.000.000.000.000 stuks"), no 0 ("nul", "geen"), and no fraction of items: it presents the
 * deliveries' quantities, which count in whole numbers, so "2,5" or "2,5 stuks" cannot be right, while
 * "ca. 2,5 mln." can, "0,5 ton" may present 500 kg, and "ca. 100" or "meerdere" say less without saying
 * anything wrong.
 */
function publicQuantityViolations(quantity: string): RuleViolation[] {
  const violations = textViolations('publicQuantity', quantity, { maximum: MAX_PUBLIC_QUANTITY, required: false, format: 'quantity' });
  if (violations.length > 0) return violations;
  const expression = expressionIn(quantity);
  if (expression !== undefined) return [{ field: 'publicQuantity', code: 'quantityExpression', params: { expression } }];
  const numbers = statedNumbers(quantity);
  if (numbers.some(({ value }) => value > MAX_COUNT)) return [{ field: 'publicQuantity', code: 'tooLarge', params: { maximum: String(MAX_COUNT) } }];
  if (numbers.some(({ value }) => value === 0)) return [{ field: 'publicQuantity', code: 'quantityStatesZero' }];
  const fraction = numbers.find(({ value, countsItems }) => countsItems && !Number.isInteger(value));
  return fraction ? [{ field: 'publicQuantity', code: 'quantityNotWhole', params: { stated: String(fraction.value) } }] : [];
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

/** What a delivery decided public gives the public item of the deliveries decided at once with it. */
export interface PublicItemMember {
  supportType: SupportType;
  realisedAt: string | null;
  realisedDatePrecision: RealisedDatePrecision | null;
  /** The value its decision made public (its value then); null where the decision kept it back. */
  publicValueCents: number | null;
  publicValueBasis: ValuationBasis | null;
}

/**
 * Deliveries decided public at once are one public item, which states one type of support and, where their value
 * is public, one basis for the sum: a selection that mixes them is decided as more items.
 */
export function publicItemViolations(members: readonly Pick<PublicItemMember, 'supportType' | 'publicValueBasis'>[]): RuleViolation[] {
  const supportTypes = [...new Set(members.map((member) => member.supportType))];
  if (supportTypes.length > 1) return [{ field: 'deliveryIds', code: 'supportTypesDiffer', params: { supportTypes: supportTypes.join(',') } }];
  const bases = [...new Set(members.flatMap((member) => (member.publicValueBasis === null ? [] : [member.publicValueBasis])))];
  return bases.length > 1 ? [{ field: 'publicValue', code: 'valueBasesDiffer', params: { bases: bases.join(',') } }] : [];
}

/**
 * A value made public is a sum over the deliveries decided at once, and stays known: a later sum beside it gives
 * their difference. So the deliveries whose values were summed fall apart in parts, each the deliveries that were
 * in the same sums (those one decision made public, when nothing touched them before). A selection may make its
 * value public only over deliveries no sum touched yet, which become a part of their own, or over whole parts
 * (the same selection again, or deliveries each public alone). Every sum made public is then a sum of parts, and
 * every part was made public as a sum: the public can work out the sums of parts and no more, and a delivery's
 * value only where it was made public alone. Refused otherwise, naming a delivery whose value (or a part of it)
 * the difference would tell: one of the selection no sum touched (joining a sum made public before), else one
 * outside the selection that shares its part with one in it (the one that left it).
 *
 * `summed` are the deliveries of every sum made public that touched the selection, each with the selections
 * whose decisions summed its value (so with its part: those with the same selections).
 */
export function valueTellsAnotherViolations(selection: readonly Named[], summed: readonly (Named & { sums: readonly string[] })[]): RuleViolation[] {
  const partOf = (delivery: { sums: readonly string[] }) => [...delivery.sums].sort().join(' ');
  const summedById = new Map(summed.map((delivery) => [delivery.id, delivery]));
  const inSelection = new Set(selection.map((delivery) => delivery.id));
  if (!selection.some((delivery) => summedById.has(delivery.id))) return [];
  const partsInSelection = new Set(selection.flatMap((delivery) => (summedById.has(delivery.id) ? [partOf(summedById.get(delivery.id)!)] : [])));
  const told =
    selection.find((delivery) => !summedById.has(delivery.id)) ??
    summed.find((delivery) => !inSelection.has(delivery.id) && partsInSelection.has(partOf(delivery)));
  return told === undefined ? [] : [{ field: 'publicValue', code: 'valueTellsAnother', params: { title: told.title } }];
}

interface Named {
  id: string;
  title: string;
}

/**
 * What open data gives of a public item: the values its decision made public, summed (null where it kept them
 * back), on their basis; and the latest realised date of its deliveries to the precision decided, once every one
 * of them is realised (null before then, and where the decision gives no date): the date the item was complete,
 * which tells nothing of how many shipments made it up.
 */
export function publicItemFigures(members: readonly PublicItemMember[]): { realisedOn: string | null; valueCents: number | null; valueBasis: ValuationBasis | null } {
  const values = members.map((member) => member.publicValueCents);
  const realised = members.map((member) => member.realisedAt);
  const precision = members[0]?.realisedDatePrecision ?? null;
  const latest = realised.includes(null) ? null : (realised as string[]).sort().at(-1) ?? null;
  return {
    realisedOn: latest === null || precision === null ? null : precision === 'month' ? latest.slice(0, 7) : latest,
    valueCents: values.length === 0 || values.includes(null) ? null : (values as number[]).reduce((sum, cents) => sum + cents, 0),
    valueBasis: values.includes(null) ? null : (members[0]?.publicValueBasis ?? null),
  };
}

/**
 * The largest number a public quantity may be read as, what the deliveries hold together and how many they are,
 * when it states more than they hold; null when it does not, or when one of them has no quantity. "Meer dan 3",
 * "> 3" and "3+" are read as 4 and a word of many as the least it says ("duizenden" 2000); "bijna 10",
 * "ca. 10" and "≥ 10" as 10; a number in words as in digits ("meer dan drie" 4, "een miljoen" 1000000).
 */
export function quantityStatedAbove(quantity: string | null, deliveryQuantities: readonly (number | null)[]): { stated: string; total: string; deliveries: string } | null {
  if (quantity === null || deliveryQuantities.some((held) => held === null)) return null;
  const total = (deliveryQuantities as number[]).reduce((sum, held) => sum + held, 0);
  const stated = Math.max(
    ...statedNumbers(quantity).map(({ value, moreThan }) => (moreThan ? Math.floor(value) + 1 : value)),
    ...[...quantity.matchAll(MANY)].map(([word]) => MANY_AT_LEAST[word.toLowerCase().replace(/\s+/g, ' ')]!),
  );
  return stated > total ? { stated: String(stated), total: String(total), deliveries: String(deliveryQuantities.length) } : null;
}

/** The words that multiply the number before them, by the power of ten they stand for. */
const MAGNITUDES: Record<string, number> = { honderd: 2, hundred: 2, duizend: 3, thousand: 3, thousands: 3, mln: 6, miljoen: 6, million: 6, millions: 6, mld: 9, miljard: 9, billion: 9, billions: 9 };

/**
 * The words of an unspecified large number, by the least they say: two of the unit they count in ("tientallen"
 * is 20). With "vele" or "many" in front they say at least as much.
 */
const MANY_AT_LEAST: Record<string, number> = {
  tientallen: 20, dozens: 20, honderden: 200, hundreds: 200, duizenden: 2_000, thousands: 2_000,
  tienduizenden: 20_000, 'tens of thousands': 20_000, honderdduizenden: 200_000, 'hundreds of thousands': 200_000, miljoenen: 2_000_000, millions: 2_000_000,
};

/** Those words standing alone: not after a number, where "thousands" is a magnitude ("2 thousands"). */
const MANY = /(?<![\p{L}\p{N}]|\p{N}[ \u00a0])(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|tientallen|dozens|honderden|hundreds|duizenden|thousands|tienduizenden|honderdduizenden|miljoenen|millions)(?!\p{L})/giu;

/**
 * The words or sign before a number that say it states more than that number ("ruim 600" is at least 601),
 * not where they are denied ("niet meer dan 5", "no more than 5" are at most 5).
 */
const MORE_THAN = /(?:(?<!\p{L})(?<!(?:niet|not|no)\s+)(?:meer\s+dan|ruim|more\s+than|over|upwards\s+of)\s+|>\s*)$/iu;

/** A plus after a number, which says more than it ("5+", "5+ stuks") unless another number follows (a sum). */
const PLUS_AFTER = /^\s*\+/u;

/** The words after a number that say it counts items, as a number without a word after it does. */
const ITEMS = new Set(['stuk', 'stuks', 'exemplaar', 'exemplaren', 'item', 'items', 'piece', 'pieces']);

/** A number a text states, where it stands; `scale` that of the word of magnitude after it that is part of it ("2 mln."), else 1. */
interface NumberInText {
  value: number;
  start: number;
  end: number;
  scale: number;
}

/**
 * The numbers a text states, in digits or in words (numbersInWords), in the order they stand. A number counts
 * items unless a word of another unit follows it ("0,5 ton"), and states more than itself after "meer dan" and
 * the like or before a plus that starts no sum.
 */
function statedNumbers(text: string): { value: number; countsItems: boolean; moreThan: boolean }[] {
  return numbersIn(text).map(({ value, start, end, scale }, index, numbers) => {
    const wordAfter = /^[ \u00a0]?(\p{L}+)/u.exec(text.slice(end))?.[1];
    const plusAfter = PLUS_AFTER.test(text.slice(end)) && sumOf(text, numbers[index], numbers[index + 1]) === undefined;
    return {
      value,
      moreThan: MORE_THAN.test(text.slice(0, start)) || plusAfter,
      countsItems: scale > 1 || !wordAfter || ITEMS.has(wordAfter.toLowerCase()),
    };
  });
}

/**
 * The numbers in digits first, read with thousands grouped by points, commas or spaces ("1.000", "10 000"),
 * with a decimal part ("0,5") and times the word of magnitude after them ("2,5 mln." is 2500000); not those in
 * a name ("F-16", "T72"). The decimal part is shifted as digits, so that a whole number stays exactly whole.
 * Then those in words, where no number in digits stands (the "mln." of "2,5 mln." is read with its 2,5).
 */
function numbersIn(text: string): NumberInText[] {
  const inDigits = [...text.matchAll(/(?<![\p{L}\p{N}]|\p{L}[-–])(\d{1,3}(?:[., \u00a0]\d{3})+(?!\d)|\d+)(?:[.,](\d+))?(?:[ \u00a0]?(\p{L}+))?/gu)].map(
    ({ 0: match, 1: whole, 2: fraction = '', 3: word, index }): NumberInText => {
      const shift = (word === undefined ? undefined : MAGNITUDES[word.toLowerCase()]) ?? 0;
      return {
        value: Number(`${whole!.replace(/\D/g, '')}${fraction.slice(0, shift).padEnd(shift, '0')}.${fraction.slice(shift) || '0'}`),
        start: index,
        end: index + (shift > 0 || word === undefined ? match.length : match.length - word.length),
        scale: 10 ** shift,
      };
    },
  );
  const withoutDigits = inDigits.reduce((masked, { start, end }) => masked.slice(0, start) + '#'.repeat(end - start) + masked.slice(end), text);
  const inWords = numbersInWords(withoutDigits).map((number) => ({ ...number, scale: 1 }));
  return withRestsAdded(text, [...inDigits, ...inWords].sort((one, other) => one.start - other.start));
}

/** A number with a word of magnitude and a smaller one right after it are one ("5 duizend vijfhonderd", "2 miljoen 500 duizend"). */
function withRestsAdded(text: string, numbers: readonly NumberInText[]): NumberInText[] {
  return numbers.reduce<NumberInText[]>((read, number) => {
    const before = read.at(-1);
    const rest = before !== undefined && before.scale > 1 && number.value < before.scale && /^\s+$/u.test(text.slice(before.end, number.start));
    return rest ? [...read.slice(0, -1), { ...before, value: before.value + number.value, end: number.end, scale: number.scale }] : [...read, number];
  }, []);
}

/** The text of a sum of two numbers ("5 + 1", "vijf + een"), where the one follows the other after a plus. */
function sumOf(text: string, one: NumberInText | undefined, other: NumberInText | undefined): string | undefined {
  if (one === undefined || other === undefined || !/^\s*\+\s*$/u.test(text.slice(one.end, other.start))) return undefined;
  return text.slice(one.start, other.end);
}

/** A number in digits with a power of ten ("1e3", "2,5E6"), not in a name. */
const POWER_OF_TEN = /(?<![\p{L}\p{N}]|\p{L}[-–])\d+(?:[.,]\d+)?e[+-]?\d+/iu;

/** The part of a quantity that is a sum or a power of ten rather than a number, if any. */
function expressionIn(quantity: string): string | undefined {
  const numbers = numbersIn(quantity);
  return POWER_OF_TEN.exec(quantity)?.[0] ?? numbers.map((number, index) => sumOf(quantity, number, numbers[index + 1])).find((sum) => sum !== undefined);
}
