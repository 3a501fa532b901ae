import type { SupportType } from '../../../common/vocabulary/codes.ts';
import type { QueryParameters, Schema } from './contract.ts';

export type DeliverySummary = Schema<'DeliverySummary'>;
export type DeliveryList = Schema<'DeliveryList'>;
export type DeliveryDetail = Schema<'Delivery'>;
export type DeliveryInput = Schema<'DeliveryInput'>;
export type DeliveryRegistration = Schema<'DeliveryRegistration'>;
export type DeliveryReplacement = Schema<'DeliveryReplacement'>;
export type Valuation = Schema<'Valuation'>;
export type Payment = Schema<'Payment'>;
export type ValuationInput = Schema<'ValuationInput'>;
/** When a delivery was pledged, committed, realised and delivered, as far as it was. */
export type LifecycleDates = Pick<DeliveryDetail, 'pledgedAt' | 'committedAt' | 'realisedAt' | 'deliveredAt'>;
export type PaymentInput = Schema<'PaymentInput'>;
export type Withdrawal = Schema<'Withdrawal'>;
export type WithdrawalInput = Schema<'WithdrawalInput'>;
/** What the removal of a delivery may confirm, in its query (a removal takes no body). */
export type DeliveryRemovalQuery = QueryParameters<'/deliveries/{id}', 'delete'>;


type DeliverySort = NonNullable<QueryParameters<'/deliveries', 'get'>['sort']>;
/** An order a list of deliveries can be sorted in; `-key` sorts descending. */
export type DeliverySortKey = Exclude<DeliverySort, `-${string}`>;
export const DELIVERY_SORT_KEYS = ['title', 'supportType', 'category', 'realisedAt', 'committedAt', 'createdAt', 'valueCents'] as const satisfies readonly DeliverySortKey[];

/** A sum of cents as read: an integer beyond 2^53 arrives as a BigInt (see common/exact-json.ts). */
type TotalCents = number | bigint;
type ExactCells<Line> = { [Key in keyof Line]: Line[Key] extends { cents: number } ? Omit<Line[Key], 'cents'> & { cents: TotalCents } : Line[Key] };
type FiguresAsSent = Schema<'Figures'>;
export type FigureRow = ExactCells<FiguresAsSent['total']>;
export type Figures = Omit<FiguresAsSent, 'rows' | 'total'> & { rows: ExactCells<FiguresAsSent['rows'][number]>[]; total: FigureRow };
export type SeriesPoint = Omit<Schema<'FiguresSeries'>['points'][number], SupportType | 'total'> & Record<SupportType | 'total', TotalCents>;
export type Series = { points: SeriesPoint[] };
export type NextLetterDates = Schema<'NextLetterDates'>;

/** A refusal's problem+json body (RFC 9457), as far as the answer holds one: a proxy may answer with anything. */
export type Problem = Partial<Schema<'Problem'>>;

export type BudgetList = Schema<'BudgetList'>;
export type CommitmentList = Schema<'CommitmentList'>;
export type Commitment = Schema<'Commitment'>;
type BudgetFigureLine = Schema<'BudgetFigures'>['total'];
/** A line of all funds together: what was realised is known (it is null only for one fund, which realisation is not booked by). */
type AllFundsLine<Line extends BudgetFigureLine> = Omit<Line, 'realised'> & { realised: number };
/** The budget figures of all funds together, as the browser asks for them (no `fund`). */
export type BudgetFigures = Omit<Schema<'BudgetFigures'>, 'years' | 'total'> & {
  years: AllFundsLine<Schema<'BudgetFigures'>['years'][number]>[];
  total: AllFundsLine<BudgetFigureLine>;
};
export type BudgetDecisionInput = Schema<'BudgetDecisionInput'>;
export type BudgetShiftInput = Schema<'BudgetShiftInput'>;
export type CommitmentInput = Schema<'CommitmentInput'>;
export type CommitmentStageInput = Schema<'CommitmentStageInput'>;
