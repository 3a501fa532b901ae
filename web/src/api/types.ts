import type { QueryParameters, Schema } from './contract.ts';

export type DeliverySummary = Schema<'DeliverySummary'>;
export type DeliveryList = Schema<'DeliveryList'>;
export type DeliveryDetail = Schema<'Delivery'>;
export type DeliveryInput = Schema<'DeliveryInput'>;
export type Valuation = Schema<'Valuation'>;
export type Payment = Schema<'Payment'>;
export type ValuationInput = Schema<'ValuationInput'>;
/** When a delivery was pledged, committed, realised and delivered, as far as it was. */
export type LifecycleDates = Pick<DeliveryDetail, 'pledgedAt' | 'committedAt' | 'realisedAt' | 'deliveredAt'>;
export type PaymentInput = Schema<'PaymentInput'>;


type DeliverySort = NonNullable<QueryParameters<'/deliveries', 'get'>['sort']>;
/** An order a list of deliveries can be sorted in; `-key` sorts descending. */
export type DeliverySortKey = Exclude<DeliverySort, `-${string}`>;
export const DELIVERY_SORT_KEYS = ['title', 'supportType', 'category', 'realisedAt', 'committedAt', 'createdAt', 'valueCents'] as const satisfies readonly DeliverySortKey[];

export type Figures = Schema<'Figures'>;
export type FigureRow = Figures['total'];
export type Series = Schema<'FiguresSeries'>;
export type SeriesPoint = Series['points'][number];

/** A refusal's problem+json body (RFC 9457), as far as the answer holds one: a proxy may answer with anything. */
export type Problem = Partial<Schema<'Problem'>>;

export type BudgetList = Schema<'BudgetList'>;
export type BudgetFigures = Schema<'BudgetFigures'>;
export type BudgetDecisionInput = Schema<'BudgetDecisionInput'>;
export type BudgetShiftInput = Schema<'BudgetShiftInput'>;
export type CommitmentInput = Schema<'CommitmentInput'>;
export type CommitmentStageInput = Schema<'CommitmentStageInput'>;
