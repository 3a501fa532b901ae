import type { IsoDate } from '../../../src/domain/dates.ts';
import type {
  Category,
  Delivery,
  DeliveryInput,
  FundingSource,
  LifecycleDates,
  LifecycleStage,
  Payment,
  Source,
  SupportType,
  Valuation,
  ValuationBasis,
} from '../../../src/domain/delivery.ts';
import type { DisclosureState } from '../../../src/domain/disclosure.ts';
import type { Cents } from '../../../src/domain/money.ts';

export interface DeliverySummary extends LifecycleDates {
  id: string;
  title: string;
  publicTitle: string | null;
  category: Category;
  supportType: SupportType;
  fundingSource: FundingSource;
  quantity: number | null;
  unit: string | null;
  stage: LifecycleStage | null;
  /** What it counts for today: the latest valuation of stock, the payments made for the rest. */
  valueCents: Cents;
  /** Undecided until a disclosure officer decides. */
  disclosureState: DisclosureState;
  isDemonstration: boolean;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  /** The register holds demonstration data. */
  isDemonstration: boolean;
}

export interface DeliveryDetail extends Delivery {
  stage: LifecycleStage | null;
  disclosureState: DisclosureState;
  valueCents: Cents;
  valuations: Valuation[];
  payments: Payment[];
}

export type { DeliveryInput };

export interface ValuationInput {
  amountCents: Cents;
  basis: ValuationBasis;
  effectiveDate: IsoDate;
  currency?: string;
  originalAmountMinor?: number;
  exchangeRate?: string;
  note?: string;
}

export interface PaymentInput {
  amountCents: Cents;
  paidOn: IsoDate;
  reference?: string;
  note?: string;
}

export interface FigureAmount {
  cents: Cents;
  text: string;
}

export interface FigureRow {
  reference: FigureAmount;
  compare: FigureAmount;
  difference: FigureAmount;
  increasePercent: number | null;
  increasePercentText: string | null;
}

export interface Figures {
  referenceDate: IsoDate;
  compareDate: IsoDate;
  isDemonstration: boolean;
  rows: (FigureRow & { supportType: SupportType; label: string })[];
  total: FigureRow & { label: string };
  headline: string;
}

export interface SeriesPoint {
  date: IsoDate;
  stock: Cents;
  procurement: Cents;
  natoFund: Cents;
  total: Cents;
}

export interface Series {
  points: SeriesPoint[];
}

export interface InvalidParam {
  name: string;
  reason: string;
  code: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  /** Why, where the status alone does not say it: loginFailed, notPermitted, secondFactorRequired… */
  code?: string;
  requestId?: string;
  invalidParams?: InvalidParam[];
}
