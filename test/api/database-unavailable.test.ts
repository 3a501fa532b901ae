/**
 * A PostgreSQL that is stopped, restarting or full is nobody's mistake in the request: the API answers
 * 503 with Retry-After, so that a client knows to try again, and the pool connects anew at the next
 * request (test/db/lost-connection.test.ts).
 */
import { PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/access.ts';
import { createApi } from '../../src/api/app.ts';
import { isDatabaseBusy, isDatabaseUnavailable, UniqueViolationError } from '../../src/db/errors.ts';
import type { Database } from '../../src/db/schema.ts';
import { camelCaseKysely } from '../../src/db/snake-case-names.ts';

/** An error as pg raises it for what PostgreSQL answered, with its SQLSTATE. */
function postgresError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('a database that cannot be reached', () => {
  // Nothing listens on port 1: every connection is refused, as by a stopped PostgreSQL.
  const pool = new pg.Pool({ connectionString: 'postgres://steunregister@127.0.0.1:1/steunregister' });
  const api = createApi({ db: camelCaseKysely<Database>(new PostgresDialect({ pool })) });
  afterAll(() => pool.end());

  it.each([
    ['a session', 'GET', '/deliveries', { Cookie: `${SESSION_COOKIE}=${'a'.repeat(32)}` }],
    ['a login', 'POST', '/session', { 'Content-Type': 'application/json', Origin: 'http://localhost' }],
    ['the public', 'GET', '/public/figures', {}],
  ] as const)('answers %s 503 with Retry-After, in the language asked', async (_, method, path, headers) => {
    const body = method === 'POST' ? JSON.stringify({ username: 'k.jansen', password: 'een lang wachtwoord van iemand' }) : undefined;
    const response = await api.request(path, { method, headers: { ...headers, 'Accept-Language': 'en' }, ...(body ? { body } : {}) });
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('5');
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      status: 503,
      code: 'databaseUnavailable',
      title: 'Temporarily unavailable; try again shortly',
      detail: 'The database cannot be reached for a moment. Try again in a few seconds.',
    });
  });
});

describe('isDatabaseUnavailable', () => {
  it('tells a PostgreSQL stopping, starting, full or gone, and a connection lost, from what a request did wrong', () => {
    for (const unavailable of [
      postgresError('terminating connection due to administrator command', '57P01'),
      postgresError('the database system is shutting down', '57P03'),
      postgresError('the database system is starting up', '57P03'),
      postgresError('sorry, too many clients already', '53300'),
      postgresError('connection failure', '08006'),
      postgresError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      postgresError('read ECONNRESET', 'ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
    ]) expect([unavailable.message, isDatabaseUnavailable(unavailable)]).toEqual([unavailable.message, true]);
    for (const fault of [
      postgresError('duplicate key value violates unique constraint "x"', '23505'),
      new UniqueViolationError('x'),
      postgresError('invalid byte sequence for encoding "UTF8": 0x00', '22021'),
      postgresError('canceling statement due to statement timeout', '57014'),
      new Error('something else'),
      'ECONNREFUSED',
    ]) expect([String(fault), isDatabaseUnavailable(fault)]).toEqual([String(fault), false]);
  });
});

describe('isDatabaseBusy', () => {
  it('tells a statement PostgreSQL stopped after its lock timeout or statement timeout from a database out of reach and a fault', () => {
    for (const stopped of [postgresError('canceling statement due to lock timeout', '55P03'), postgresError('canceling statement due to statement timeout', '57014')]) {
      expect([stopped.message, isDatabaseBusy(stopped), isDatabaseUnavailable(stopped)]).toEqual([stopped.message, true, false]);
    }
    for (const other of [postgresError('connection failure', '08006'), postgresError('duplicate key value violates unique constraint "x"', '23505'), new Error('something else'), '55P03']) {
      expect([String(other), isDatabaseBusy(other)]).toEqual([String(other), false]);
    }
  });
});
