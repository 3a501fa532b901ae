/**
 * An operation that takes no request body (a step of a letter, a delete, disabling an account) refuses a
 * body that says something, as every other operation refuses a field it does not know, and changes
 * nothing: what the client meant is not silently lost. No body, and an empty object, are what it takes.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { isAllowed, ROLES, type Action, type Role } from '../../src/domain/access.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { createDelivery } from '../../src/register/deliveries.ts';
import { submitAndApprove, submitForApproval } from '../../src/register/letter-review.ts';
import { createDraft, finalise } from '../../src/register/letters.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { apiClient, type ApiCall, type ApiResponse } from './client.ts';
import { SIGNED } from '../support/letters.ts';

const context = systemContext('test');

describeEachDatabase('operations without a request body', (database) => {
  let api: ReturnType<typeof createApi>;
  let author: ApiCall;
  let disclosure: ApiCall;
  let registrar: ApiCall;
  let administrator: ApiCall;

  beforeAll(() => {
    const { db } = database();
    api = createApi({ db, onError: (error) => { throw error; } });
    author = apiClient(db, { role: 'letterAuthor', api });
    disclosure = apiClient(db, { role: 'disclosureOfficer', api });
    registrar = apiClient(db, { role: 'registrar', api });
    administrator = apiClient(db, { role: 'administrator', api });
  });

  // Each letter a day after the one before: a new draft may not precede a final letter.
  let letters = 0;
  const draft = () => {
    const date = new Date(Date.UTC(2025, 0, ++letters)).toISOString().slice(0, 10);
    return createDraft(database().db, context, { ...SIGNED, referenceDate: date, letterDate: date });
  };
  const submitted = async () => {
    const letter = await draft();
    return submitForApproval(database().db, context, letter.id, letter.version);
  };
  const final = async () => {
    const letter = await draft();
    const approved = await submitAndApprove(database().db, context, letter.id, letter.version);
    return finalise(database().db, context, letter.id, approved.version);
  };
  const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

  function expectRefused(response: ApiResponse, fields: string[], code = 'unknownField') {
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(response.body.invalidParams).toEqual(fields.map((name) => ({ name, code, reason: expect.any(String) })));
  }

  async function expectLetterUnchanged(id: string, version: number) {
    const letter = await author('GET', `/letters/${id}`);
    expect(letter.status).toBe(200);
    expect(letter.body.version).toBe(version);
    return letter.body;
  }

  it('refuses a body with the sending of a letter, naming its fields, and records no sending', async () => {
    const letter = await final();
    const refused = await author('POST', `/letters/${letter.id}/sending`, { sentOn: '2099-01-01', zz: 1 }, { ...ifMatch(letter.version), 'Accept-Language': 'en' });
    expectRefused(refused, ['sentOn', 'zz']);
    expect(refused.body.invalidParams[0].reason).toBe('There is no such field; check its name.');
    expect(refused.body.reasonsByLanguage.nl[0]).toBe('Dit veld bestaat niet; controleer de naam.');
    expect((await expectLetterUnchanged(letter.id, letter.version)).sentAt).toBeNull();
    expect((await author('POST', `/letters/${letter.id}/sending`, undefined, ifMatch(letter.version))).status).toBe(200);
  });

  it('refuses a body with the approval and with the submission of a draft, which stays as it was', async () => {
    const waiting = await submitted();
    expectRefused(await disclosure('POST', `/letters/${waiting.id}/approval`, { zz: 1 }, ifMatch(waiting.version)), ['zz']);
    expect((await expectLetterUnchanged(waiting.id, waiting.version)).approval).toBeNull();

    const letter = await draft();
    expectRefused(await author('POST', `/letters/${letter.id}/submission`, { zz: 'junk' }, ifMatch(letter.version)), ['zz']);
    expect((await expectLetterUnchanged(letter.id, letter.version)).submittedAt).toBeNull();
  });

  it('refuses a body with the deletion of a draft, which stays', async () => {
    const letter = await draft();
    expectRefused(await author('DELETE', `/letters/${letter.id}`, { zz: 1 }, ifMatch(letter.version)), ['zz']);
    await expectLetterUnchanged(letter.id, letter.version);
  });

  it('refuses a body with the deletion of a delivery, which stays, and deletes it without one', async () => {
    const delivery = await createDelivery(database().db, context, { ...unsetDeliveryFields(), ...stockDelivery });
    expectRefused(await registrar('DELETE', `/deliveries/${delivery.id}`, { reason: 'x', zz: 1 }, ifMatch(delivery.version)), ['reason', 'zz']);
    expect((await registrar('GET', `/deliveries/${delivery.id}`)).body.version).toBe(delivery.version);
    expect((await registrar('DELETE', `/deliveries/${delivery.id}`, undefined, ifMatch(delivery.version))).status).toBe(204);
  });

  it('refuses a body with disabling an account, which stays enabled', async () => {
    const { db } = database();
    await sessionCookieFor(db, 'finance');
    const account = await db.selectFrom('account').select('id').where('role', '=', 'finance').executeTakeFirstOrThrow();
    expectRefused(await administrator('POST', `/accounts/${account.id}/disable`, { zz: 1, reason: 'x' }), ['zz', 'reason']);
    expect((await db.selectFrom('account').select('disabledAt').where('id', '=', account.id).executeTakeFirstOrThrow()).disabledAt).toBeNull();
  });

  it('takes an empty object or white space as no body', async () => {
    const letter = await final();
    expect((await author('POST', `/letters/${letter.id}/sending`, {}, ifMatch(letter.version))).status).toBe(200);
    const other = await draft();
    expect((await author('DELETE', `/letters/${other.id}`, ' \r\n\t', ifMatch(other.version))).status).toBe(204);
  });

  it('refuses a body that is not an object, or not JSON, or sent without a content type, as a whole', async () => {
    const letter = await final();
    for (const body of ['[1]', 'null', '"x"', '{']) {
      expectRefused(await author('POST', `/letters/${letter.id}/sending`, body, ifMatch(letter.version)), ['body'], 'bodyNotTaken');
    }
    const untyped = await api.request(`/letters/${letter.id}/sending`, {
      method: 'POST',
      headers: { Cookie: await sessionCookieFor(database().db, 'letterAuthor'), ...ifMatch(letter.version) },
      // Bytes, which fetch sends without a content type (text it would call text/plain).
      body: new TextEncoder().encode('{"sentOn":"2099-01-01"}'),
    });
    expect(untyped.status).toBe(400);
    expect((await untyped.json()).invalidParams).toEqual([expect.objectContaining({ name: 'sentOn', code: 'unknownField' })]);
    expect((await expectLetterUnchanged(letter.id, letter.version)).sentAt).toBeNull();
  });

  it('holds for every operation of the OpenAPI document that defines no request body', async () => {
    const { db } = database();
    const document = await (await api.request('/openapi.json')).json();
    // A GET or HEAD carries no body: a fetch cannot send one, and the server drops one that arrives.
    const bodiless = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method, operation]) => !operation.requestBody && method !== 'get' && method !== 'head')
        .map(([method, operation]) => ({ method: method.toUpperCase(), path, permission: operation['x-permission'] as Action | undefined })),
    );
    expect(bodiless.map(({ method, path }) => `${method} ${path}`)).toEqual(
      expect.arrayContaining(['POST /letters/{id}/sending', 'POST /letters/{id}/approval', 'POST /letters/{id}/submission', 'POST /accounts/{id}/disable', 'DELETE /deliveries/{id}', 'DELETE /letters/{id}']),
    );
    for (const { method, path, permission } of bodiless) {
      const role: Role | undefined = permission && ROLES.find((candidate) => isAllowed(candidate, permission));
      const call = role ? apiClient(db, { role, api }) : apiClient(db, { api });
      const response = await call(method, path.replace(/\{[^}]+\}/g, randomUUID()), { zz: 1 }, { 'If-Match': '"1"' });
      expect({ operation: `${method} ${path}`, status: response.status, invalidParams: response.body?.invalidParams }).toEqual({
        operation: `${method} ${path}`,
        status: 400,
        invalidParams: [{ name: 'zz', code: 'unknownField', reason: expect.any(String) }],
      });
    }
  });
});
