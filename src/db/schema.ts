import type { ColumnType, Generated } from 'kysely';
import type { Source } from '../domain/delivery.ts';

/** The tables as Kysely sees them (camelCase; the CamelCasePlugin maps to the snake_case columns). */
export interface Database {
  schemaMigration: { name: string; appliedAt: Generated<string> };
  delivery: DeliveryTable;
  valuation: ValuationTable;
  payment: PaymentTable;
  realisedSupportChange: { deliveryId: string; supportType: string; changeDate: string; changeCents: number };
}

export interface DeliveryTable {
  id: string;
  title: string;
  description: string;
  publicTitle: string | null;
  category: string;
  quantity: number | null;
  unit: string | null;
  supportType: string;
  fundingSource: string;
  pledgedAt: string | null;
  committedAt: string | null;
  realisedAt: string | null;
  deliveredAt: string | null;
  company: string | null;
  contractReference: string | null;
  sources: ColumnType<Source[], string, string>;
  isDemonstration: boolean;
  version: Generated<number>;
  createdAt: Generated<string>;
  updatedAt: Generated<string>;
  deletedAt: string | null;
  currentValueCents: Generated<number>;
}

export interface ValuationTable {
  id: string;
  deliveryId: string;
  amountCents: number;
  currency: string;
  originalAmountMinor: number | null;
  exchangeRate: string | null;
  basis: string;
  effectiveDate: string;
  recordedAt: Generated<string>;
  note: string;
}

export interface PaymentTable {
  id: string;
  deliveryId: string;
  amountCents: number;
  paidOn: string;
  reference: string | null;
  recordedAt: Generated<string>;
  note: string;
}
