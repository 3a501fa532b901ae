/**
 * Input a person types wrong, sent to a write route: each is refused with a 400 that names the field and
 * says why, in Dutch and in English (two different texts), and changes nothing.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import type { CurrentDatabase } from './databases.ts';
import { procurement, stockDelivery } from './deliveries.ts';
import { positiveAssessment } from './export-control.ts';

export interface RefusedInput {
  /** What is typed wrong, as the test names it. */
  what: string;
  role: Role;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: () => string;
  body: () => Record<string, unknown>;
  headers?: () => Promise<Record<string, string>>;
  field: string;
  code: string;
}

export function itRefusesEach(cases: readonly RefusedInput[], as: Readonly<Partial<Record<Role, ApiCall>>>, database: CurrentDatabase): void {
  /** Every change is an audit event of success: their number says whether anything changed. */
  const changes = async () =>
    Number((await database().db.selectFrom('auditEvent').select((eb) => eb.fn.countAll<string>().as('count')).where('result', '=', 'success').executeTakeFirstOrThrow()).count);

  it.each(cases)('refuses $what, naming $field in Dutch and English, and changes nothing', async ({ role, method, path, body, headers, field, code }) => {
    const before = await changes();
    const reasons: string[] = [];
    for (const language of ['nl', 'en'] as const) {
      const refused = await as[role]!(method, path(), body(), { ...(await headers?.()), 'Accept-Language': language });
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      const named = refused.body.invalidParams.filter((param: { name: string }) => param.name === field);
      expect(named, JSON.stringify(refused.body.invalidParams)).toEqual([{ name: field, code, reason: expect.stringMatching(/\w{3,}.*\./) }]);
      reasons.push(named[0].reason);
    }
    expect(reasons[0]).not.toBe(reasons[1]);
    expect(await changes()).toBe(before);
  });
}

/**
 * Before the suite's tests: a session of each role that types, and the records input is typed about: a
 * delivery from stock, a purchase, a delivery that needs a licence with its assessment, and a company.
 * `next` gives a text not given before, for references that must be unique.
 */
export function registerToTypeInto(database: CurrentDatabase, roles: readonly Role[]) {
  const as = {} as Record<Role, ApiCall>;
  const ids: Record<string, string> = {};
  let unique = 0;
  beforeAll(async () => {
    const { db } = database();
    for (const role of new Set<Role>(['registrar', 'exportControlAssessor', ...roles])) as[role] = apiClient(db, { role });
    ids.stock = (await as.registrar('POST', '/deliveries', { ...stockDelivery })).body.id;
    ids.procurement = (await as.registrar('POST', '/deliveries', procurement)).body.id;
    ids.licensed = (await as.registrar('POST', '/deliveries', { ...stockDelivery, category: 'largeCalibreArtillery', realisedAt: null })).body.id;
    ids.assessment = (await as.exportControlAssessor('POST', `/deliveries/${ids.licensed}/export-assessments`, positiveAssessment)).body.id;
    ids.company = (await as.registrar('POST', '/companies', { name: 'Voorbeeld B.V.', country: 'NL' })).body.id;
    expect(Object.values(ids).every(Boolean)).toBe(true);
  });
  return { as, ids, next: () => `${Date.now()}-${++unique}` };
}
