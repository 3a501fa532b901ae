import type { ConfidentialityGround, RealisedDatePrecision } from '../../common/vocabulary/codes.ts';
import type { Category, RuleViolation } from './delivery.ts';
import type { IsoDate } from '../../common/dates.ts';
import { plannedDateViolations, reviewDateViolations } from './plausibility.ts';

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

/**
 * A public decision has a title the public can read; the dates it names lie within the register's years and
 * at most ten years ahead, as any plan. A review date lies after today: the decision is taken now, so a date
 * that has come already would put the delivery back on the list to review at once.
 */
export function decisionViolations(decision: DecisionInput, today: IsoDate): RuleViolation[] {
  if (decision.state === 'confidential') return decision.reviewOn ? reviewDateViolations('reviewOn', decision.reviewOn, today) : [];
  const { title, detail } = decision.presentation;
  const violations: RuleViolation[] = decision.publicFrom ? plannedDateViolations('publicFrom', decision.publicFrom, today) : [];
  if (title.trim() === '') violations.push({ field: 'publicTitle', code: 'required' });
  if (title.length > MAX_PUBLIC_TITLE) violations.push({ field: 'publicTitle', code: 'tooLong', params: { maximum: String(MAX_PUBLIC_TITLE) } });
  if (detail.length > MAX_PUBLIC_DETAIL) violations.push({ field: 'publicDetail', code: 'tooLong', params: { maximum: String(MAX_PUBLIC_DETAIL) } });
  return violations;
}
