/** Between the JSON of the API and the register: request bodies completed, deliveries presented. */
import type { z } from '@hono/zod-openapi';
import { lifecycleStage, unsetDeliveryFields, type DeliveryInput, type DeliverySortKey } from '../../domain/delivery.ts';
import type { DeliveryListQuery, DeliverySummary } from '../../db/repositories/deliveries.ts';
import type { DeliveryDetail } from '../../register/deliveries.ts';
import type { DeliveryInputSchema, DeliveryListQuerySchema } from './schemas.ts';

type DeliveryInputBody = z.infer<typeof DeliveryInputSchema>;

/** Fills in what a create or replace left out. */
export function completeInput(body: DeliveryInputBody): DeliveryInput {
  return { ...unsetDeliveryFields(), ...withoutUndefined(body) };
}

/** The object without its fields that are undefined: what a patch leaves as it is. */
export function withoutUndefined<T extends object>(object: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

export function presentDelivery(delivery: DeliveryDetail) {
  const { currentValueCents, ...rest } = delivery;
  return { ...rest, valueCents: currentValueCents };
}

export function presentSummary(delivery: DeliverySummary) {
  return {
    id: delivery.id,
    title: delivery.title,
    publicTitle: delivery.publicTitle,
    category: delivery.category,
    quantity: delivery.quantity,
    unit: delivery.unit,
    supportType: delivery.supportType,
    fundingSource: delivery.fundingSource,
    pledgedAt: delivery.pledgedAt,
    committedAt: delivery.committedAt,
    realisedAt: delivery.realisedAt,
    deliveredAt: delivery.deliveredAt,
    stage: lifecycleStage(delivery),
    valueCents: delivery.currentValueCents,
    disclosureState: delivery.disclosureState,
    isDemonstration: delivery.isDemonstration,
  };
}

type DeliveryListParameters = Omit<z.infer<typeof DeliveryListQuerySchema>, 'after' | 'before' | 'pageSize'>;

/** The list's filter and order as the register takes them (newest realised first by default). */
export function deliveryListOrder({ sort = '-realisedAt', q, ...filter }: DeliveryListParameters): Omit<DeliveryListQuery, 'start' | 'limit'> {
  return {
    supportType: filter.supportType,
    category: filter.category,
    stage: filter.stage,
    disclosureState: filter.disclosureState,
    implementingActorWork: filter.implementingActorWork === undefined ? undefined : filter.implementingActorWork === 'true',
    text: q,
    realisedFrom: filter.realisedFrom,
    realisedTo: filter.realisedTo,
    sort: sort.replace(/^-/, '') as DeliverySortKey,
    descending: sort.startsWith('-'),
  };
}
