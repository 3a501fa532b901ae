/**
 * A list's query says what it finds: a parameter the route does not know is refused, naming it, rather than
 * ignored (a mistyped filter would answer with the whole list), and a period whose end lies before its
 * start is refused at its end, on the lists, their exports and the audit trail alike, as the figures' series is.
 * So on every other route of the API: one that takes no query refuses any parameter, unless it says why it takes
 * parameters it does not name.
 */
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiRoutes } from '../../src/api/api-routes.ts';
import { createApi } from '../../src/api/app.ts';
import { isAllowed, ROLES, type Action } from '../../src/domain/access.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { apiClient, type ApiCall } from './client.ts';

let scratch: ScratchDatabase;
let registrar: ApiCall;
let auditor: ApiCall;

beforeAll(async () => {
  scratch = await openScratchPGlite({ demonstration: true });
  registrar = apiClient(scratch.handle.db, { role: 'registrar' });
  auditor = apiClient(scratch.handle.db, { role: 'auditor' });
});

afterAll(async () => {
  await scratch?.dispose();
});

const english = { 'Accept-Language': 'en' };

it('refuses a query parameter the list does not take, naming it', async () => {
  const refused = await registrar('GET', '/deliveries?foo=bar&category=smallArms', undefined, english);
  expect(refused.status).toBe(400);
  expect(refused.body.invalidParams).toEqual([
    { name: 'foo', code: 'unknownParameter', reason: 'This request takes no parameter "foo"; check its name (a mistyped filter would otherwise give the whole list).' },
  ]);
  expect((await registrar('GET', '/exports/deliveries?format=csv&realisedFron=2025-01-01', undefined, english)).body.invalidParams).toEqual([
    expect.objectContaining({ name: 'realisedFron', code: 'unknownParameter' }),
  ]);
  expect((await registrar('GET', '/deliveries?category=smallArms&pageSize=5')).status).toBe(200);
});

it('refuses a period whose end lies before its start, at its end, on a list, its export and the audit trail', async () => {
  const beforeFrom = [{ name: 'realisedTo', code: 'beforeFrom', reason: 'The end date lies before the start date.' }];
  expect((await registrar('GET', '/deliveries?realisedFrom=2025-06-01&realisedTo=2025-01-01', undefined, english)).body.invalidParams).toEqual(beforeFrom);
  expect((await registrar('GET', '/exports/deliveries?format=csv&realisedFrom=2025-06-01&realisedTo=2025-01-01', undefined, english)).body.invalidParams).toEqual(beforeFrom);
  const audit = await auditor('GET', '/audit-events?from=2025-06-01T00:00:00Z&until=2025-01-01T00:00:00Z', undefined, english);
  expect(audit.body.invalidParams).toEqual([{ ...beforeFrom[0], name: 'until' }]);
  expect((await registrar('GET', '/deliveries?realisedFrom=2025-01-01&realisedTo=2025-01-01')).status).toBe(200);
});

it('names the values a parameter takes when it has another, on the public files and the staff lists alike', async () => {
  const anonymous = apiClient(scratch.handle.db);
  expect((await anonymous('GET', '/public/deliveries?lang=fr', undefined, english)).body.invalidParams).toEqual([{ name: 'lang', code: 'invalidChoice', reason: 'Choose one of: nl, en.' }]);
  expect((await anonymous('GET', '/public/deliveries?format=csv&dialect=tsv')).body.invalidParams).toEqual([{ name: 'dialect', code: 'invalidChoice', reason: 'Kies een van: excel-nl, rfc4180.' }]);
  expect((await anonymous('GET', '/public/letter-figures?format=xml', undefined, english)).body.invalidParams).toEqual([{ name: 'format', code: 'invalidChoice', reason: 'Choose one of: json, csv.' }]);
  expect((await registrar('GET', '/exports/deliveries?format=pdf', undefined, english)).body.invalidParams).toEqual([expect.objectContaining({ name: 'format', code: 'invalidChoice', reason: expect.stringMatching(/^Choose one of: .*csv/) })]);
});

it('refuses a parameter given twice as given twice, rather than as a value it does not take', async () => {
  const anonymous = apiClient(scratch.handle.db);
  const twice = [{ name: 'lang', code: 'parameterRepeated', reason: 'This parameter is given more than once; give it once.' }];
  expect((await anonymous('GET', '/public/deliveries?lang=en&lang=nl', undefined, english)).body.invalidParams).toEqual(twice);
  expect((await anonymous('GET', '/public/letter-figures?format=csv&lang=en&lang=en', undefined, english)).body.invalidParams).toEqual(twice);
  expect((await registrar('GET', '/deliveries?pageSize=5&pageSize=6', undefined, english)).body.invalidParams).toEqual([{ ...twice[0], name: 'pageSize' }]);
});

it('registers an operation whose query takes parameters it does not name only when it says why (x-foreign-parameters)', () => {
  const route = (query: z.ZodObject, declared: object = {}) =>
    createRoute({ method: 'get', path: '/loose', request: { query }, responses: { 204: { description: 'Nothing' } }, ...declared });
  const register = (definition: ReturnType<typeof route>) => () => apiRoutes().openapi(definition, (c) => c.body(null, 204));
  const why = { 'x-foreign-parameters': 'A partner adds parameters of its own' };

  expect(register(route(z.looseObject({ code: z.string() })))).toThrow(/GET \/loose.*x-foreign-parameters/);
  expect(register(route(z.object({ code: z.string() }), why))).toThrow(/GET \/loose.*x-foreign-parameters/);
  expect(register(route(z.looseObject({ code: z.string() }), why))).not.toThrow();
  expect(register(route(z.strictObject({ code: z.string() })))).not.toThrow();
});

it('refuses on every operation of the API, public and staff, a query parameter it does not take, naming it', async () => {
  const api = createApi({ db: scratch.handle.db });
  const document = await (await api.request('/openapi.json')).json();
  const cookies = new Map<string, string>();
  const cookieFor = async (permission: Action | undefined) => {
    if (!permission) return undefined;
    const role = ROLES.find((candidate) => isAllowed(candidate, permission))!;
    if (!cookies.has(role)) cookies.set(role, await sessionCookieFor(scratch.handle.db, role));
    return cookies.get(role);
  };
  const refusedHere: string[] = [];
  const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, operation]) => ({ path, method, operation })));
  for (const { path, method, operation } of operations) {
    // Each path parameter as its schema takes it, so that the query is what is wrong.
    const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const schema = operation.parameters.find((parameter: any) => parameter.in === 'path' && parameter.name === name).schema;
      return schema.enum?.[0] ?? randomUUID();
    });
    const cookie = await cookieFor(operation['x-permission']);
    const answer = await api.request(`${filled}?formt=csv`, { method: method.toUpperCase(), headers: cookie ? { Cookie: cookie } : {} });
    const body = /json/.test(answer.headers.get('content-type') ?? '') ? await answer.json() : undefined;
    const named = body?.invalidParams?.some((param: any) => param.name === 'formt' && param.code === 'unknownParameter');
    // An operation that says why it takes parameters it does not name (x-foreign-parameters) takes this one too.
    const refused = answer.status === 400 && named;
    if (refused === (operation['x-foreign-parameters'] !== undefined)) refusedHere.push(`${method.toUpperCase()} ${path}: ${answer.status}`);
  }
  expect(operations.length).toBeGreaterThan(100);
  expect(refusedHere).toEqual([]);
});
