/**
 * Every operation of the OpenAPI document, sent what an attacker or a broken client sends: parameters and
 * body fields of the wrong type, NUL, lone surrogates and control characters, extreme numbers and dates,
 * and bodies that are not JSON at all. Whatever arrives, the answer is never a 5xx, every refusal is in the
 * audit trail, and a refused request writes nothing to the register. The cases are derived from the
 * document, so a new operation or field is covered without touching this test; each operation gets a
 * bounded number of them, to keep the suite fast.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createApi } from '../../src/api/app.ts';
import { isAllowed, ROLES, type Action } from '../../src/domain/access.ts';
import type { Database } from '../../src/db/schema.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { createDelivery } from '../../src/register/deliveries.ts';
import { recordPublication, sendLetter } from '../../src/register/letter-publication.ts';
import { submitAndApprove } from '../../src/register/letter-review.ts';
import { createDraft, finalise } from '../../src/register/letters.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { SIGNED } from '../support/letters.ts';

/** The most requests one operation is sent (besides its malformed bodies). */
const CASES_PER_OPERATION = 10;

const BAD_TEXTS = ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\u0007', '\u001b[31m', 'x'.repeat(20_000)];
const BAD_NUMBERS = [-1, 0, 1e308, -1e308, 2 ** 63, Number.MAX_SAFE_INTEGER + 2, 0.5];
const BAD_DATES = ['0000-01-01', '0001-01-01', '9999-12-31', '2025-02-30', '-002025-01-01', '+275760-09-13', '2025-01-01T00:00:00Z'];
const WRONG_TYPES: unknown[] = [null, true, {}, [], ['x'], { $gt: '' }];
const MALFORMED_BODIES = ['{', '{"title": "a\\u0000"', '[]', '1e999', '{"__proto__": {"x": 1}}', `{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`];
/** In a query or path only text can be sent; these are its worst. */
const BAD_PARAMETERS = ['%00', 'a%00b', '%07', '%ED%A0%80', '0000-01-01', '9999-12-31', '99999999999999999999999', '-1', '1e308', 'x'.repeat(500), '%FF'];

/** The tables a refused request must leave as they were. */
const REGISTER_TABLES = ['delivery', 'valuation', 'payment', 'account', 'letter', 'disclosure_decision', 'public_delivery', 'public_letter', 'idempotent_request'];

interface Operation {
  key: string;
  method: string;
  path: string;
  permission: Action | undefined;
  parameters: { name: string; in: string }[];
  bodySchema: any;
}

interface Case {
  label: string;
  path: string;
  query?: string;
  body?: string;
}

describeEachDatabase('the API under fuzzing', (database) => {
  let document: any;
  let operations: Operation[];
  let api: ReturnType<typeof createApi>;
  const cookies = new Map<string, string>();
  const ids: Record<string, string> = {};
  const db = (): Kysely<Database> => database().db;

  beforeAll(async () => {
    const draft = await createDraft(db(), systemContext('test'), { ...SIGNED, referenceDate: '2025-01-31', letterDate: '2025-02-01' });
    const approved = await submitAndApprove(db(), systemContext('test'), draft.id, draft.version);
    const final = await finalise(db(), systemContext('test'), draft.id, approved.version);
    ids.letter = final.id;
    // A final letter is public only once it was sent and its publication recorded.
    const sent = await sendLetter(db(), systemContext('test'), ids.letter, final.version);
    await recordPublication(db(), systemContext('test'), ids.letter, sent.version, { paperNumber: 'Kamerstuk 22 054, nr. 453', publishedOn: '2025-02-01' });
    ids.publicLetter = (await db().selectFrom('publicLetter').select('id').executeTakeFirstOrThrow()).id;
    ids.delivery = (await createDelivery(db(), systemContext('test'), { ...unsetDeliveryFields(), ...stockDelivery })).id;
    await sessionCookieFor(db(), 'registrar');
    ids.account = (await db().selectFrom('account').select('id').executeTakeFirstOrThrow()).id;
    // Unexpected errors answer 500 as in production: the test looks at the answers.
    api = createApi({ db: db() });
    document = await (await api.request('/openapi.json')).json();
    operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        permission: operation['x-permission'],
        parameters: operation.parameters ?? [],
        bodySchema: operation.requestBody?.content?.['application/json']?.schema,
      })),
    );
  });

  /** A session of a role allowed the operation (with the second factor); none for public ones. */
  async function cookieFor(operation: Operation): Promise<string | undefined> {
    if (!operation.permission) return undefined;
    const role = ROLES.find((candidate) => isAllowed(candidate, operation.permission!))!;
    if (!cookies.has(role)) cookies.set(role, await sessionCookieFor(db(), role));
    return cookies.get(role);
  }

  function idFor(path: string): string {
    if (path.startsWith('/public/letters')) return ids.publicLetter!;
    if (path.startsWith('/letters')) return ids.letter!;
    if (path.startsWith('/accounts')) return ids.account!;
    return ids.delivery!;
  }

  function resolve(schema: any): any {
    return schema?.$ref ? resolve(document.components.schemas[schema.$ref.split('/').pop()]) : schema;
  }

  /** A value the schema takes, to carry the one field that is wrong. */
  function sample(schema: any, path: string): unknown {
    const resolved = resolve(schema);
    if (!resolved) return null;
    if (resolved.anyOf ?? resolved.oneOf) return sample((resolved.anyOf ?? resolved.oneOf)[0], path);
    if (resolved.enum) return resolved.enum[0];
    const type = Array.isArray(resolved.type) ? resolved.type.find((candidate: string) => candidate !== 'null') : resolved.type;
    switch (type) {
      case 'object':
        return Object.fromEntries((resolved.required ?? []).map((name: string) => [name, sample(resolved.properties?.[name], path)]));
      case 'array':
        return resolved.minItems ? [sample(resolved.items, path)] : [];
      case 'integer':
      case 'number':
        return Math.max(resolved.minimum ?? 1, 1);
      case 'boolean':
        return false;
      case 'string':
        if (resolved.format === 'date') return '2025-05-01';
        if (resolved.format === 'uuid') return idFor(path);
        return 'tekst';
      default:
        return null;
    }
  }

  const isFreeText = (schema: any) => {
    const type = schema?.type;
    return (type === 'string' || (Array.isArray(type) && type.includes('string'))) && !schema.enum && !schema.format;
  };

  /** A body of the schema for each field of free text, in it or in the objects of its lists, holding a lone surrogate. */
  function bodiesWithLoneSurrogate(schema: any, path: string): [string, Record<string, unknown>][] {
    const base = sample(schema, path) as Record<string, unknown>;
    return Object.entries<any>(schema.properties ?? {}).flatMap(([field, fieldSchema]): [string, Record<string, unknown>][] => {
      const resolved = resolve(fieldSchema);
      if (isFreeText(resolved)) return [[field, { ...base, [field]: 'a\ud800b' }]];
      const items = resolve(resolved?.items);
      if (items?.type !== 'object') return [];
      return bodiesWithLoneSurrogate(items, path).map(([inner, item]) => [`${field}.0.${inner}`, { ...base, [field]: [item] }]);
    });
  }

  /** Up to CASES_PER_OPERATION requests, spread evenly over every field and every kind of bad value. */
  function casesOf(operation: Operation): Case[] {
    const path = operation.path.replace('{format}', 'html').replace(/\{[^}]+\}/g, idFor(operation.path));
    const cases: Case[] = [];
    for (const parameter of operation.parameters) {
      for (const bad of BAD_PARAMETERS) {
        if (parameter.in === 'query') cases.push({ label: `query ${parameter.name}=${bad}`, path, query: `${parameter.name}=${bad}` });
        if (parameter.in === 'path') {
          cases.push({ label: `path ${parameter.name}=${bad}`, path: operation.path.replace(`{${parameter.name}}`, bad).replace('{format}', 'html').replace(/\{[^}]+\}/g, idFor(operation.path)) });
        }
      }
    }
    const schema = resolve(operation.bodySchema);
    if (schema) {
      const base = sample(schema, path) as Record<string, unknown>;
      for (const [field, fieldSchema] of Object.entries<any>(schema.properties ?? {})) {
        const resolved = resolve(fieldSchema);
        const isText = JSON.stringify(resolved).includes('"string"');
        const values = [...WRONG_TYPES, ...BAD_NUMBERS, ...(isText ? [...BAD_TEXTS, ...BAD_DATES] : BAD_TEXTS.slice(0, 3))];
        for (const bad of values) cases.push({ label: `${field}=${JSON.stringify(bad).slice(0, 40)}`, path, body: JSON.stringify({ ...base, [field]: bad }) });
        if (resolved?.type === 'array') cases.push({ label: `${field}=[bad]`, path, body: JSON.stringify({ ...base, [field]: [BAD_TEXTS[0]] }) });
      }
      cases.push({ label: 'unknown field with NUL', path, body: JSON.stringify({ ...base, ['\u0000']: '\ud800' }) });
    }
    const step = Math.max(1, cases.length / CASES_PER_OPERATION);
    const chosen = Array.from({ length: Math.min(CASES_PER_OPERATION, cases.length) }, (_, index) => cases[Math.floor(index * step)]!);
    if (schema) chosen.push(...MALFORMED_BODIES.map((body) => ({ label: `body ${JSON.stringify(body).slice(0, 30)}`, path, body })));
    return chosen;
  }

  async function registerCounts(): Promise<unknown> {
    const counts = REGISTER_TABLES.map((table) => sql`(select count(*) from ${sql.table(table)})`);
    return (await sql`select ${sql.join(counts)}`.execute(db())).rows[0];
  }

  it('never answers 5xx, records every refusal, and writes nothing on a refusal', async () => {
    const faults: string[] = [];
    let sent = 0;
    for (const operation of operations) {
      const cookie = await cookieFor(operation);
      for (const fuzz of casesOf(operation)) {
        const before = await registerCounts();
        const response = await api.request(`${fuzz.path}${fuzz.query ? `?${fuzz.query}` : ''}`, {
          method: operation.method,
          // The browser sends a key with every create: a body is fingerprinted before it is judged.
          headers: { ...(cookie ? { Cookie: cookie } : {}), ...(fuzz.body === undefined ? {} : { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }) },
          ...(fuzz.body === undefined ? {} : { body: fuzz.body }),
        });
        sent += 1;
        const seen = `${operation.key} ${fuzz.label}: ${response.status}`;
        const text = await response.text();
        if (response.status >= 500) {
          faults.push(`${seen} ${text.slice(0, 200)}`);
          continue;
        }
        if (response.status < 400 || response.status === 404) continue;
        const requestId = JSON.parse(text).requestId as string;
        const recorded = await db().selectFrom('auditEvent').select('result').where('requestId', '=', requestId).execute();
        if (!recorded.some((event) => event.result === 'failure' || event.result === 'denied')) faults.push(`${seen}, not in the audit trail`);
        if (JSON.stringify(await registerCounts()) !== JSON.stringify(before)) faults.push(`${seen}, yet the register changed`);
      }
    }
    expect(faults).toEqual([]);
    expect(sent).toBeGreaterThan(operations.length * 5);
  });

  it('refuses a lone surrogate in every text field of every body, sent with an Idempotency-Key', async () => {
    const faults: string[] = [];
    let sent = 0;
    for (const operation of operations) {
      const schema = resolve(operation.bodySchema);
      if (!schema) continue;
      const cookie = await cookieFor(operation);
      const path = operation.path.replace('{format}', 'html').replace(/\{[^}]+\}/g, idFor(operation.path));
      for (const [field, body] of bodiesWithLoneSurrogate(schema, path)) {
        const response = await api.request(path, {
          method: operation.method,
          headers: { ...(cookie ? { Cookie: cookie } : {}), 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
          body: JSON.stringify(body),
        });
        sent += 1;
        if (response.status >= 500 || response.status < 400) faults.push(`${operation.key} ${field}: ${response.status} ${(await response.text()).slice(0, 200)}`);
      }
    }
    expect(faults).toEqual([]);
    expect(sent).toBeGreaterThan(50);
  });
});
