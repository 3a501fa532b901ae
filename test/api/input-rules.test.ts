/**
 * What a person may type, checked the same way on every field: amounts within the per-entry ceiling,
 * dates that exist and lie between the register's floor and today where they record an event, and text
 * without NUL, lone surrogates or other control characters. Each refusal is a 400 naming the field, is
 * recorded in the audit trail, and writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../common/actors.ts';
import { MAX_ENTRY_CENTS } from '../../common/money.ts';
import { todayInAmsterdam } from '../../common/dates.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { apiClient, type ApiCall, type ApiResponse } from './client.ts';

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function expectRefused(response: ApiResponse, field: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.body.invalidParams.map((param: { name: string }) => param.name)).toContain(field);
}

describeEachDatabase('input rules', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let auditor: ApiCall;
  let administrator: ApiCall;
  let anonymous: ApiCall;
  let stockId: string;
  let procurementId: string;

  beforeAll(async () => {
    const db = database().db;
    registrar = apiClient(db, { role: 'registrar' });
    finance = apiClient(db, { role: 'finance' });
    auditor = apiClient(db, { role: 'auditor' });
    administrator = apiClient(db, { role: 'administrator' });
    anonymous = apiClient(db);
    stockId = (await registrar('POST', '/deliveries', { ...stockDelivery, deliveredAt: '2025-05-01' })).body.id;
    procurementId = (await registrar('POST', '/deliveries', procurement)).body.id;
  });

  async function lastAuditEvent() {
    return database().db.selectFrom('auditEvent').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  }

  async function countOf(table: 'delivery' | 'valuation' | 'payment' | 'account'): Promise<number> {
    const { count } = await database().db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    return Number(count);
  }

  describe('amounts', () => {
    it('refuses an amount above the ceiling of one entry, and takes one at the ceiling', async () => {
      const valuation = { basis: 'replacementValue', effectiveDate: '2025-05-01' };
      expectRefused(await registrar('POST', `/deliveries/${stockId}/valuations`, { ...valuation, amountCents: Number.MAX_SAFE_INTEGER }), 'amountCents');
      expectRefused(await registrar('POST', `/deliveries/${stockId}/valuations`, { ...valuation, amountCents: MAX_ENTRY_CENTS + 1 }), 'amountCents');
      expectRefused(await finance('POST', `/deliveries/${procurementId}/payments`, { amountCents: MAX_ENTRY_CENTS + 1, paidOn: '2025-05-01' }), 'amountCents');
      expect((await registrar('POST', `/deliveries/${stockId}/valuations`, { ...valuation, amountCents: MAX_ENTRY_CENTS })).status).toBe(201);
    });

    it('the database itself refuses an amount above the ceiling', async () => {
      const insert = database().db.insertInto('payment').values({
        id: crypto.randomUUID(), deliveryId: procurementId, amountCents: MAX_ENTRY_CENTS + 1, paidOn: '2025-05-01', reference: null, note: '',
      });
      await expect(insert.execute()).rejects.toThrow();
    });

    it('keeps the figures and the series exact with entries at the ceiling', async () => {
      const second = (await registrar('POST', '/deliveries', { ...stockDelivery, deliveredAt: '2025-05-01' })).body.id;
      expect((await registrar('POST', `/deliveries/${second}/valuations`, { amountCents: MAX_ENTRY_CENTS, basis: 'replacementValue', effectiveDate: '2025-05-01' })).status).toBe(201);
      expect((await finance('POST', `/deliveries/${procurementId}/payments`, { amountCents: MAX_ENTRY_CENTS, paidOn: '2025-05-01' })).status).toBe(201);
      const figures = await registrar('GET', '/figures?referenceDate=2025-08-31&compareDate=2025-02-04');
      expect(figures.status).toBe(200);
      expect(figures.body.total.reference.cents).toBe(3 * MAX_ENTRY_CENTS);
      const series = await registrar('GET', '/figures/series?from=2025-01-01&to=2025-08-31');
      expect(series.status).toBe(200);
      expect(series.body.points.at(-1).total).toBe(3 * MAX_ENTRY_CENTS);
    });
  });

  describe('dates', () => {
    const impossible = ['0000-01-01', '0001-01-01', '9999-12-31', '2013-12-31', '2025-02-30'];

    it.each(impossible)('refuses %s as the date of an event, naming the field', async (date) => {
      const before = await Promise.all([countOf('delivery'), countOf('valuation'), countOf('payment')]);
      expectRefused(await registrar('POST', '/deliveries', { ...stockDelivery, realisedAt: date }), 'realisedAt');
      expectRefused(await registrar('POST', `/deliveries/${stockId}/valuations`, { amountCents: 100, basis: 'replacementValue', effectiveDate: date }), 'effectiveDate');
      expectRefused(await finance('POST', `/deliveries/${procurementId}/payments`, { amountCents: 100, paidOn: date }), 'paidOn');
      expect(await Promise.all([countOf('delivery'), countOf('valuation'), countOf('payment')])).toEqual(before);
    });

    it.each(['0000-01-01', '9999-12-31'])('refuses %s as a date to compute the figures at', async (date) => {
      expectRefused(await registrar('GET', `/figures?referenceDate=${date}&compareDate=2025-02-04`), 'referenceDate');
      expectRefused(await registrar('GET', `/figures?referenceDate=2025-08-31&compareDate=${date}`), 'compareDate');
      expectRefused(await registrar('GET', `/deliveries?realisedFrom=${date}`), 'realisedFrom');
    });

    it('refuses a payment, valuation, stage or realisation date after today, and takes today', async () => {
      const today = todayInAmsterdam();
      const tomorrow = nextDay(today);
      for (const field of ['pledgedAt', 'committedAt', 'realisedAt', 'deliveredAt'] as const) {
        expectRefused(await registrar('POST', '/deliveries', { ...stockDelivery, committedAt: null, realisedAt: null, [field]: tomorrow }), field);
      }
      expectRefused(await registrar('POST', `/deliveries/${stockId}/valuations`, { amountCents: 100, basis: 'replacementValue', effectiveDate: tomorrow }), 'effectiveDate');
      expectRefused(await finance('POST', `/deliveries/${procurementId}/payments`, { amountCents: 100, paidOn: tomorrow }), 'paidOn');
      expect((await finance('POST', `/deliveries/${procurementId}/payments`, { amountCents: 100, paidOn: today })).status).toBe(201);
    });
  });

  describe('text', () => {
    it.each([
      ['NUL', NUL],
      ['a lone surrogate', LONE_SURROGATE],
      ['another control character', '\u0007'],
    ])('refuses %s in every text field of a delivery, a valuation and a payment', async (_name, bad) => {
      const before = await Promise.all([countOf('delivery'), countOf('valuation'), countOf('payment')]);
      for (const field of ['title', 'description', 'publicTitle', 'unit', 'company', 'contractReference']) {
        expectRefused(await registrar('POST', '/deliveries', { ...stockDelivery, [field]: `a${bad}b` }), field);
      }
      expectRefused(await registrar('POST', '/deliveries', { ...stockDelivery, sources: [{ description: `a${bad}` }] }), 'sources.0.description');
      expectRefused(await registrar('POST', `/deliveries/${stockId}/valuations`, { amountCents: 1, basis: 'replacementValue', effectiveDate: '2025-05-01', note: bad }), 'note');
      expectRefused(await finance('POST', `/deliveries/${procurementId}/payments`, { amountCents: 1, paidOn: '2025-05-01', reference: bad }), 'reference');
      expect(await Promise.all([countOf('delivery'), countOf('valuation'), countOf('payment')])).toEqual(before);
    });

    it.each(['\u3164', '\uffa0', '\u034f', '\u17b4'])('refuses %j, which shows nothing, within a title, a public title, a unit and a registration number, and takes it alone as nothing typed', async (blank) => {
      const before = await countOf('delivery');
      for (const field of ['title', 'publicTitle', 'unit']) {
        const refused = await registrar('POST', '/deliveries', { ...stockDelivery, [field]: `Generatoren${blank}A` });
        expectRefused(refused, field);
        expect(refused.body.invalidParams).toContainEqual(expect.objectContaining({ name: field, code: 'invisibleCharacter' }));
      }
      const company = await registrar('POST', '/companies', { name: 'Vuller B.V.', country: 'NL', registrationNumber: `KVK${blank}123` });
      expect(company.status).toBe(400);
      expect(company.body.invalidParams).toContainEqual(expect.objectContaining({ name: 'registrationNumber', code: 'invisibleCharacter' }));
      const untitled = await registrar('POST', '/deliveries', { ...stockDelivery, title: blank });
      expect(untitled.body.invalidParams).toContainEqual(expect.objectContaining({ name: 'title', code: 'required' }));
      expect(await countOf('delivery')).toBe(before);

      const unitless = await registrar('POST', '/deliveries', { ...stockDelivery, unit: `${blank} ${blank}` });
      expect(unitless.status).toBe(201);
      expect(unitless.body.unit).toBeNull();
    });

    it.each([
      ['a direction control and a bell', 'https://www.rijksoverheid.nl/\u202egpj.exe\u0007', 'controlCharacter'],
      ['a direction control', 'https://www.rijksoverheid.nl/\u202egpj.exe', 'directionControl'],
      ['a zero-width space in its host', 'https://www\u200b.rijksoverheid.nl/', 'invisibleCharacter'],
      ['another scheme than http or https', 'javascript:alert(1)', 'invalidUrl'],
    ])("refuses a source's web address with %s, and writes nothing", async (_name, url, code) => {
      const before = await countOf('delivery');
      const refused = await registrar('POST', '/deliveries', { ...stockDelivery, sources: [{ description: 'Kamerbrief', url }] });
      expectRefused(refused, 'sources.0.url');
      expect(refused.body.invalidParams).toContainEqual(expect.objectContaining({ name: 'sources.0.url', code }));
      expect(await countOf('delivery')).toBe(before);
    });

    it("keeps a source's web address with letters beyond ASCII as typed", async () => {
      const url = 'https://nl.wikipedia.org/wiki/Oekraïne';
      const created = await registrar('POST', '/deliveries', { ...stockDelivery, sources: [{ description: 'Wikipedia', url }] });
      expect(created.status).toBe(201);
      expect(created.body.sources).toEqual([{ description: 'Wikipedia', url }]);
    });

    it('takes new lines and tabs in a multi-line text, but not in a title', async () => {
      expect((await registrar('POST', '/deliveries', { ...stockDelivery, description: 'regel 1\nregel 2\tkolom\r\n' })).status).toBe(201);
      expectRefused(await registrar('POST', '/deliveries', { ...stockDelivery, title: 'regel 1\nregel 2' }), 'title');
    });

    it.each([['NUL', '%00'], ['another control character', '%07']])('refuses %s in query parameters and path ids', async (_name, bad) => {
      expectRefused(await registrar('GET', `/deliveries?q=a${bad}`), 'q');
      expectRefused(await registrar('GET', `/deliveries/${bad}`), 'id');
      expectRefused(await auditor('GET', `/letters/${bad}`), 'id');
      expectRefused(await auditor('GET', `/audit-events?objectId=${bad}`), 'objectId');
      expectRefused(await auditor('GET', `/audit-events?actor=${bad}`), 'actor');
    });

    it.each([['NUL', NUL], ['a lone surrogate', LONE_SURROGATE]])('refuses %s in the username and the fields of an account', async (_name, bad) => {
      expectRefused(await anonymous('POST', '/session', { username: `demo${bad}`, password: 'wachtwoord12' }), 'username');
      expectRefused(await administrator('POST', '/accounts', { username: 'nieuw', displayName: `a${bad}`, role: 'registrar', password: null }), 'displayName');
    });

    it('refuses a username shorter than its minimum as too short, naming the minimum, and one left empty as not filled in', async () => {
      const account = { role: 'registrar', password: 'een lang genoeg wachtwoord 42' };
      const short = await administrator('POST', '/accounts', { ...account, username: 'a' });
      const before = await countOf('account');
      expect([short.status, short.body.invalidParams, short.body.reasonsByLanguage.en]).toEqual([
        400,
        [{ name: 'username', code: 'tooShort', reason: 'Gebruik minstens 2 tekens.' }],
        ['Use at least 2 characters.'],
      ]);
      const empty = await administrator('POST', '/accounts', { ...account, username: '' });
      expect(empty.body.invalidParams).toEqual([{ name: 'username', code: 'required', reason: 'Vul dit veld in.' }]);
      expect((await administrator('POST', '/accounts', { ...account, username: 'ab' })).status).toBe(201);
      expect(await countOf('account')).toBe(before + 1);
    });

    it('refuses a list with fewer or more entries than it takes, naming how many, not as a number', async () => {
      const officer = apiClient(database().db, { role: 'disclosureOfficer' });
      const none = await officer('POST', '/disclosure-decisions', { deliveryIds: [], state: 'confidential', ground: 'operationalSecurity' });
      expect(none.body.invalidParams).toContainEqual({ name: 'deliveryIds', code: 'tooFewItems', reason: 'Geef hier minstens 1 op.' });
      const sources = Array.from({ length: 21 }, (_unused, index) => ({ description: `Kamerbrief ${index + 1}` }));
      const many = await registrar('POST', '/deliveries', { ...stockDelivery, sources }, { 'Accept-Language': 'en' });
      expect(many.body.invalidParams).toEqual([{ name: 'sources', code: 'tooManyItems', reason: 'Give at most 20 here.' }]);
    });

    it('refuses an account named as the system that records carry for what it did itself', async () => {
      const before = await countOf('account');
      const refused = await administrator('POST', '/accounts', { username: SYSTEM_ACTOR, role: 'registrar', password: 'een lang genoeg wachtwoord 42' });
      expectRefused(refused, 'username');
      expect(await countOf('account')).toBe(before);
    });

    it('a text that is not well-formed UTF-8 in the address is taken as written, not as a lone surrogate', async () => {
      const found = await registrar('GET', '/deliveries?q=%ED%A0%80');
      expect(found.status).toBe(200);
      expect(found.body.total).toBe(0);
    });

    it('records every refusal in the audit trail, naming the fields', async () => {
      const refused = await registrar('GET', '/deliveries/%00');
      expect(refused.status).toBe(400);
      const event = await lastAuditEvent();
      expect(event).toMatchObject({ result: 'failure', requestId: refused.body.requestId });
      expect(JSON.parse(event.canonical).detail).toMatchObject({ reason: 'invalidInput', status: 400, fields: ['id'], path: '/deliveries/\\u0000' });
    });
  });
});
