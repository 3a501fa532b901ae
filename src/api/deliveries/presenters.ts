/** Between the JSON of the API and the register: request bodies completed, deliveries presented. */
import type { z } from '@hono/zod-openapi';
import { lifecycleStage, unsetDeliveryFields, type DeliveryInput } from '../../domain/delivery.ts';
import type { StoredDelivery } from '../../db/repositories/deliveries.ts';
import type { DeliveryDetail } from '../../register/deliveries.ts';
import type { DeliveryInputSchema } from './schemas.ts';

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

export function presentSummary(delivery: StoredDelivery) {
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
