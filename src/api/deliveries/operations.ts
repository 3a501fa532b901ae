import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../openapi-common.ts';
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

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const ifMatch = z.object({
  'if-match': z.string().optional().openapi({ description: 'The ETag of the version the change is based on' }),
});

export const listRoute = createRoute({
  method: 'get',
  path: '/deliveries',
  tags: ['deliveries'],
  summary: 'List deliveries, filtered, sorted and paged',
  request: { query: DeliveryListQuerySchema },
  responses: { 200: json(DeliveryListSchema, 'A page of deliveries'), ...problemResponses(400) },
});

export const createDeliveryRoute = createRoute({
  method: 'post',
  path: '/deliveries',
  tags: ['deliveries'],
  summary: 'Register a delivery',
  request: jsonBody(DeliveryInputSchema),
  responses: { 201: json(DeliverySchema, 'The registered delivery'), ...problemResponses(400, 415) },
});

export const getRoute = createRoute({
  method: 'get',
  path: '/deliveries/{id}',
  tags: ['deliveries'],
  summary: 'A delivery with its lifecycle and the history of its money',
  request: { params: DeliveryIdParamSchema },
  responses: { 200: json(DeliverySchema, 'The delivery'), ...problemResponses(404) },
});

export const replaceRoute = createRoute({
  method: 'put',
  path: '/deliveries/{id}',
  tags: ['deliveries'],
  summary: 'Replace the fields of a delivery',
  request: { params: DeliveryIdParamSchema, headers: ifMatch, ...jsonBody(DeliveryInputSchema) },
  responses: { 200: json(DeliverySchema, 'The changed delivery'), ...problemResponses(400, 404, 412, 415) },
});

export const patchRoute = createRoute({
  method: 'patch',
  path: '/deliveries/{id}',
  tags: ['deliveries'],
  summary: 'Change some fields of a delivery',
  request: { params: DeliveryIdParamSchema, headers: ifMatch, ...jsonBody(DeliveryPatchSchema) },
  responses: { 200: json(DeliverySchema, 'The changed delivery'), ...problemResponses(400, 404, 412, 415) },
});

export const deleteRoute = createRoute({
  method: 'delete',
  path: '/deliveries/{id}',
  tags: ['deliveries'],
  summary: 'Remove a delivery from the register (its history is kept)',
  request: { params: DeliveryIdParamSchema, headers: ifMatch },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 404, 412) },
});

export const addValuationRoute = createRoute({
  method: 'post',
  path: '/deliveries/{id}/valuations',
  tags: ['deliveries'],
  summary: 'Value or revalue a delivery',
  request: { params: DeliveryIdParamSchema, ...jsonBody(ValuationInputSchema) },
  responses: { 201: json(ValuationSchema, 'The new valuation'), ...problemResponses(400, 404, 415) },
});

export const addPaymentRoute = createRoute({
  method: 'post',
  path: '/deliveries/{id}/payments',
  tags: ['deliveries'],
  summary: 'Record a payment for a procurement or fund contribution',
  request: { params: DeliveryIdParamSchema, ...jsonBody(PaymentInputSchema) },
  responses: { 201: json(PaymentSchema, 'The new payment'), ...problemResponses(400, 404, 415) },
});
