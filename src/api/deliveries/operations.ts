import { createRoute, z } from '@hono/zod-openapi';
import { permitted } from '../access.ts';
import { idempotencyKey, jsonBody, jsonContent as json, problemResponses } from '../openapi-common.ts';
import {
  DeliveryIdParamSchema,
  DeliveryInputSchema,
  DeliveryListQuerySchema,
  DeliveryListSchema,
  DeliveryPatchSchema,
  DeliverySchema,
  PaymentInputSchema,
  PaymentSchema,
  ValuationInputSchema,
  ValuationSchema,
} from './schemas.ts';

/** The operations on deliveries as the OpenAPI description states them; routes.ts answers them. */

const ifMatch = z.object({
  'if-match': z.string().optional().openapi({
    description: 'Required: the ETag of the version the change is based on (428 without it, 412 when stale)',
  }),
});

export const listRoute = createRoute(
  permitted('delivery.read', {
    method: 'get',
    path: '/deliveries',
    tags: ['deliveries'],
    summary: 'List deliveries, filtered, sorted and paged',
    request: { query: DeliveryListQuerySchema },
    responses: { 200: json(DeliveryListSchema, 'A page of deliveries'), ...problemResponses(400, 401, 403) },
  }),
);

export const createDeliveryRoute = createRoute(
  permitted('delivery.create', {
    method: 'post',
    path: '/deliveries',
    tags: ['deliveries'],
    summary: 'Register a delivery',
    request: { headers: idempotencyKey, ...jsonBody(DeliveryInputSchema) },
    responses: { 201: json(DeliverySchema, 'The registered delivery'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

export const getRoute = createRoute(
  permitted('delivery.read', {
    method: 'get',
    path: '/deliveries/{id}',
    tags: ['deliveries'],
    summary: 'A delivery with its lifecycle and the history of its money',
    request: { params: DeliveryIdParamSchema },
    responses: { 200: json(DeliverySchema, 'The delivery'), ...problemResponses(401, 403, 404) },
  }),
);

export const replaceRoute = createRoute(
  permitted('delivery.update', {
    method: 'put',
    path: '/deliveries/{id}',
    tags: ['deliveries'],
    summary: 'Replace the fields of a delivery',
    request: { params: DeliveryIdParamSchema, headers: ifMatch, ...jsonBody(DeliveryInputSchema) },
    responses: { 200: json(DeliverySchema, 'The changed delivery'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);

export const patchRoute = createRoute(
  permitted('delivery.update', {
    method: 'patch',
    path: '/deliveries/{id}',
    tags: ['deliveries'],
    summary: 'Change some fields of a delivery',
    request: { params: DeliveryIdParamSchema, headers: ifMatch, ...jsonBody(DeliveryPatchSchema) },
    responses: { 200: json(DeliverySchema, 'The changed delivery'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);

export const deleteRoute = createRoute(
  permitted('delivery.delete', {
    method: 'delete',
    path: '/deliveries/{id}',
    tags: ['deliveries'],
    summary: 'Remove a delivery from the register (its history is kept)',
    request: { params: DeliveryIdParamSchema, headers: ifMatch },
    responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404, 412, 428) },
  }),
);

export const addValuationRoute = createRoute(
  permitted('valuation.create', {
    method: 'post',
    path: '/deliveries/{id}/valuations',
    tags: ['deliveries'],
    summary: 'Value or revalue a delivery',
    request: { params: DeliveryIdParamSchema, headers: idempotencyKey, ...jsonBody(ValuationInputSchema) },
    responses: { 201: json(ValuationSchema, 'The new valuation'), ...problemResponses(400, 401, 403, 404, 415, 422) },
  }),
);

export const addPaymentRoute = createRoute(
  permitted('payment.create', {
    method: 'post',
    path: '/deliveries/{id}/payments',
    tags: ['deliveries'],
    summary: 'Record a payment for a procurement or fund contribution',
    request: { params: DeliveryIdParamSchema, headers: idempotencyKey, ...jsonBody(PaymentInputSchema) },
    responses: { 201: json(PaymentSchema, 'The new payment'), ...problemResponses(400, 401, 403, 404, 415, 422) },
  }),
);
