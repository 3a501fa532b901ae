/**
 * An answer whose words follow Accept-Language says so (`Vary: Accept-Language`), so that a cache between
 * the server and its readers does not hand the Dutch answer to someone who asked for English.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, type ApiCall } from './client.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';

let scratch: ScratchDatabase;
let anonymous: ApiCall;

beforeAll(async () => {
  scratch = await openScratchPGlite();
  anonymous = apiClient(scratch.handle.db);
});

afterAll(async () => {
  await scratch?.dispose();
});

const varies = (headers: Headers) => (headers.get('Vary') ?? '').split(',').map((name) => name.trim().toLowerCase());

it('says that a public error answer depends on Accept-Language, once', async () => {
  for (const path of ['/public/letters/00000000-0000-4000-8000-000000000000', '/public/deliveries?format=xml', '/public/nothing-here']) {
    const answer = await anonymous('GET', path, undefined, { 'Accept-Language': 'en' });
    expect(answer.status, path).toBeGreaterThanOrEqual(400);
    expect(answer.headers.get('Content-Language'), path).toBe('en');
    expect(varies(answer.headers).filter((name) => name === 'accept-language'), path).toEqual(['accept-language']);
  }
});

it('says so for the open data whose labels follow Accept-Language, not when the language is asked for in the address', async () => {
  expect(varies((await anonymous('GET', '/public/deliveries')).headers)).toContain('accept-language');
  expect(varies((await anonymous('GET', '/public/deliveries?lang=en')).headers)).not.toContain('accept-language');
});
