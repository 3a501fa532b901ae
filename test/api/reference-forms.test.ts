/**
 * A reference typed by hand is judged, compared and stored in one Unicode form (NFKC, every kind of space an
 * ordinary one): one typed with a decomposed accent, an en space, a narrow no-break space or fullwidth
 * letters and digits is the reference typed plainly, so that a second record under it is refused as
 * taken, naming the field in Dutch and English, and changes nothing.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { licenceFor } from '../support/export-control.ts';
import { itRefusesEach, registerToTypeInto, type RefusedInput } from '../support/refused-input.ts';

describeEachDatabase('references typed in another Unicode form', (database) => {
  const { as, ids } = registerToTypeInto(database, ['finance', 'licensingOfficer']);

  const payment = (reference: string) => ({ amountCents: 100, paidOn: '2025-05-01', reference });
  const claim = (reference: string) => ({ reference, batch: 'Leveringen', period: '2024', declaredCents: 100, declaredOn: '2025-01-15' });
  const contract = (reference: string) => ({ companyId: ids.company, reference, subject: 'Drones', amountCents: 100, signedOn: '2025-01-01' });
  const company = (registrationNumber: string) => ({ name: `Werf ${registrationNumber}`, country: 'NL', registrationNumber });
  const licence = (number: string) => ({ ...licenceFor(ids.assessment!), number });

  beforeAll(async () => {
    const created = [
      ...(await Promise.all(['Café-1', 'INV 7', 'INV-1'].map((reference) => as.finance('POST', `/deliveries/${ids.procurement}/payments`, payment(reference))))),
      await as.finance('POST', '/epf/claims', claim('Café-2')),
      await as.finance('POST', '/epf/claims', claim('EPF 2')),
      await as.licensingOfficer('POST', `/deliveries/${ids.licensed}/export-licences`, licence('NL-Café-3')),
      await as.registrar('POST', '/companies', company('KVK 12345678')),
      await as.registrar('POST', '/industry-contracts', contract('G2B-Café')),
    ];
    expect(created.map((response) => response.status)).toEqual(created.map(() => 201));
  });

  const cases: RefusedInput[] = [
    ...['Cafe\u0301-1', 'INV\u20027', 'INV\u202f7', 'ＩＮＶ-1'].map((reference): RefusedInput => ({
      what: `a payment referenced ${JSON.stringify(reference)}`, role: 'finance', method: 'POST', path: () => `/deliveries/${ids.procurement}/payments`, body: () => payment(reference), field: 'reference', code: 'paymentReferenceTaken',
    })),
    ...['Cafe\u0301-2', 'ＥＰＦ\u20002'].map((reference): RefusedInput => ({
      what: `an EPF claim referenced ${JSON.stringify(reference)}`, role: 'finance', method: 'POST', path: () => '/epf/claims', body: () => claim(reference), field: 'reference', code: 'referenceTaken',
    })),
    { what: 'a licence numbered "ＮＬ-Cafe\\u0301-3"', role: 'licensingOfficer', method: 'POST', path: () => `/deliveries/${ids.licensed}/export-licences`, body: () => licence('ＮＬ-Cafe\u0301-3'), field: 'number', code: 'licenceNumberTaken' },
    { what: 'a company registered as "ＫＶＫ １２３４５６７８"', role: 'registrar', method: 'POST', path: () => '/companies', body: () => company('ＫＶＫ\u3000１２３４５６７８'), field: 'registrationNumber', code: 'registrationNumberTaken' },
    { what: 'a contract referenced "Ｇ２Ｂ-Cafe\\u0301"', role: 'registrar', method: 'POST', path: () => '/industry-contracts', body: () => contract('Ｇ２Ｂ-Cafe\u0301'), field: 'reference', code: 'contractReferenceTaken' },
  ];

  itRefusesEach(cases, as, database);

  it('stores a reference in that one form', async () => {
    const paid = await as.finance('POST', `/deliveries/${ids.procurement}/payments`, payment(' ＰＡＹ\u00a0Cafe\u0301\u2002９ '));
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const stored = await database().db.selectFrom('payment').select('reference').where('id', '=', paid.body.id).executeTakeFirstOrThrow();
    expect(stored.reference).toBe('PAY Café 9');
    const registered = await as.registrar('POST', '/companies', company('ＫＶＫ\u202f８７'));
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const found = await database().db.selectFrom('company').select('registrationNumber').where('id', '=', registered.body.id).executeTakeFirstOrThrow();
    expect(found.registrationNumber).toBe('KVK 87');
  });
});
