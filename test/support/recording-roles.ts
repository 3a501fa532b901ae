/**
 * A register built through the API, as the people who keep it record it: the registrar, finance, the
 * disclosure officer and the letter's author, each in a session of their own on one in-process API, and
 * the records they make, each checked to be accepted.
 */
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import type { Database } from '../../src/db/schema.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import type { SupportType } from '../../src/domain/delivery.ts';
import { fittingBasis } from './deliveries.ts';

export interface RecordingRoles {
  registrar: ApiCall;
  finance: ApiCall;
  disclosure: ApiCall;
  author: ApiCall;
}

/** The roles on one API, at the machine's time or at the clock given. */
export function recordingRoles(db: Kysely<Database>, clock?: () => Date): RecordingRoles {
  const api = createApi({ db, onError: (error) => { throw error; }, ...(clock ? { clock } : {}) });
  const at = clock ? { clock } : {};
  return {
    registrar: apiClient(db, { role: 'registrar', api, ...at }),
    finance: apiClient(db, { role: 'finance', api, ...at }),
    disclosure: apiClient(db, { role: 'disclosureOfficer', api, ...at }),
    author: apiClient(db, { role: 'letterAuthor', api, ...at }),
  };
}

type Answer = { status: number; body: any; headers: Headers };

/** The answer, once its status is the one expected; otherwise the test fails showing the body. */
export async function accepted(response: Promise<Answer>, expectedStatus = 201): Promise<Answer> {
  const answer = await response;
  expect(answer.status, JSON.stringify(answer.body)).toBe(expectedStatus);
  return answer;
}

/**
 * Deliveries, their valuations at the basis their support type is valued at, and their payments; each returns the id of
 * what it recorded. Money dated in the period of a letter sent already is recorded with `confirm` naming that warning.
 */
export function deliveryRecords(roles: () => RecordingRoles) {
  const supportTypes = new Map<string, SupportType>();
  return {
    delivery: async (fields: Record<string, unknown>) => {
      const id = (await accepted(roles().registrar('POST', '/deliveries', fields))).body.id as string;
      supportTypes.set(id, fields.supportType as SupportType);
      return id;
    },
    value: async (deliveryId: string, amountCents: number, effectiveDate: string, confirm: readonly string[] = []) => {
      const basis = fittingBasis(supportTypes.get(deliveryId) ?? 'stock');
      return (await accepted(roles().registrar('POST', `/deliveries/${deliveryId}/valuations`, { amountCents, basis, effectiveDate, confirm }))).body.id as string;
    },
    pay: async (deliveryId: string, amountCents: number, paidOn: string, confirm: readonly string[] = []) =>
      (await accepted(roles().finance('POST', `/deliveries/${deliveryId}/payments`, { amountCents, paidOn, confirm }))).body.id as string,
  };
}
