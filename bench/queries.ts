import type { Kysely } from 'kysely';
import type { DeliveryListQuery } from '../src/db/repositories/deliveries.ts';
import { listDeliveries } from '../src/register/deliveries.ts';
import type { Database } from '../src/db/schema.ts';
import { figuresSeries, figuresTable } from '../src/register/figures.ts';
import { SEARCHABLE_WORD } from './synthetic-delivery.ts';

export interface BenchmarkQuery {
  name: string;
  run(db: Kysely<Database>, size: number): Promise<unknown>;
}

const PAGE_SIZE = 25;
const DEEP_PAGE_SIZE = 50;

/** The list as the API asks for it by default: newest realised first, first page of 25, with its capped count. */
function list(db: Kysely<Database>, query: Partial<DeliveryListQuery>) {
  return listDeliveries(db, { sort: 'realisedAt', descending: true, limit: PAGE_SIZE, ...query });
}

/** A position near the end of the default order: realised in the invasion's first week (the generator starts there). */
const DEEP_POSITION = { value: '2022-03-01', id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };

/** What the letter, its chart and the register's list screens ask of the database. */
export const QUERIES: BenchmarkQuery[] = [
  { name: 'figures table 2025-08-31 vs 2025-02-04', run: (db) => figuresTable(db, '2025-08-31', '2025-02-04') },
  { name: 'monthly series 2022-02-01..2025-08-31', run: (db) => figuresSeries(db, '2022-02-01', '2025-08-31') },
  { name: `list: first page of ${PAGE_SIZE}, -realisedAt`, run: (db) => list(db, {}) },
  {
    name: `list: page of ${DEEP_PAGE_SIZE} near the end (after ${DEEP_POSITION.value}), -realisedAt`,
    run: (db) => list(db, { start: { after: DEEP_POSITION }, limit: DEEP_PAGE_SIZE }),
  },
  { name: 'list: supportType=procurement, stage=realised', run: (db) => list(db, { supportType: 'procurement', stage: 'realised' }) },
  { name: `list: text "${SEARCHABLE_WORD}"`, run: (db) => list(db, { text: SEARCHABLE_WORD }) },
  { name: 'list: sort valueCents', run: (db) => list(db, { sort: 'valueCents', descending: false }) },
  { name: 'list: sort -valueCents', run: (db) => list(db, { sort: 'valueCents', descending: true }) },
];
