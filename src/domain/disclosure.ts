import type { Category, RuleViolation } from './delivery.ts';

/**
 * Whether a delivery may be made public. Undecided is treated as confidential everywhere the public can
 * look; only a decision "public" by a disclosure officer lets anything of it out, and then only the
 * presentation that decision approved.
 */
export const DISCLOSURE_STATES = ['undecided', 'public', 'confidential'] as const;
export type DisclosureState = (typeof DISCLOSURE_STATES)[number];

/**
 * Why a delivery stays confidential: operational security leads; state security, relations with partner
 * states and international organisations, and the interests of the companies involved (the grounds of
 * the Woo, art. 5.1).
 */
export const CONFIDENTIALITY_GROUNDS = ['operationalSecurity', 'stateSecurity', 'internationalRelations', 'companyInterests'] as const;
export type ConfidentialityGround = (typeof CONFIDENTIALITY_GROUNDS)[number];

/** What the public may read of a delivery decided public; it may be coarser than the internal record. */
interface PublicPresentation {
  title: string;
  detail: string;
  category: Category;
  /** As the public may read it ("circa 100", "een batterij"), or null to say nothing of quantity. */
  quantity: string | null;
}

export type DecisionInput =
  | { state: 'public'; presentation: PublicPresentation; note: string }
  | { state: 'confidential'; ground: ConfidentialityGround; reviewOn: string | null; note: string };

const MAX_PUBLIC_TITLE = 300;
const MAX_PUBLIC_DETAIL = 2000;

export function decisionViolations(decision: DecisionInput): RuleViolation[] {
  if (decision.state === 'confidential') return [];
  const { title, detail } = decision.presentation;
  const violations: RuleViolation[] = [];
  if (title.trim() === '') violations.push({ field: 'publicTitle', code: 'required' });
  if (title.length > MAX_PUBLIC_TITLE) violations.push({ field: 'publicTitle', code: 'tooLong', params: { maximum: String(MAX_PUBLIC_TITLE) } });
  if (detail.length > MAX_PUBLIC_DETAIL) violations.push({ field: 'publicDetail', code: 'tooLong', params: { maximum: String(MAX_PUBLIC_DETAIL) } });
  return violations;
}
