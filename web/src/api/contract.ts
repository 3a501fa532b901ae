/**
 * The API's contract as the browser sees it: types taken from the generated OpenAPI types, so that a
 * change of the API shows here as a type error rather than as a surprise at run time.
 */
import type { components, paths } from './generated/openapi.ts';

type Schemas = components['schemas'];

/** A schema the OpenAPI document names, e.g. `Schema<'Delivery'>`. */
export type Schema<Name extends keyof Schemas> = Schemas[Name];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<Path extends keyof paths, M extends Method> = paths[Path][M];

type JsonContent<Body> = { content: { 'application/json': Body } };

/** The JSON answer of an operation when it succeeds (200 or 201). */
export type ResponseBody<Path extends keyof paths, M extends Method> =
  Operation<Path, M> extends { responses: { 200: JsonContent<infer Body> } } ? Body
  : Operation<Path, M> extends { responses: { 201: JsonContent<infer Body> } } ? Body
  : never;

/** The JSON body an operation takes. */
export type RequestBody<Path extends keyof paths, M extends Method> =
  Operation<Path, M> extends { requestBody?: JsonContent<infer Body> } ? Body : never;

/** The query parameters an operation takes. */
export type QueryParameters<Path extends keyof paths, M extends Method> =
  Operation<Path, M> extends { parameters: { query?: infer Query } } ? NonNullable<Query> : never;

/** The path parameters of an operation, e.g. the format of a rendering. */
export type PathParameters<Path extends keyof paths, M extends Method> =
  Operation<Path, M> extends { parameters: { path: infer Parameters } } ? Parameters : never;
